// Functions run inside the app's webview for the hostile-reply benchmark (hostile.mjs), with
// executeAsync (the last argument is `done`). A frozen page runs none of them: the caller
// bounds every call from outside.

/**
 * Starts a stall monitor on the page: a 10 ms timer (a stall is how much later than due it
 * fires: the main thread was busy), requestAnimationFrame intervals, and long tasks where the
 * engine reports them. Read it with `stallReport`.
 */
export function installMonitor(done) {
  const TICK_MS = 10;
  const m = {
    timerMax: 0,
    frameMax: 0,
    longTaskMax: 0,
    longTasks: null,
    start: performance.now(),
  };
  window.__porticoStalls = m;
  let lastTick = performance.now();
  const tick = () => {
    const now = performance.now();
    m.timerMax = Math.max(m.timerMax, now - lastTick - TICK_MS);
    lastTick = now;
    setTimeout(tick, TICK_MS);
  };
  setTimeout(tick, TICK_MS);
  let lastFrame = null;
  const frame = (now) => {
    if (lastFrame !== null) m.frameMax = Math.max(m.frameMax, now - lastFrame);
    lastFrame = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  if (PerformanceObserver.supportedEntryTypes?.includes("longtask")) {
    m.longTasks = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        m.longTasks += 1;
        m.longTaskMax = Math.max(m.longTaskMax, e.duration);
      }
    }).observe({ type: "longtask" });
  }
  done(true);
}

/** Zeroes the monitor's maxima (after start-up, before the step measured). */
export function resetMonitor(done) {
  const m = window.__porticoStalls;
  Object.assign(m, {
    timerMax: 0,
    frameMax: 0,
    longTaskMax: 0,
    start: performance.now(),
  });
  if (m.longTasks !== null) m.longTasks = 0;
  done(true);
}

/**
 * Waits `settleMs` more (stalls right after a message shows count too), then reports the
 * monitor and whether a hostile payload ran (`window.__porticoHostile`, set by the simulator's
 * `html` reply).
 */
export function stallReport(settleMs, done) {
  setTimeout(() => {
    const m = window.__porticoStalls;
    done({
      timerMax: m.timerMax,
      frameMax: m.frameMax,
      longTasks: m.longTasks,
      longTaskMax: m.longTaskMax,
      ran: Boolean(window.__porticoHostile),
      title: document.title,
    });
  }, settleMs);
}

/**
 * Resolves at the frame after the last reply shows (so that frame was painted) with
 * { shownAt: Date.now(), status }, or { timedOut } after `capMs` if the page ran meanwhile.
 */
export function waitReplyShown(capMs, done) {
  const start = performance.now();
  const lastReplyShown = () => {
    // Inlined: WebDriver sends each function alone. Shown: the last assistant message is not
    // streaming, nothing in it is aria-busy (a renderer's placeholder), its body holds text.
    const articles = document.querySelectorAll('article[data-role="assistant"]');
    const a = articles[articles.length - 1];
    if (!a || a.dataset.status === "streaming" || a.querySelector('[aria-busy="true"]'))
      return null;
    const body = a.querySelector(".md") ?? a;
    if (!body.firstChild || body.textContent.length === 0) return null;
    return { status: a.dataset.status, id: a.dataset.messageId };
  };
  const check = () => {
    const shown = lastReplyShown();
    if (shown)
      return requestAnimationFrame(() => done({ ...shown, shownAt: Date.now(), timedOut: false }));
    if (performance.now() - start > capMs) return done({ timedOut: true });
    setTimeout(check, 16);
  };
  check();
}

/**
 * Clicks the first conversation in the sidebar and resolves like waitReplyShown, with `ms`
 * from the click to the painted frame.
 */
export function openAndWaitShown(capMs, done) {
  const row = document.querySelector('[data-testid="conversation-row"]');
  if (!row) return done({ timedOut: false, missing: "no conversation row" });
  const start = performance.now();
  row.click();
  const lastReplyShown = () => {
    // Inlined: WebDriver sends each function alone. Shown: the last assistant message is not
    // streaming, nothing in it is aria-busy (a renderer's placeholder), its body holds text.
    const articles = document.querySelectorAll('article[data-role="assistant"]');
    const a = articles[articles.length - 1];
    if (!a || a.dataset.status === "streaming" || a.querySelector('[aria-busy="true"]'))
      return null;
    const body = a.querySelector(".md") ?? a;
    if (!body.firstChild || body.textContent.length === 0) return null;
    return { status: a.dataset.status, id: a.dataset.messageId };
  };
  const check = () => {
    const shown = lastReplyShown();
    if (shown)
      return requestAnimationFrame(() =>
        done({ ...shown, ms: performance.now() - start, timedOut: false }),
      );
    if (performance.now() - start > capMs) return done({ timedOut: true });
    setTimeout(check, 16);
  };
  requestAnimationFrame(check);
}
