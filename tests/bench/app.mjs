// Whole-app figures under Xvfb through tauri-driver: launch time, idle memory, and a long
// conversation (time to show, memory before and after traversing it, frame times while
// scrolling, time to reach the first message). Run it with run-app-bench.sh, which builds the
// app, seeds the data folders and provides Xvfb and D-Bus.
//
// Env: PORTICO_BENCH_APP (release binary), PORTICO_BENCH_IDLE_DIR (provider only),
// PORTICO_BENCH_LONG_DIR + PORTICO_BENCH_LONG_SEED (seed_conversation's JSON line),
// PORTICO_BENCH_LOG (tauri-driver log), optional BENCH_LAUNCHES, BENCH_LONG_RUNS.
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { remote } from "webdriverio";
import { startDriver, stopDriver, PORT } from "./driver.mjs";
import * as page from "./page.mjs";
import { alive, findApp, memory, withSteal } from "./proc.mjs";
import { paintedIntervals, paintedStats } from "./painted.mjs";
import { frameLine, frameStats, median, paintedLine, spread } from "./stats.mjs";

const APP = process.env.PORTICO_BENCH_APP;
const LOG = process.env.PORTICO_BENCH_LOG ?? "/tmp/portico-bench-driver.log";
const LAUNCHES = Number(process.env.BENCH_LAUNCHES ?? 5);
const LONG_RUNS = Number(process.env.BENCH_LONG_RUNS ?? 3);
// On a shared VM the host takes CPU time from us at will ("steal"). Long runs go on, up to
// LONG_MAX, until LONG_RUNS of them scrolled with less than QUIET_STEAL % stolen.
const QUIET_STEAL = Number(process.env.BENCH_QUIET_STEAL ?? 2);
const LONG_MAX = Number(process.env.BENCH_LONG_MAX ?? 3 * LONG_RUNS);
const FRAME_LOG = process.env.PORTICO_BENCH_FRAME_LOG;
// JavaScriptCore frees garbage lazily: a reading right after work counts it. Memory after a
// step is the lowest of a few readings once the page has been left alone for a while.
const MEMORY_WAIT_MS = 5_000;
const MEMORY_SAMPLES = 5;
const STEP_PX = 80; // per frame: about 4,800 px/s at 60 fps, a brisk wheel scroll
const FRAMES = 600;

/** A session on a fresh app; returns { browser, app, sessionMs, navigationMs, readyMs }. */
async function launch() {
  const t0 = Date.now();
  const browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "error",
    capabilities: {
      browserName: "wry",
      "wdio:enforceWebDriverClassic": true,
      "tauri:options": { application: APP },
    },
  });
  const sessionMs = Date.now() - t0;
  await browser.setTimeout({ script: 180_000 });
  // Right after the session the first document may still be replaced: retry until it answers.
  let readyAt;
  for (let i = 0; ; i += 1) {
    try {
      readyAt = await browser.executeAsync(page.mainReady);
      break;
    } catch (error) {
      if (i > 50) throw error;
      await sleep(20);
    }
  }
  // Where the page's clock starts: the app and WebKit are up and the document starts loading.
  const origin = await browser.execute(() => performance.timeOrigin);
  const app = findApp(process.pid, APP);
  const marks = await browser.executeAsync(page.startupMarks);
  return { browser, app, sessionMs, navigationMs: origin - t0, readyMs: readyAt - t0, marks };
}

/** Lowest PSS of a few readings, one a second, after MEMORY_WAIT_MS of quiet. */
async function settledMemory(app) {
  await sleep(MEMORY_WAIT_MS);
  let best = null;
  for (let i = 0; i < MEMORY_SAMPLES; i += 1) {
    const m = memory(app);
    if (!best || m.pss < best.pss) best = m;
    await sleep(1_000);
  }
  return best;
}

async function close({ browser, app }) {
  await browser.deleteSession();
  for (let i = 0; i < 100 && app && alive(app); i += 1) await sleep(50);
}

const mb = (m) =>
  `${m.pss.toFixed(0)} MB PSS (${m.rss.toFixed(0)} MB RSS, ${m.processes} processes)`;

