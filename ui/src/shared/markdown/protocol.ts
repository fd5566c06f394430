import type { Root } from "hast";
import type { OverBudget } from "./budgets";
import type { ParseOptions } from "./parseBlock";

/** What the UI thread asks the markdown worker: one block at a time. */
export interface ParseJob extends ParseOptions {
  id: number;
  source: string;
}

/** What the worker answers: the block's tree, or why it has none. */
export type ParseReply =
  | { id: number; started: true }
  | { id: number; tree: Root; bytes: number }
  | { id: number; failed: Exclude<OverBudget, "time"> };

/** Sent once when the worker has loaded and can take jobs. */
export const READY = "ready";
