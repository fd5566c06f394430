import type { BranchPosition } from "../../bindings/BranchPosition";
import type { Message } from "../../bindings/Message";
import type { SearchHit } from "../../bindings/SearchHit";
import type { MockDb } from "./db";
import { delay } from "./delay";

const HIGHLIGHT_START = "\uE000";
const HIGHLIGHT_END = "\uE001";

/** Text around the first match, every match wrapped in U+E000 … U+E001. */
export function makeSnippet(text: string, query: string, radius = 60): string | null {
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  const first = lower.indexOf(needle);
  if (first < 0) return null;
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + needle.length + radius * 2);
  const window = text.slice(start, end).replace(/\s+/g, " ");
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const marked = window.replace(
    new RegExp(escaped, "gi"),
    (hit) => `${HIGHLIGHT_START}${hit}${HIGHLIGHT_END}`,
  );
  return `${start > 0 ? "…" : ""}${marked}${end < text.length ? "…" : ""}`;
}

/** At each fork from the first message down to this one, the alternative its branch takes. */
function forksOf(db: MockDb, message: Message): BranchPosition[] {
  const forks: BranchPosition[] = [];
  for (let node: Message | undefined = message; node;) {
    const siblings = db.siblingIds(node);
    if (siblings.length > 1)
      forks.unshift({ index: siblings.indexOf(node.id) + 1, count: siblings.length });
    node = node.parentId ? db.messages.get(node.parentId) : undefined;
  }
  return forks;
}

/** Search as the backend answers it: titles and message text, newest first, highlighted, with forks. */
export async function searchMock(db: MockDb, query: string, limit: number): Promise<SearchHit[]> {
  await delay(60);
  const q = query.trim();
  if (!q) return [];
  for (const id of [...db.lazyThreads.keys()]) {
    if ((db.conversations.get(id)?.messageCount ?? 0) < 100) db.ensureThread(id);
  }
  const hits: SearchHit[] = [];
  for (const conversation of db.conversations.values()) {
    const snippet = makeSnippet(conversation.title, q);
    if (snippet) {
      hits.push({
        conversationId: conversation.id,
        conversationTitle: conversation.title,
        snippet,
        createdAt: conversation.updatedAt,
      });
    }
  }
  for (const message of db.messages.values()) {
    if (hits.length >= limit) break;
    const snippet = makeSnippet(message.text, q);
    const conversation = db.conversations.get(message.conversationId);
    if (snippet && conversation) {
      const hit: SearchHit = {
        conversationId: conversation.id,
        conversationTitle: conversation.title,
        messageId: message.id,
        snippet,
        createdAt: message.createdAt,
      };
      // Like the backend: absent when the branch never forks.
      const forks = forksOf(db, message);
      if (forks.length > 0) hit.forks = forks;
      hits.push(hit);
    }
  }
  return hits.sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
}
