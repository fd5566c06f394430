// The app killed with SIGKILL while a hostile reply renders: every process it started
// (WebKitWebProcess, WebKitNetworkProcess, ...) must be gone within a few seconds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { alive, descendants } from "../bench/proc.mjs";
import { COMPOSER, WORK, appPids, assert, click, launch, visible } from "./lib.mjs";

// How long a helper may outlive the app. WebKitGTK's own watchdog in a web process whose main
// thread does not answer fires only after 10 s.
const GRACE_MS = 5_000;
// Emphasis costs today's renderer the square of its length: while it streams, single parses
// soon take many seconds (20 KB took 3.2 s, 100 KB 128 s).
const PROMPT = "Render this. sim:hostile=emphasis";
// When to kill (see untilRendering). The reply streams for about 10 s (400 pieces, 25 ms).
const BUSY_MS = 3_000;
const LATE_MS = 15_000;
const KEEPS_UP_MS = 5_000;
// After a failure, how long to keep watching, to say when the helpers did go.
const WATCH_MS = 20_000;

/** `promise`'s value, or `fallback` after `ms` (a frozen page never answers). */
function within(promise, ms, fallback) {
  let timer;
  return Promise.race([
    promise.catch(() => fallback),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve(fallback), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** CPU time (user + system, in clock ticks) of `pid` so far, or null. */
function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** "<comm> at N % CPU" for each process over `ms`: is the web process busy at the kill? */
async function cpuShare(procs, ms) {
  const before = procs.map((p) => cpuTicks(p.pid));
  await new Promise((resolve) => setTimeout(resolve, ms));
  return procs
    .map(
      (p, i) =>
        `${p.comm} at ${Math.round(((cpuTicks(p.pid) - before[i]) * 1000) / ms)} % CPU`,
    )
    .join(", ");
}

/** Whether `pid` still runs as the process `comm` we listed (a zombie or reused pid: no). */
function stillSame({ pid, comm }) {
  if (!alive(pid)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat[stat.lastIndexOf(")") + 2];
    return stat.includes(`(${comm})`) && state !== "Z";
  } catch {
    return false;
  }
}

/** Notes in `gone` (pid -> ms after `killedAt`) each helper that exits, until `untilMs`. */
async function watchExits(helpers, gone, killedAt, untilMs) {
  while (
    Date.now() - killedAt < untilMs &&
    helpers.some((p) => !gone.has(p.pid))
  ) {
    for (const p of helpers)
      if (!gone.has(p.pid) && !stillSame(p))
        gone.set(p.pid, Date.now() - killedAt);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The last reply's state, or "busy" when the page does not answer within `ms`. */
function probe(browser, ms) {
  return within(
    browser.execute(() => {
      const a = [
        ...document.querySelectorAll('article[data-role="assistant"]'),
      ].at(-1);
      return a ? `${a.dataset.status}:${a.textContent.length}` : "none";
    }),
    ms,
    "busy",
  );
}

/**
 * Waits until the reply renders, and picks the moment to kill. A renderer that keeps the page
 * answering is killed mid-stream, once it has answered for KEEPS_UP_MS. One that blocks the
 * page is killed once it has blocked for BUSY_MS at least LATE_MS into the reply: past the end
 * of the stream, inside a long render, the worst moment to die, as the web process's main
 * thread cannot hear that the app is gone. Returns how the page was.
 */
async function untilRendering(browser) {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const deadline = Date.now() + 20_000;
  let state = "none";
  while (Date.now() < deadline && !/^streaming:[1-9]|busy/.test(state)) {
    state = await probe(browser, 2_000);
    await sleep(100);
  }
  if (!/^streaming:[1-9]|busy/.test(state))
    throw new Error("the hostile reply never started");
  const started = Date.now();
  let answeredSince = null;
  while (Date.now() - started < 60_000) {
    state = await probe(browser, BUSY_MS);
    const at = ((Date.now() - started) / 1000).toFixed(0);
    if (state === "busy") {
      answeredSince = null;
      if (Date.now() - started >= LATE_MS)
        return `blocked by one task for ${BUSY_MS / 1000} s, ${at} s into the reply`;
      continue;
    }
    answeredSince ??= Date.now();
    if (state === "none") {
      // The new conversation is still mounting.
      await sleep(100);
      continue;
    }
    if (!state.startsWith("streaming"))
      return `answering, the reply ${state.split(":")[0]}`;
    if (Date.now() - answeredSince >= KEEPS_UP_MS)
      return `answering while the reply streams (${at} s)`;
    await sleep(100);
  }
  throw new Error("the page neither answered nor blocked for long within 60 s");
}

export const killFlows = [
  {
    name: "SIGKILL while a hostile reply renders: no helper process outlives the app",
    async run() {
      const dataDir = join(WORK, "kill-profile");
      const browser = await launch(dataDir);
      let helpers = [];
      let app = null;
      try {
        await click(browser, "button*=Try the Offline demo");
        const composer = await visible(browser, COMPOSER);
        await composer.setValue(PROMPT);
        await within(browser.keys("Enter"), 10_000, null);
        const seen = await untilRendering(browser);
        app = appPids(dataDir)[0] ?? null;
        assert(app, "the app's process is found");
        const cpu = await cpuShare(
          [{ pid: app, comm: "app" }, ...descendants(app)],
          1_000,
        );
        // By ancestry before the kill: once the app is gone they are reparented.
        helpers = descendants(app);
        assert(
          helpers.some((p) => p.comm.startsWith("WebKit")),
          `the app runs WebKit processes (${helpers.map((p) => p.comm)})`,
        );
        process.kill(app, "SIGKILL");
        const killedAt = Date.now();
        const gone = new Map();
        await watchExits(helpers, gone, killedAt, GRACE_MS);
        const outlived = helpers.filter((p) => !gone.has(p.pid));
        await watchExits(helpers, gone, killedAt, WATCH_MS);
        const fate = (p) =>
          gone.has(p.pid)
            ? `gone at ${gone.get(p.pid)} ms`
            : `alive at ${WATCH_MS / 1000} s`;
        console.log(
          `     (killed with the page ${seen}, ${cpu}; after the kill: ` +
            helpers.map((p) => `${p.comm} ${fate(p)}`).join(", ") +
            ")",
        );
        assert(
          outlived.length === 0,
          `${outlived.map((p) => `${p.comm} (${p.pid})`).join(", ")} still running ` +
            `${GRACE_MS / 1000} s after the app was killed`,
        );
      } finally {
        // Whatever the outcome, nothing this test started stays behind.
        if (app && alive(app)) process.kill(app, "SIGKILL");
        for (const p of helpers)
          if (stillSame(p)) process.kill(p.pid, "SIGKILL");
        await within(browser.deleteSession(), 10_000, null);
      }
    },
  },
];
