// Functions run inside the app's webview with executeAsync (the last argument is `done`).
// They time with the page's own clock and requestAnimationFrame, so WebDriver round trips
// are not in the figures.

/** Resolves with Date.now() at the first frame where <main> is present and clickable. */
export function mainReady(done) {
  const check = () => {
    const main = document.querySelector("main");
    if (main) {
      const r = main.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (r.width > 0 && r.height > 0 && hit && main.contains(hit)) return done(Date.now());
    }
    requestAnimationFrame(check);
  };
  check();
}

/**
 * Clicks the first conversation row; resolves with the ms until the frame after the one in
 * which message `lastId` is in the scroller's view (so that frame has been painted).
 */
export function openConversation(lastId, done) {
  const start = performance.now();
  document.querySelector('[data-testid="conversation-row"]').click();
  const check = () => {
    const scroller = document.querySelector('[data-testid="message-scroller"]');
    const article = scroller?.querySelector(`[data-message-id="${lastId}"]`);
    if (article) {
      const s = scroller.getBoundingClientRect();
      const a = article.getBoundingClientRect();
      if (a.bottom > s.top && a.top < s.bottom)
        return requestAnimationFrame(() => done(performance.now() - start));
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/**
 * Scrolls the message list by `step` px per frame (negative: up) for `frames` frames, or until
 * it can't move; resolves with { deltas: the frame-to-frame intervals in ms, from, to: the
 * wall clock (Date.now()) at the first and last frame, to find the window's paints meanwhile }.
 * A synthetic wheel event comes first each frame: the list only lets go of the bottom on the
 * user's own input.
 */
export function scrollFrames(step, frames, done) {
  const scroller = document.querySelector('[data-testid="message-scroller"]');
  const deltas = [];
  let last = null;
  let from = null;
  let still = 0;
  const tick = (now) => {
    if (last !== null) deltas.push(now - last);
    else from = Date.now();
    last = now;
    const before = scroller.scrollTop;
    scroller.dispatchEvent(new WheelEvent("wheel", { deltaY: step, bubbles: true }));
    scroller.scrollTop = before + step;
    still = scroller.scrollTop === before ? still + 1 : 0;
    // A few frames without movement: the end, unless an older page is still coming.
    if (deltas.length >= frames || still > 30) return done({ deltas, from, to: Date.now() });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * From wherever the list is, goes to the very first message as fast as the list allows: each
 * frame jumps to the top (alternating 0 and 1 px, so a scroll event fires every frame and the
 * list asks for the next older page as soon as it can). Resolves with { ms, frames, rows }
 * once message `firstId` is in the DOM and in view, at the frame after (painted).
 */
export function traverseToFirst(firstId, timeoutMs, done) {
  const scroller = document.querySelector('[data-testid="message-scroller"]');
  const start = performance.now();
  const deltas = [];
  let last = null;
  let flip = 0;
  const tick = (now) => {
    if (last !== null) deltas.push(now - last);
    last = now;
    const first = scroller.querySelector(`[data-message-id="${firstId}"]`);
    if (first) {
      const s = scroller.getBoundingClientRect();
      const f = first.getBoundingClientRect();
      if (f.top >= s.top - 1 && f.top < s.bottom)
        return requestAnimationFrame(() =>
          done({ ms: performance.now() - start, frames: deltas, timedOut: false }),
        );
    }
    if (now - start > timeoutMs) return done({ ms: now - start, frames: deltas, timedOut: true });
    scroller.dispatchEvent(new WheelEvent("wheel", { deltaY: -1000, bubbles: true }));
    flip ^= 1;
    scroller.scrollTop = flip;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Jumps to the bottom (as the user would with End) and waits two frames. */
export function toBottom(done) {
  const scroller = document.querySelector('[data-testid="message-scroller"]');
  scroller.dispatchEvent(new WheelEvent("wheel", { deltaY: 1000, bubbles: true }));
  scroller.scrollTop = scroller.scrollHeight;
  requestAnimationFrame(() => requestAnimationFrame(() => done(scroller.scrollTop)));
}

/** As scrollFrames, over `n` frames with nothing happening: the floor. */
export function idleFrames(n, done) {
  const deltas = [];
  let last = null;
  let from = null;
  const tick = (now) => {
    if (last !== null) deltas.push(now - last);
    else from = Date.now();
    last = now;
    if (deltas.length >= n) return done({ deltas, from, to: Date.now() });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** How many message articles are in the DOM (the virtualizer's window). */
export function renderedCount(done) {
  done(document.querySelectorAll("[data-message-id]").length);
}

/**
 * Start-up milestones in ms from the page's time origin: the document loaded, the entry script
 * evaluated, app_info answered, the first screen committed (marks set by the UI).
 */
export function startupMarks(done) {
  const nav = performance.getEntriesByType("navigation")[0];
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  done({
    html: nav ? nav.responseEnd : null,
    domReady: nav ? nav.domContentLoadedEventEnd : null,
    script: at("portico:script"),
    appInfo: at("portico:app-info"),
    shell: at("portico:shell"),
  });
}
