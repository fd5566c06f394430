import { useEffect, useMemo, useRef, useState } from "react";
import { precheck } from "./budgets";
import { cachedBlock, loadBlock, type BlockEntry } from "./blockStore";

/** The streaming tail is parsed again at most this often. */
export const TAIL_INTERVAL_MS = 120;

interface Shown {
  source: string;
  live: boolean;
  entry: BlockEntry;
}

/**
 * What to show for one block: its rendered elements, why it is plain text, or null while
 * the worker parses it for the first time. A cached block answers synchronously. The live
 * (streaming) block keeps showing its last parsed version while the newest is parsed, one
 * request at a time and at most every TAIL_INTERVAL_MS; once a version of it broke a budget,
 * longer versions are not tried again.
 */
export function useBlock(source: string, live: boolean): BlockEntry | null {
  const overBudget = useMemo(() => precheck(source), [source]);
  const request = useMemo(() => ({ source, live }), [source, live]);
  const cached = overBudget ? undefined : cachedBlock(request);
  const [shown, setShown] = useState<Shown | null>(null);
  // The newest version, for a request that finishes while a newer one waits.
  const wanted = useRef(request);
  const busy = useRef(false);
  const lastStart = useRef(0);
  const mounted = useRef(true);

  // A longer version of a tail that took too long, or grew too many nodes, would too.
  const givenUp =
    live && shown !== null && "over" in shown.entry && shown.entry.over !== "failed"
      ? source.startsWith(shown.source)
      : false;
  const current = shown?.source === source && shown.live === request.live;
  const needed = !overBudget && !cached && !givenUp && !current;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    wanted.current = request;
    if (!needed || busy.current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const next = wanted.current;
      busy.current = true;
      lastStart.current = performance.now();
      void loadBlock(next, next.live ? "tail" : "visible", !next.live).then((entry) => {
        busy.current = false;
        if (!mounted.current) return;
        setShown({ ...next, entry });
      });
    };
    const wait = !request.live ? 0 : lastStart.current + TAIL_INTERVAL_MS - performance.now();
    if (wait > 0) timer = setTimeout(run, wait);
    else run();
    return () => clearTimeout(timer);
  }, [needed, request, shown]);

  if (overBudget) return { over: overBudget };
  if (cached) return cached;
  return shown?.entry ?? null;
}
