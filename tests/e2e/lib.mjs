// Sessions of the real app through tauri-driver, and small helpers for the flows.
import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { remote } from "webdriverio";

export const KEY = process.env.PORTICO_E2E_KEY;
export const SIM_URL = process.env.PORTICO_E2E_SIM_URL;
export const WORK = process.env.PORTICO_E2E_WORK;
export const ARTIFACTS = join(import.meta.dirname, "..", "artifacts", "e2e");

/** Launches the app on a data folder (created if new) and returns the WebDriver session. */
export async function launch(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const browser = await remote({
    hostname: "127.0.0.1",
    port: Number(process.env.PORTICO_DRIVER_PORT ?? 4444),
    logLevel: "error",
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": {
        application: process.env.PORTICO_APP,
        args: ["--data-dir", dataDir],
      },
    },
  });
  await browser.setTimeout({ implicit: 0 });
  return browser;
}

/** The app processes running on `dataDir` (their command line names the folder). */
export function appPids(dataDir) {
  const pids = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let args;
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    } catch {
      continue; // gone meanwhile
    }
    const flag = args.indexOf("--data-dir");
    if (flag > 0 && args[flag + 1] === dataDir) pids.push(Number(pid));
  }
  return pids;
}

function appRunning(dataDir) {
  return appPids(dataDir).length > 0;
}

/**
 * Ends the session and waits for the app to exit. An app that quits while a reply streams
 * first saves it, which can take a while on a busy machine; relaunching on the same folder
 * before then would only hand the new window to the old process (single instance).
 */
export async function quit(browser, dataDir) {
  await browser.deleteSession();
  const deadline = Date.now() + 20_000;
  while (appRunning(dataDir)) {
    if (Date.now() > deadline)
      throw new Error(`the app on ${dataDir} did not exit within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

/** Polls `probe` until it returns something truthy, which is returned. */
export async function eventually(probe, message, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out: ${message} (last: ${String(last)})`);
}

export async function visible(browser, selector, timeout = 15_000) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout });
  return el;
}

export async function click(browser, selector) {
  const el = await visible(browser, selector);
  await el.click();
  return el;
}

/** The composer's text area. */
export const COMPOSER = 'textarea[aria-label="Message"]';

/** Types `text` into the composer once it is enabled, and sends it. */
export async function send(browser, text) {
  const composer = await visible(browser, COMPOSER);
  await eventually(() => composer.isEnabled(), "the composer is enabled");
  await composer.setValue(text);
  await browser.keys("Enter");
}

/** Waits for the last reply (another than `previousId`, if given) to complete. */
export function replyCompletes(browser, previousId) {
  return eventually(
    async () => {
      const r = await lastReply(browser);
      return r && r.id !== previousId && r.status === "complete" ? r : null;
    },
    "the reply completes",
    30_000,
  );
}

/** Text of the last assistant message on screen. */
export async function lastReply(browser) {
  return browser.execute(() => {
    const replies = document.querySelectorAll('article[data-role="assistant"]');
    const last = replies[replies.length - 1];
    return last
      ? {
          text: last.innerText,
          status: last.dataset.status,
          id: last.dataset.messageId,
        }
      : null;
  });
}

export async function screenshot(browser, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  const viaDriver = (async () => {
    await browser.executeAsync((done) =>
      requestAnimationFrame(() => requestAnimationFrame(() => done())),
    );
    writeFileSync(file, Buffer.from(await browser.takeScreenshot(), "base64"));
    return true;
  })().catch(() => false);
  // WebKitWebDriver's screenshot sometimes never answers (QUALITY.md): then capture the X
  // screen instead, so a picture never holds up a flow.
  const timedOut = new Promise((resolve) => setTimeout(() => resolve(false), 8_000));
  if (await Promise.race([viaDriver, timedOut])) return;
  spawnSync("import", ["-window", "root", file], { timeout: 10_000 });
}

/** Every file below `dir`, recursively (sockets and unreadable files skipped). */
export function filesBelow(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...filesBelow(path));
    else if (st.isFile()) out.push(path);
  }
  return out;
}

export function fileContains(path, needle) {
  return readFileSync(path).includes(Buffer.from(needle));
}

/** Launches the app, runs `fn(browser)`, and on failure saves a screenshot before quitting. */
export async function withApp(dataDir, name, fn) {
  const browser = await launch(dataDir);
  try {
    return await fn(browser);
  } catch (error) {
    console.error(`     ${name}: ${error?.stack ?? error}`);
    // Bounded: on a page that stopped answering the screenshot itself can hang, and the
    // flow's own error is what matters.
    await Promise.race([
      screenshot(browser, `FAILED-${name}`).catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ]);
    throw error;
  } finally {
    await quit(browser, dataDir);
  }
}