async function launchPhase() {
  console.log(`\nLAUNCH: data folder with one provider, so the first screen is the main one`);
  console.log(
    "  measured: from the WebDriver new-session request (tauri-driver starts the app) to the first" +
      "\n  frame where <main> is present and the element at its centre belongs to it (clickable)",
  );
  const cold = await launch();
  await close(cold);
  console.log(`  first launch (warm-up, not counted): ${(cold.readyMs / 1000).toFixed(2)} s`);
  const ready = [];
  const session = [];
  const navigation = [];
  const idle = [];
  const marks = [];
  let breakdown;
  const steal = [];
  for (let i = 0; i < LAUNCHES; i += 1) {
    const [run, stolen] = await withSteal(launch);
    steal.push(stolen);
    ready.push(run.readyMs / 1000);
    session.push(run.sessionMs / 1000);
    navigation.push(run.navigationMs / 1000);
    marks.push({ ...run.marks, ready: run.readyMs - run.navigationMs });
    const m = await settledMemory(run.app);
    idle.push(m);
    breakdown = m.byName;
    await close(run);
  }
  const ui = ready.map((r, i) => r - navigation[i]);
  console.log(`  launch to interactive: ${spread(ready, 2)} s`);
  console.log(
    `    new session returned at ${spread(session, 2)} s; the page started loading at ${spread(navigation, 2)} s` +
      `\n    (app, window and WebKit processes up); page load to <main> clickable: ${spread(ui, 2)} s`,
  );
  const mark = (key) => {
    const values = marks.map((m) => m[key]).filter((v) => typeof v === "number");
    return values.length ? `${spread(values)} ms` : "n/a";
  };
  console.log(
    `    in the page (ms from its start): document ${mark("html")}, DOM ready ${mark("domReady")},` +
      `\n    entry script run ${mark("script")}, app_info answered ${mark("appInfo")},` +
      ` main screen committed ${mark("shell")}, clickable ${mark("ready")}`,
  );
  console.log(
    `  runs: ${ready.map((s) => s.toFixed(2)).join(", ")} s` +
      `  (host steal ${steal.map((s) => s.toFixed(1)).join("/")} %)`,
  );
  console.log(
    `  idle on the main screen (lowest of ${MEMORY_SAMPLES} readings after ${MEMORY_WAIT_MS / 1000} s): PSS ${spread(idle.map((m) => m.pss))} MB, RSS ${spread(idle.map((m) => m.rss))} MB`,
  );
  console.log(
    `  PSS by process (last run): ${Object.entries(breakdown)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(", ")} MB`,
  );
}

/**
 * Frame statistics of a measurement: the page's frame intervals, the window's painted frames
 * meanwhile (`painted`, null without a frame log), and how much CPU the host took.
 */
async function framesOf(measure) {
  const [{ deltas, from, to }, steal] = await withSteal(measure);
  const painted = FRAME_LOG ? paintedStats(paintedIntervals(FRAME_LOG, from, to)) : null;
  return { ...frameStats(deltas), painted, steal };
}

/** Open, traverse to the first message, scroll back down through everything. */
async function traversalRun(seed) {
  const run = await launch();
  const { browser, app } = run;
  const beforeOpen = await settledMemory(app);
  const showMs = await browser.executeAsync(page.openConversation, seed.last);
  const opened = await settledMemory(app);
  const idleFrames = await framesOf(() => browser.executeAsync(page.idleFrames, 120));
  const rowsOpened = await browser.executeAsync(page.renderedCount);
  const traversal = await browser.executeAsync(page.traverseToFirst, seed.first, 120_000);
  if (traversal.timedOut) throw new Error(`did not reach the first message in ${traversal.ms} ms`);
  const traversed = await settledMemory(app);
  const rowsTop = await browser.executeAsync(page.renderedCount);
  const down = await framesOf(() => browser.executeAsync(page.scrollFrames, STEP_PX, FRAMES));
  await browser.executeAsync(page.toBottom);
  const back = await settledMemory(app);
  await close(run);
  return {
    showMs,
    beforeOpen,
    idleFrames,
    opened,
    traversal,
    traversed,
    back,
    down,
    rowsOpened,
    rowsTop,
  };
}

/** Open, then scroll up a fixed step per frame, loading older pages on the way. */
async function scrollUpRun(seed) {
  const run = await launch();
  await sleep(2_000);
  await run.browser.executeAsync(page.openConversation, seed.last);
  await sleep(1_000);
  const up = await framesOf(() => run.browser.executeAsync(page.scrollFrames, -STEP_PX, FRAMES));
  await close(run);
  return up;
}

