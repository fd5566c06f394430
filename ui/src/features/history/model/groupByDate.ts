import type { Conversation } from "@/shared/bindings/Conversation";
import { startOfDay, toEpochMs } from "@/shared/format/time";

export type DateGroup = "pinned" | "today" | "yesterday" | "previous7" | "previous30" | "older";

export type ConversationRow =
  | { kind: "header"; group: DateGroup }
  | { kind: "conversation"; conversation: Conversation; group: DateGroup };

const DAY_MS = 86_400_000;

/** Which date group a conversation falls in, by its last activity, relative to `now`. */
export function dateGroupOf(conversation: Conversation, now: number): DateGroup {
  if (conversation.pinned) return "pinned";
  const today = startOfDay(now);
  const at = toEpochMs(conversation.updatedAt);
  if (at >= today) return "today";
  if (at >= today - DAY_MS) return "yesterday";
  if (at >= today - 7 * DAY_MS) return "previous7";
  if (at >= today - 30 * DAY_MS) return "previous30";
  return "older";
}

/**
 * Pure: conversations (in the backend's order: pinned first, then newest) as list rows with a
 * header before each group. Keeps the given order inside groups.
 */
export function groupConversations(
  conversations: readonly Conversation[],
  now: number,
): ConversationRow[] {
  const order: DateGroup[] = ["pinned", "today", "yesterday", "previous7", "previous30", "older"];
  const buckets = new Map<DateGroup, Conversation[]>();
  for (const conversation of conversations) {
    const group = dateGroupOf(conversation, now);
    const bucket = buckets.get(group) ?? [];
    bucket.push(conversation);
    buckets.set(group, bucket);
  }
  const rows: ConversationRow[] = [];
  for (const group of order) {
    const bucket = buckets.get(group);
    if (!bucket?.length) continue;
    rows.push({ kind: "header", group });
    for (const conversation of bucket) rows.push({ kind: "conversation", conversation, group });
  }
  return rows;
}
