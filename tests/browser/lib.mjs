// Shared helpers for the browser tests and the screenshot script: Debian chromium via
// playwright-core against `vite preview` of the built UI with the mock backend (?mock=1).
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const ARTIFACTS = join(ROOT, "tests", "artifacts");
export const BASE_URL = process.env.PORTICO_PREVIEW_URL ?? "http://127.0.0.1:4173";

/**
 * A fresh Chromium profile; returns { context, close }. Tests that depend on the clock pass it:
 * `clock` (ms since the epoch, or a date string) starts the page's time there, and it runs on
 * from it; `timezoneId` sets the page's time zone (the machine's by default).
 */
export async function launchBrowser({ colorScheme = "light", locale = "en-US", viewport = { width: 1280, height: 800 }, timezoneId, clock } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "portico-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--lang=${locale}`,
    ],
    viewport,
    colorScheme,
    locale,
    deviceScaleFactor: 1,
    ...(timezoneId ? { timezoneId } : {}),
  });
  if (clock !== undefined) {
    await context.clock.install({ time: clock });
    await context.clock.resume();
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the app in mock mode with extra query parameters, waits until it has rendered. */
export async function openApp(context, query = "") {
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => {
    if (message.type() === "error" && !/favicon/.test(message.text())) errors.push(message.text());
  });
  await page.goto(`${BASE_URL}/?mock=1${query ? `&${query}` : ""}`);
  await page.waitForSelector("#root > *", { timeout: 15_000 });
  return { page, errors };
}

/** Waits two animation frames so layout and paint have settled. */
export async function settle(page, ms = 150) {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  if (ms) await page.waitForTimeout(ms);
}

export async function screenshot(page, name) {
  const path = join(ARTIFACTS, name);
  mkdirSync(dirname(path), { recursive: true });
  await settle(page);
  await page.screenshot({ path });
  return path;
}

/** Scrolls an element as a user would (mouse wheel), so the app sees the user's intent. */
export async function wheel(page, locator, deltaY) {
  const box = await locator.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, deltaY);
}
