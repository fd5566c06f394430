import type { AppEvent } from "../../bindings/AppEvent";
import type { COMMAND_NAMES, Commands } from "../../bindings/commands";
import type { ChatRunStarted } from "../../bindings/ChatRunStarted";
import type { Conversation } from "../../bindings/Conversation";
import type { IpcError } from "../../bindings/IpcError";
import type { Message } from "../../bindings/Message";
import type { Provider } from "../../bindings/Provider";
import type { MockDb } from "./db";
import { delay } from "./delay";
import { MockRuns, type StreamSink } from "./runs";
import { replyScript } from "./scripts";
import { searchMock } from "./search";
import { DEMO_MODELS, GATEWAY_MODELS } from "./catalog";

type CommandName = (typeof COMMAND_NAMES)[number];
type Req<K extends CommandName> = Commands[K]["req"];
type Res<K extends CommandName> = Commands[K]["res"];
type HandlerTable = {
  [K in CommandName]: (req: Req<K>, sink: StreamSink | null) => Res<K> | Promise<Res<K>>;
};

function fail(kind: IpcError["kind"], message: string, extra: Partial<IpcError> = {}): never {
  const error: IpcError = { kind, message, retryable: false, ...extra };
  throw error;
}

/** As the backend answers when a provider needs a key and has none: before sending anything. */
function noKeyError(provider: Provider): IpcError {
  return {
    kind: "auth",
    reason: "noKey",
    message: `No API key is set for “${provider.name}”. Add one in Settings → Providers.`,
    retryable: false,
  };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) fail("notFound", `${what} was not found.`);
  return value;
}

