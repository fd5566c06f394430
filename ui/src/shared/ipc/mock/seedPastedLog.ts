import type { MockDb } from "./db";

export const PASTED_LOG_TITLE = "Why does this build fail?";
const LOG_LINES = 2000;

/** A 2,000-line build log as a user would paste it: long enough to collapse in the thread. */
export function pastedLog(lines = LOG_LINES): string {
  const out: string[] = [];
  for (let index = 1; index <= lines; index++) {
    const crate = ["portico-store", "portico-core", "portico-gateway", "tokio", "serde"][index % 5];
    out.push(
      index === lines
        ? `error[E0308]: mismatched types at src/chat/run.rs:${index % 400}: expected \`u64\`, found \`i64\``
        : `[${String(index).padStart(4, "0")}] Compiling ${crate} v0.${index % 9}.${index % 13} (line ${index} of the build log)`,
    );
  }
  return out.join("\n");
}

/** A conversation whose question is a pasted 2,000-line log. */
export function seedPastedLog(db: MockDb, providerId: string, at: number): void {
  const conversation = db.addConversation({
    title: PASTED_LOG_TITLE,
    providerId,
    model: "gpt-4o",
    at,
  });
  const question = db.addMessage({
    conversationId: conversation.id,
    role: "user",
    text: `${PASTED_LOG_TITLE}\n\n${pastedLog()}`,
    at: at - 60_000,
  });
  db.addMessage({
    conversationId: conversation.id,
    parentId: question.id,
    role: "assistant",
    text: "The last line is the one that matters: `run.rs` passes an `i64` where a `u64` is expected. Convert with `u64::try_from(value)?` and the build goes through.",
    model: "gpt-4o",
    providerId,
    at: at - 50_000,
  });
  conversation.updatedAt = at;
  conversation.messageCount = db.countBranch(conversation);
}
