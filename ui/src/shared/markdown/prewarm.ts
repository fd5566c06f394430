import { isBlockCached, loadBlock } from "./blockStore";
import { precheck } from "./budgets";
import { collectDefinitions, withDefinitions } from "./references";
import { splitBlocks } from "./splitBlocks";

/**
 * Renders messages into the block cache ahead of need, so that rows of a long conversation
 * mount from the cache instead of waiting for the worker. Blocks are queued in the worker
 * behind anything on screen, newest message first: a page of older messages arrives as the
 * user scrolls up towards it, and its newest message is the next row to appear. Each answer
 * is turned into elements as it arrives, one block per task, so frames pass in between.
 */
export function prewarm(texts: readonly string[]): void {
  for (let index = texts.length - 1; index >= 0; index--) {
    const blocks = splitBlocks(texts[index] ?? "");
    const definitions = collectDefinitions(blocks);
    for (const block of blocks) {
      const request = { source: withDefinitions(block, definitions), live: false };
      if (precheck(request.source) || isBlockCached(request)) continue;
      void loadBlock(request, "prewarm");
    }
  }
}