export function createHandlers(db: MockDb, emit: (event: AppEvent) => void): HandlerTable {
  const conversationsChanged = (...ids: string[]) => emit({ type: "conversationsChanged", ids });
  const runs = new MockRuns(db, (id) => conversationsChanged(id));

  const touch = (conversation: Conversation) => {
    conversation.updatedAt = Date.now();
    conversation.messageCount = db.countBranch(conversation);
  };

  const providerFor = (providerId: string | undefined): Provider | undefined =>
    providerId ? db.providers.get(providerId) : undefined;

  const startReply = (assistant: Message, prompt: string, sink: StreamSink | null): string => {
    const provider = providerFor(assistant.providerId);
    return runs.start(
      assistant,
      sink ?? (() => undefined),
      replyScript(db, provider, assistant.model ?? "", prompt),
    );
  };

  const conversationOf = (id: string) => need(db.conversations.get(id), "The conversation");

  return {
    app_info: () => ({
      version: "0.1.0-mock",
      dataDir: "/home/you/.local/share/dev.portico.app",
      keychain: db.keychainAvailable
        ? { available: true, backend: "Secret Service" }
        : { available: false, backend: "none", error: "No Secret Service answered on D-Bus." },
      firstRun: db.providers.size === 0,
    }),
    keychain_status: () =>
      db.keychainAvailable
        ? { available: true, backend: "Secret Service" }
        : { available: false, backend: "none", error: "No Secret Service answered on D-Bus." },

    provider_presets: () => db.presets,
    provider_list: () => [...db.providers.values()].sort((a, b) => a.createdAt - b.createdAt),
    provider_create: (input) => {
      if (!input.name.trim()) fail("invalid", "Give the provider a name.", { reason: "emptyName" });
      const preset = db.presets.find((p) => p.id === input.presetId);
      const now = Date.now();
      const offline = preset?.offlineDemo ?? false;
      const created: Provider = {
        id: db.nextId("p"),
        ...input,
        baseUrl: offline ? "http://127.0.0.1:8787" : input.baseUrl,
        defaultModel: input.defaultModel ?? (offline ? "demo-chat" : undefined),
        models: offline ? DEMO_MODELS : [],
        key: { isSet: false, sessionOnly: false },
        createdAt: now,
        updatedAt: now,
      };
      // As the backend: the first gateway replaces the demo (or nothing) as the default.
      const current = db.resolveDefaultProvider();
      const currentIsDemo = current && db.providers.get(current)?.presetId === "offline-demo";
      db.providers.set(created.id, created);
      if (!offline && (!current || currentIsDemo)) db.defaultProviderId = created.id;
      emit({ type: "providersChanged" });
      return created;
    },
    provider_update: ({ id, input }) => {
      const existing = need(db.providers.get(id), "The provider");
      const updated: Provider = { ...existing, ...input, updatedAt: Date.now() };
      db.providers.set(id, updated);
      emit({ type: "providersChanged" });
      return updated;
    },
    provider_delete: ({ id }) => {
      need(db.providers.get(id), "The provider");
      db.providers.delete(id);
      if (db.defaultProviderId === id) db.defaultProviderId = null;
      emit({ type: "providersChanged" });
      return null;
    },
    provider_set_key: ({ providerId, key, sessionOnly }) => {
      const existing = need(db.providers.get(providerId), "The provider");
      if (key.trim().length < 8) fail("invalid", "That key looks too short.");
      if (!db.keychainAvailable && !sessionOnly) {
        fail(
          "keychain",
          "No keychain is available, so the key can only be kept for this session.",
          { reason: "keychainUnavailable" },
        );
      }
      existing.key = {
        isSet: true,
        lastFour: key.trim().slice(-4),
        sessionOnly: sessionOnly || !db.keychainAvailable,
      };
      existing.updatedAt = Date.now();
      emit({ type: "providersChanged" });
      return { ...existing };
    },
    provider_clear_key: ({ id }) => {
      const existing = need(db.providers.get(id), "The provider");
      existing.key = { isSet: false, sessionOnly: false };
      emit({ type: "providersChanged" });
      return { ...existing };
    },
    provider_test: async ({ id }) => {
      const existing = need(db.providers.get(id), "The provider");
      await delay(350);
      const preset = db.presets.find((p) => p.id === existing.presetId);
      if (existing.auth !== "none" && !existing.key.isSet) {
        return { ok: false, latencyMs: 1, modelCount: 0, error: noKeyError(existing) };
      }
      const models = preset?.offlineDemo ? DEMO_MODELS : GATEWAY_MODELS;
      return { ok: true, latencyMs: preset?.offlineDemo ? 4 : 123, modelCount: models.length };
    },
    provider_fetch_models: async ({ id }) => {
      const existing = need(db.providers.get(id), "The provider");
      await delay(300);
      const preset = db.presets.find((p) => p.id === existing.presetId);
      if (existing.auth !== "none" && !existing.key.isSet) throw noKeyError(existing);
      if (db.failFetchModels) fail("gatewayDown", db.failFetchModels, { retryable: true });
      const models = preset?.offlineDemo ? DEMO_MODELS : GATEWAY_MODELS;
      existing.models = models;
      existing.defaultModel ??= models.find((model) => model.kind === "chat")?.id;
      emit({ type: "providersChanged" });
      return models;
    },
    default_provider_get: () => ({ providerId: db.resolveDefaultProvider() }),
    default_provider_set: ({ providerId, model }) => {
      const existing = need(db.providers.get(providerId), "The provider");
      if (model !== undefined) {
        if (!model.trim()) fail("invalid", "Choose a model for the default provider.");
        existing.defaultModel = model.trim();
      }
      db.defaultProviderId = providerId;
      emit({ type: "providersChanged" });
      return { providerId: db.resolveDefaultProvider() };
    },

    conversation_list: ({ cursor, limit }) => {
      const sorted = [...db.conversations.values()].sort(
        (a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt,
      );
      const offset = cursor ? Number(cursor) : 0;
      const items = sorted.slice(offset, offset + limit);
      const next = offset + limit < sorted.length ? String(offset + limit) : undefined;
      return { items, nextCursor: next };
    },
    // A copy, as IPC gives: the UI's cache must not hold the object later commands change.
    conversation_get: ({ id }) => ({ ...conversationOf(id) }),
    conversation_create: (input) => {
      const conversation = db.addConversation({ title: "New chat", ...input, at: Date.now() });
      conversationsChanged(conversation.id);
      return conversation;
    },
    conversation_rename: ({ id, title }) => {
      const conversation = conversationOf(id);
      if (!title.trim()) fail("invalid", "A title cannot be empty.", { reason: "emptyTitle" });
      conversation.title = title.trim();
      conversationsChanged(id);
      return { ...conversation };
    },
    conversation_pin: ({ id, pinned }) => {
      const conversation = conversationOf(id);
      conversation.pinned = pinned;
      conversationsChanged(id);
      return { ...conversation };
    },
    conversation_update_settings: ({ id, providerId, model, params }) => {
      const conversation = conversationOf(id);
      Object.assign(conversation, { providerId, model, params });
      conversationsChanged(id);
      return { ...conversation };
    },
    conversation_delete: ({ id }) => {
      conversationOf(id);
      db.conversations.delete(id);
      db.drafts.delete(id);
      for (const message of [...db.messages.values()]) {
        if (message.conversationId === id) db.messages.delete(message.id);
      }
      conversationsChanged(id);
      return null;
    },
    search: ({ query, limit }) => searchMock(db, query, limit),

    thread_page: async ({ conversationId, beforeId, limit }) => {
      const conversation = conversationOf(conversationId);
      db.ensureThread(conversationId);
      await delay(30);
      const branch = db.activeBranch(conversation);
      const end = beforeId ? branch.findIndex((m) => m.id === beforeId) : branch.length;
      const stop = end < 0 ? branch.length : end;
      const start = Math.max(0, stop - limit);
      return {
        messages: branch
          .slice(start, stop)
          .map((message) => ({ message: { ...message }, siblingIds: db.siblingIds(message) })),
        hasMore: start > 0,
      };
    },
    message_switch_branch: ({ messageId }) => {
      const message = need(db.messages.get(messageId), "The message");
      db.ensureThread(message.conversationId);
      const conversation = conversationOf(message.conversationId);
      conversation.activeLeafId = db.leafBelow(messageId);
      conversation.messageCount = db.countBranch(conversation);
      conversationsChanged(conversation.id);
      return { ...conversation };
    },
    message_delete: ({ id }) => {
      const message = need(db.messages.get(id), "The message");
      const conversation = conversationOf(message.conversationId);
      const branch = db.activeBranch(conversation);
      const onBranch = branch.some((m) => m.id === id);
      db.deleteSubtree(id);
      if (onBranch) {
        const siblings = db.children.get(message.parentId ?? "") ?? [];
        const fallback = siblings[siblings.length - 1];
        conversation.activeLeafId = fallback ? db.leafBelow(fallback) : message.parentId;
      }
      touch(conversation);
      conversationsChanged(conversation.id);
      return { ...conversation };
    },

    chat_send: (req, sink) => {
      const now = Date.now();
      const conversation = req.conversationId
        ? conversationOf(req.conversationId)
        : db.addConversation({
            title: req.text.trim().slice(0, 48) || "New chat",
            providerId: req.providerId,
            model: req.model,
            params: req.params,
            at: now,
          });
      db.ensureThread(conversation.id);
      // As the backend: an edit branches beside the edited message, even at the root.
      const parentId = req.editOf
        ? db.messages.get(req.editOf)?.parentId
        : (req.parentId ?? conversation.activeLeafId);
      const user = db.addMessage({
        conversationId: conversation.id,
        parentId,
        role: "user",
        text: req.text,
        at: now,
      });
      const assistant = db.addMessage({
        conversationId: conversation.id,
        parentId: user.id,
        role: "assistant",
        text: "",
        status: "streaming",
        model: req.model,
        providerId: req.providerId,
        at: now + 1,
      });
      if (conversation.title === "New chat") conversation.title = req.text.trim().slice(0, 48);
      touch(conversation);
      const runId = startReply(assistant, req.text, sink);
      conversationsChanged(conversation.id);
      const started: ChatRunStarted = {
        runId,
        conversationId: conversation.id,
        userMessageId: user.id,
        assistantMessageId: assistant.id,
      };
      return started;
    },
    chat_regenerate: ({ messageId, providerId, model }, sink) => {
      const original = need(db.messages.get(messageId), "The message");
      const conversation = conversationOf(original.conversationId);
      const parent = original.parentId ? db.messages.get(original.parentId) : undefined;
      const assistant = db.addMessage({
        conversationId: conversation.id,
        parentId: original.parentId,
        role: "assistant",
        text: "",
        status: "streaming",
        model: model ?? conversation.model,
        providerId: providerId ?? conversation.providerId,
        at: Date.now(),
      });
      touch(conversation);
      const runId = startReply(assistant, parent?.text ?? "", sink);
      conversationsChanged(conversation.id);
      return { runId, conversationId: conversation.id, assistantMessageId: assistant.id };
    },
    chat_continue: ({ messageId }, sink) => {
      const message = need(db.messages.get(messageId), "The message");
      message.status = "streaming";
      message.error = undefined;
      const runId = runs.start(message, sink ?? (() => undefined), {
        reasoning: "",
        text: "\n| Branches | regenerate makes a sibling, edit makes a branch |\n| Errors | typed, in words, with details |",
        chunk: 12,
        intervalMs: 40,
      });
      return { runId, conversationId: message.conversationId, assistantMessageId: message.id };
    },
    chat_attach: ({ runId }, sink) => runs.attach(runId, sink ?? (() => undefined)),
    chat_cancel: ({ runId }) => {
      runs.cancel(runId);
      return null;
    },
    chat_active_runs: () => runs.active(),
    draft_list: () =>
      [...db.drafts].map(([id, draft]) => ({ conversationId: id || undefined, ...draft })),
    draft_save: ({ conversationId, text }) => {
      if (text && conversationId !== undefined) conversationOf(conversationId);
      if (text) db.drafts.set(conversationId ?? "", { text, updatedAt: Date.now() });
      else db.drafts.delete(conversationId ?? "");
      return null;
    },
    draft_move: ({ conversationId }) => {
      conversationOf(conversationId);
      const draft = db.drafts.get("");
      db.drafts.delete("");
      if (draft) db.drafts.set(conversationId, draft);
      return null;
    },
  };
}
