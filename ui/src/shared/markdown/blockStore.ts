import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { ReactElement } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import type { OverBudget } from "./budgets";
import { MARKDOWN_COMPONENTS } from "./components";
import { LruCache } from "./lruCache";
import { mayContainMath } from "./normalizeMath";
import { ParseClient, type Priority } from "./parseClient";

/**
 * Rendered blocks, cached by source: a row scrolled back into view, or a finished block of a
 * streaming reply, renders synchronously from here without parsing. Trees come from the
 * markdown worker and are turned into React elements once, on arrival. The cache is bounded
 * by bytes (a rough size of each tree and its key), not by count: one huge block must not
 * hold memory that thousands of small ones would share.
 */

export type BlockEntry = { element: ReactElement } | { over: OverBudget };

export interface BlockRequest {
  /** The block's source, with the reference definitions it uses appended. */
  source: string;
  /** Still streaming (see ParseOptions.live). */
  live: boolean;
}

const CACHE_BYTES = 64 * 1024 * 1024;
const cache = new LruCache<string, { entry: BlockEntry; bytes: number }>(
  CACHE_BYTES,
  (key, value) => key.length * 2 + value.bytes,
);
let client: ParseClient | null = null;
const inflight = new Map<string, { id: number; entry: Promise<BlockEntry> }>();

export const blockKey = ({ source, live }: BlockRequest) =>
  `${mayContainMath(source) ? "m" : "-"}${live ? "l" : "-"}${source}`;

/** The cached entry for this block, if any (synchronous: what a mounting row renders). */
export function cachedBlock(request: BlockRequest): BlockEntry | undefined {
  return cache.get(blockKey(request))?.entry;
}

/** Whether this block is already rendered (tests and the prewarmer use it). */
export function isBlockCached(request: BlockRequest): boolean {
  return cache.has(blockKey(request));
}

/** Bytes held by the block cache (tests use it). */
export function blockCacheBytes(): number {
  return cache.weight;
}

let katexStyles: Promise<unknown> | null = null;

/**
 * Parses the block in the worker and renders it. `keep` caches the result; the streaming
 * tail is not kept, since each of its versions is soon replaced.
 */
export function loadBlock(
  request: BlockRequest,
  priority: Priority,
  keep = true,
): Promise<BlockEntry> {
  const key = blockKey(request);
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit.entry);
  client ??= new ParseClient();
  const pending = inflight.get(key);
  if (pending) {
    client.promote(pending.id, priority);
    return pending.entry;
  }
  const math = key.startsWith("m");
  if (math) katexStyles ??= import("katex/dist/katex.min.css");
  const { id, outcome } = client.submit(request.source, { math, live: request.live }, priority);
  const entry = outcome.then((outcome): BlockEntry => {
    inflight.delete(key);
    const entry: BlockEntry =
      "over" in outcome ? { over: outcome.over } : { element: toElements(outcome.tree) };
    // A failure (the worker could not start, the parser threw) may not happen next time.
    const lasting = !("over" in outcome && outcome.over === "failed");
    if (keep && lasting) cache.set(key, { entry, bytes: "bytes" in outcome ? outcome.bytes : 64 });
    return entry;
  });
  inflight.set(key, { id, entry });
  return entry;
}

function toElements(tree: Root): ReactElement {
  return toJsxRuntime(tree, {
    Fragment,
    jsx,
    jsxs,
    components: MARKDOWN_COMPONENTS,
    ignoreInvalidStyle: true,
    passKeys: true,
  }) as ReactElement;
}
