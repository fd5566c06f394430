import type { ChatParams } from "../../bindings/ChatParams";
import type { Conversation } from "../../bindings/Conversation";
import type { IpcError } from "../../bindings/IpcError";
import type { Message } from "../../bindings/Message";
import type { Provider } from "../../bindings/Provider";
import type { ProviderPreset } from "../../bindings/ProviderPreset";

/** An in-memory stand-in for the backend's SQLite database, used by the mock backend only. */
export class MockDb {
  providers = new Map<string, Provider>();
  presets: ProviderPreset[] = [];
  conversations = new Map<string, Conversation>();
  messages = new Map<string, Message>();
  /** Children of each message id ("" for roots), in creation order. */
  children = new Map<string, string[]>();
  /** Conversations whose messages are generated on first open. */
  lazyThreads = new Map<string, () => void>();
  keychainAvailable = true;
  /** The app setting `defaultProviderId`, as the backend stores it. */
  defaultProviderId: string | null = null;
  /** When set, `provider_fetch_models` fails with this message (the gateway is down). */
  failFetchModels: string | null = null;
  /** Unsent composer text by conversation id ("" for the new chat). */
  drafts = new Map<string, { text: string; updatedAt: number }>();
  private counter = 0;

  /** The default provider: the setting, else the oldest gateway, else the first provider. */
  resolveDefaultProvider(): string | undefined {
    const list = [...this.providers.values()].sort((a, b) => a.createdAt - b.createdAt);
    const gateway = (p: Provider) => p.presetId !== "offline-demo";
    return (list.find((p) => p.id === this.defaultProviderId) ?? list.find(gateway) ?? list[0])?.id;
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter.toString(36).padStart(5, "0")}`;
  }

  ensureThread(conversationId: string): void {
    const generate = this.lazyThreads.get(conversationId);
    if (generate) {
      this.lazyThreads.delete(conversationId);
      generate();
    }
  }

  addConversation(input: {
    title: string;
    providerId?: string;
    model?: string;
    params?: ChatParams;
    pinned?: boolean;
    at: number;
    messageCount?: number;
  }): Conversation {
    const conversation: Conversation = {
      id: this.nextId("c"),
      title: input.title,
      providerId: input.providerId,
      model: input.model,
      params: input.params ?? {},
      pinned: input.pinned ?? false,
      messageCount: input.messageCount ?? 0,
      createdAt: input.at,
      updatedAt: input.at,
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  addMessage(input: {
    conversationId: string;
    parentId?: string;
    role: Message["role"];
    text: string;
    reasoning?: string;
    status?: Message["status"];
    error?: IpcError;
    model?: string;
    providerId?: string;
    at: number;
    makeActive?: boolean;
  }): Message {
    const message: Message = {
      id: this.nextId("m"),
      conversationId: input.conversationId,
      parentId: input.parentId,
      role: input.role,
      text: input.text,
      reasoning: input.reasoning,
      status: input.status ?? "complete",
      error: input.error,
      providerId: input.providerId,
      model: input.model,
      createdAt: input.at,
      updatedAt: input.at,
    };
    if (input.role === "assistant" && message.status !== "streaming" && input.text) {
      const completion = Math.max(1, Math.round(input.text.length / 4));
      message.usage = {
        promptTokens: 180 + (input.text.length % 400),
        completionTokens: completion,
        totalTokens: 180 + (input.text.length % 400) + completion,
        reasoningTokens: input.reasoning ? Math.round(input.reasoning.length / 4) : undefined,
      };
      message.timings = {
        firstByteMs: 240 + (input.text.length % 300),
        firstTokenMs: 380 + (input.text.length % 500),
        totalMs: 2400 + input.text.length * 6,
        reasoningMs: input.reasoning ? 1800 + input.reasoning.length * 12 : undefined,
        tokensPerSecond: 38 + (input.text.length % 40),
      };
      message.finishReason = message.status === "complete" ? "stop" : undefined;
    }
    this.messages.set(message.id, message);
    const key = input.parentId ?? "";
    const siblings = this.children.get(key) ?? [];
    siblings.push(message.id);
    this.children.set(key, siblings);
    const conversation = this.conversations.get(input.conversationId);
    if (conversation && input.makeActive !== false) {
      conversation.activeLeafId = message.id;
      conversation.updatedAt = Math.max(conversation.updatedAt, input.at);
    }
    return message;
  }

  /** Ids of messages sharing this message's parent, oldest first (roots: only those of its conversation). */
  siblingIds(message: Message): string[] {
    const all = this.children.get(message.parentId ?? "") ?? [message.id];
    if (message.parentId) return all;
    return all.filter((id) => this.messages.get(id)?.conversationId === message.conversationId);
  }

  /** The active branch, oldest first. */
  activeBranch(conversation: Conversation): Message[] {
    const path: Message[] = [];
    let cursor = conversation.activeLeafId
      ? this.messages.get(conversation.activeLeafId)
      : undefined;
    while (cursor) {
      path.push(cursor);
      cursor = cursor.parentId ? this.messages.get(cursor.parentId) : undefined;
    }
    return path.reverse();
  }

  /** The newest leaf below a message (follows the newest child down). */
  leafBelow(messageId: string): string {
    let current = messageId;
    for (;;) {
      const kids = this.children.get(current);
      const last = kids?.[kids.length - 1];
      if (!last) return current;
      current = last;
    }
  }

  countBranch(conversation: Conversation): number {
    return this.activeBranch(conversation).length;
  }

  deleteSubtree(messageId: string): void {
    const kids = this.children.get(messageId) ?? [];
    for (const kid of [...kids]) this.deleteSubtree(kid);
    this.children.delete(messageId);
    const message = this.messages.get(messageId);
    if (!message) return;
    const key = message.parentId ?? "";
    this.children.set(
      key,
      (this.children.get(key) ?? []).filter((id) => id !== messageId),
    );
    this.messages.delete(messageId);
  }
}