function printScrollFrames(which, ups, downs) {
  console.log(`  frames scrolling ${STEP_PX} px/frame, ${which}:`);
  console.log(`    up from the newest, loading older pages: ${frameLine(ups)}`);
  console.log(`    down through the whole loaded history:   ${frameLine(downs)}`);
  if (ups.every((r) => r.painted) && downs.every((r) => r.painted)) {
    console.log(`    painted (the window's frames, µs clock):`);
    console.log(`      up:   ${paintedLine(ups.map((r) => r.painted))}`);
    console.log(`      down: ${paintedLine(downs.map((r) => r.painted))}`);
  }
}

async function longPhase(seed) {
  console.log(
    `\nLONG CONVERSATION: ${seed.messages} messages of about ${seed.avgChars} characters`,
  );
  const runs = [];
  const ups = [];
  const quiet = [];
  for (let i = 0; i < LONG_MAX && (i < LONG_RUNS || quiet.length < LONG_RUNS); i += 1) {
    runs.push(await traversalRun(seed));
    ups.push(await scrollUpRun(seed));
    if (runs[i].down.steal < QUIET_STEAL && ups[i].steal < QUIET_STEAL) quiet.push(i);
  }
  const f = (k, sel) => spread(runs.map((r) => sel(r[k])));
  console.log(
    `  time to show (click its row -> newest message painted): ${spread(runs.map((r) => r.showMs))} ms`,
  );
  console.log(
    `  traverse newest -> first (jump to the top each frame; newest 50, then pages of 200): ${spread(
      runs.map((r) => r.traversal.ms / 1000),
      2,
    )} s`,
  );
  console.log(
    `    frames meanwhile: ${frameLine(runs.map((r) => frameStats(r.traversal.frames)))}`,
  );
  console.log(
    `  frames, conversation open, no scrolling:    ${frameLine(runs.map((r) => r.idleFrames))}`,
  );
  printScrollFrames(`all ${runs.length} runs`, ups, runs.map((r) => r.down));
  if (quiet.length > 0 && quiet.length < runs.length)
    printScrollFrames(
      `the ${quiet.length} runs with < ${QUIET_STEAL} % host steal`,
      quiet.map((i) => ups[i]),
      quiet.map((i) => runs[i].down),
    );
  else if (quiet.length === 0)
    console.log(`  (no run scrolled with < ${QUIET_STEAL} % host steal in ${runs.length} tries)`);
  console.log(
    `  memory (PSS, MB; RSS in brackets; lowest of ${MEMORY_SAMPLES} readings after ${MEMORY_WAIT_MS / 1000} s quiet):`,
  );
  console.log(
    `    main screen, before opening:   ${f("beforeOpen", (m) => m.pss)}  [${f("beforeOpen", (m) => m.rss)}]`,
  );
  console.log(
    `    opened (newest page):          ${f("opened", (m) => m.pss)}  [${f("opened", (m) => m.rss)}]`,
  );
  console.log(
    `    after traversal to the first:  ${f("traversed", (m) => m.pss)}  [${f("traversed", (m) => m.rss)}]`,
  );
  console.log(
    `    after scrolling back down:     ${f("back", (m) => m.pss)}  [${f("back", (m) => m.rss)}]`,
  );
  const growth = runs.map((r) => r.traversed.pss - r.opened.pss);
  console.log(`    growth, traversed - opened:    ${spread(growth)} MB`);
  console.log(
    `  articles in the DOM: ${median(runs.map((r) => r.rowsOpened))} when opened, ${median(
      runs.map((r) => r.rowsTop),
    )} at the top (virtualized)`,
  );
  console.log(`  last run: ${mb(runs.at(-1).back)}`);
}

async function phase(dataDir, body) {
  const env = { PORTICO_DATA_DIR: dataDir, ...(FRAME_LOG ? { PORTICO_FRAME_LOG: FRAME_LOG } : {}) };
  const driver = await startDriver(env, LOG);
  try {
    await body();
  } finally {
    await stopDriver(driver);
  }
}

if (!APP) throw new Error("PORTICO_BENCH_APP is not set: run tests/bench/run-app-bench.sh");
const only = process.argv[2] ?? "all";
try {
  if (only === "all" || only === "launch")
    await phase(process.env.PORTICO_BENCH_IDLE_DIR, launchPhase);
  if (only === "all" || only === "long") {
    const seed = JSON.parse(readFileSync(process.env.PORTICO_BENCH_LONG_SEED, "utf8"));
    await phase(process.env.PORTICO_BENCH_LONG_DIR, () => longPhase(seed));
  }
} catch (error) {
  // WebdriverIO errors carry the whole request: the message is enough.
  console.error(`app bench failed: ${error.message}`);
  process.exitCode = 1;
}
