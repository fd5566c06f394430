import type { Provider } from "../../bindings/Provider";
import {
  ALTERNATIVE_ANSWERS,
  bigMessage,
  CHINESE_CONVERSATION,
  LONG_CONVERSATION,
  smallTalk,
  topicTitle,
} from "./content";
import { DEMO_MODELS, GATEWAY_CHAT_IDS, GATEWAY_MODELS, PRESETS } from "./catalog";
import { MockDb } from "./db";
import { HOSTILE_REPLIES } from "./hostile";
import { seedClock } from "./seedClock";
import { seedPastedLog } from "./seedPastedLog";

export interface SeedOptions {
  /** No providers and no conversations: the first-run screen. */
  firstRun: boolean;
  /** No OS keychain answers. */
  noKeychain: boolean;
  /** Add a conversation for each hostile reply (hostile.ts). */
  hostile: boolean;
  /** How many ordinary conversations to create. */
  conversationCount: number;
  now: number;
}

const DAY = 86_400_000;
export const BIG_CONVERSATION_TITLE = "Big conversation";
export const LONG_CONVERSATION_TITLE = "Streaming SSE parser in Rust";

function provider(
  db: MockDb,
  input: Omit<Provider, "id" | "createdAt" | "updatedAt">,
  at: number,
): Provider {
  const value: Provider = { ...input, id: db.nextId("p"), createdAt: at, updatedAt: at };
  db.providers.set(value.id, value);
  return value;
}

export function seedMockDb(options: SeedOptions): MockDb {
  const db = new MockDb();
  db.presets = PRESETS;
  db.keychainAvailable = !options.noKeychain;
  if (options.firstRun) return db;
  const { now } = options;
  // Every seeded time is relative to the start of the local day (see seedClock): a time
  // "hours back from now" lands yesterday shortly after midnight.
  const at = seedClock(now);

  const demo = provider(
    db,
    {
      name: "Offline demo",
      presetId: "offline-demo",
      baseUrl: "http://127.0.0.1:8787",
      exactBaseUrl: false,
      auth: "none",
      extraHeaders: [],
      defaultModel: "demo-chat",
      models: DEMO_MODELS,
      key: { isSet: false, sessionOnly: false },
    },
    now - 40 * DAY,
  );
  const n1n = provider(
    db,
    {
      name: "n1n",
      presetId: "n1n",
      baseUrl: "https://api.n1n.ai",
      exactBaseUrl: false,
      auth: "bearer",
      extraHeaders: [],
      defaultModel: "gpt-4o-mini",
      models: GATEWAY_MODELS,
      key: { isSet: true, lastFour: "a1b2", sessionOnly: false },
    },
    now - 30 * DAY,
  );
  provider(
    db,
    {
      name: "Nexconn",
      presetId: "nexconn",
      baseUrl: "https://api.nexconn.ai",
      exactBaseUrl: false,
      auth: "bearer",
      extraHeaders: [{ name: "X-Team", value: "research" }],
      defaultModel: "claude-3-5-sonnet-20241022",
      models: GATEWAY_MODELS.slice(4, 12),
      key: { isSet: true, lastFour: "9f3c", sessionOnly: true },
    },
    now - 20 * DAY,
  );
  provider(
    db,
    {
      name: "jiekou",
      presetId: "jiekou",
      baseUrl: "https://api.jiekou.ai",
      exactBaseUrl: false,
      auth: "bearer",
      extraHeaders: [],
      models: [],
      key: { isSet: false, sessionOnly: false },
    },
    now - 10 * DAY,
  );

  seedLongConversation(db, demo.id, n1n.id, at(0, 0.02));
  seedChinese(db, n1n.id, at(0, 0.2));
  seedErrors(db, n1n.id, at(1, 0.3));
  seedBig(db, demo.id, at(2, 0.5));
  seedPastedLog(db, n1n.id, at(1, 0.1));
  if (options.hostile) seedHostile(db, demo.id, at(0, 0.01));

  for (let index = 0; index < options.conversationCount; index++) {
    // Spread over ~400 days, denser in the recent past: the first few are today, whatever
    // the hour.
    const ageDays =
      Math.pow(index / options.conversationCount, 2.2) * 400 + (index * 37 * 60_000) / DAY;
    const days = Math.floor(ageDays);
    const conversationAt = at(days, 0.25 + (ageDays - days) * 0.75);
    const title = topicTitle(index);
    const turns = 1 + (index % 3);
    const conversation = db.addConversation({
      title,
      providerId: index % 4 === 0 ? demo.id : n1n.id,
      model: index % 4 === 0 ? "demo-chat" : GATEWAY_CHAT_IDS[index % GATEWAY_CHAT_IDS.length],
      pinned: index === 7,
      at: conversationAt,
      messageCount: turns * 2,
    });
    db.lazyThreads.set(conversation.id, () => {
      let parentId: string | undefined;
      smallTalk(title, turns).forEach((turn, turnIndex) => {
        const t = conversationAt - (turns - turnIndex) * 60_000;
        parentId = db.addMessage({
          conversationId: conversation.id,
          parentId,
          role: "user",
          text: turn.user,
          at: t,
        }).id;
        parentId = db.addMessage({
          conversationId: conversation.id,
          parentId,
          role: "assistant",
          text: turn.assistant,
          model: conversation.model,
          providerId: conversation.providerId,
          at: t + 5000,
        }).id;
      });
      conversation.updatedAt = conversationAt;
    });
  }
  return db;
}

function seedLongConversation(db: MockDb, demoId: string, n1nId: string, at: number): void {
  const conversation = db.addConversation({
    title: LONG_CONVERSATION_TITLE,
    providerId: n1nId,
    model: "deepseek-r1",
    pinned: true,
    at,
    params: { systemPrompt: "You are a senior Rust engineer. Answer concisely.", temperature: 0.3 },
  });
  let parentId: string | undefined;
  LONG_CONVERSATION.forEach((turn, index) => {
    const t = at - (LONG_CONVERSATION.length - index) * 180_000;
    const user = db.addMessage({
      conversationId: conversation.id,
      parentId,
      role: "user",
      text: turn.user,
      at: t,
    });
    if (index === 0) {
      // Two earlier answers to the same question: the arrows show 3/3.
      ALTERNATIVE_ANSWERS.forEach((text, alt) =>
        db.addMessage({
          conversationId: conversation.id,
          parentId: user.id,
          role: "assistant",
          text,
          model: "gpt-4o",
          providerId: n1nId,
          at: t + 2000 + alt * 1000,
          makeActive: false,
        }),
      );
    }
    const reply = db.addMessage({
      conversationId: conversation.id,
      parentId: user.id,
      role: "assistant",
      text: turn.assistant,
      reasoning: turn.reasoning,
      model: index === 0 ? "deepseek-r1" : "gpt-4o",
      providerId: n1nId,
      at: t + 9000,
    });
    parentId = reply.id;
  });
  const last = db.addMessage({
    conversationId: conversation.id,
    parentId,
    role: "user",
    text: "Summarize the whole thing in one table.",
    at: at - 30_000,
  });
  db.addMessage({
    conversationId: conversation.id,
    parentId: last.id,
    role: "assistant",
    status: "interrupted",
    text: "| Topic | Key point |\n|---|---|\n| SSE decoding | buffer bytes, split lines, then decode |\n| Rendering | flush once per animation frame |",
    model: "demo-chat",
    providerId: demoId,
    at: at - 25_000,
  });
  conversation.updatedAt = at;
  conversation.messageCount = db.countBranch(conversation);
}

function seedChinese(db: MockDb, n1nId: string, at: number): void {
  const conversation = db.addConversation({
    title: "多模型网关入门",
    providerId: n1nId,
    model: "qwen-max",
    at,
  });
  let parentId: string | undefined;
  CHINESE_CONVERSATION.forEach((turn, index) => {
    const t = at - (CHINESE_CONVERSATION.length - index) * 60_000;
    parentId = db.addMessage({
      conversationId: conversation.id,
      parentId,
      role: "user",
      text: turn.user,
      at: t,
    }).id;
    parentId = db.addMessage({
      conversationId: conversation.id,
      parentId,
      role: "assistant",
      text: turn.assistant,
      model: "qwen-max",
      providerId: n1nId,
      at: t + 4000,
    }).id;
  });
  conversation.updatedAt = at;
  conversation.messageCount = db.countBranch(conversation);
}

function seedErrors(db: MockDb, n1nId: string, at: number): void {
  const conversation = db.addConversation({
    title: "Gateway errors",
    providerId: n1nId,
    model: "gpt-4o",
    at,
  });
  const q1 = db.addMessage({
    conversationId: conversation.id,
    role: "user",
    text: "Write a limerick about rate limits.",
    at: at - 60_000,
  });
  const a1 = db.addMessage({
    conversationId: conversation.id,
    parentId: q1.id,
    role: "assistant",
    status: "error",
    text: "",
    model: "gpt-4o",
    providerId: n1nId,
    at: at - 58_000,
    error: {
      kind: "rateLimited",
      message: "The gateway asked us to slow down.",
      retryable: true,
      retryAfterMs: 30_000,
      status: 429,
      gatewayCode: "rate_limit_error",
      gatewayMessage: "Rate limit reached for gpt-4o",
      detail:
        'HTTP 429 Too Many Requests\nretry-after: 30\n{"error":{"message":"Rate limit reached for gpt-4o","type":"rate_limit_error"}}',
    },
  });
  const q2 = db.addMessage({
    conversationId: conversation.id,
    parentId: a1.id,
    role: "user",
    text: "Try again please.",
    at: at - 30_000,
  });
  const a2 = db.addMessage({
    conversationId: conversation.id,
    parentId: q2.id,
    role: "assistant",
    status: "error",
    text: "",
    model: "gpt-4o",
    providerId: n1nId,
    at: at - 29_000,
    error: {
      kind: "timeout",
      reason: "upstreamTimeout",
      message: "The gateway's upstream did not answer.",
      retryable: true,
      status: 524,
      gatewayMessage: "A timeout occurred",
      detail:
        "HTTP 524 <!DOCTYPE html><html><head><title>A timeout occurred</title></head><body>cloudflare</body></html>",
    },
  });
  const q3 = db.addMessage({
    conversationId: conversation.id,
    parentId: a2.id,
    role: "user",
    text: "And once more.",
    at: at - 10_000,
  });
  const a3 = db.addMessage({
    conversationId: conversation.id,
    parentId: q3.id,
    role: "assistant",
    status: "canceled",
    text: "There once was a gateway in",
    model: "gpt-4o",
    providerId: n1nId,
    at: at - 9_000,
  });
  const q4 = db.addMessage({
    conversationId: conversation.id,
    parentId: a3.id,
    role: "user",
    text: "Now put every limerick above into one long poem.",
    at: at - 5_000,
  });
  db.addMessage({
    conversationId: conversation.id,
    parentId: q4.id,
    role: "assistant",
    status: "error",
    text: "",
    model: "gpt-4o",
    providerId: n1nId,
    at: at - 4_000,
    error: {
      kind: "badRequest",
      reason: "contextTooLong",
      message: "The conversation is too long for this model's context window.",
      retryable: false,
      status: 400,
      gatewayCode: "context_length_exceeded",
      gatewayMessage:
        "This model's maximum context length is 8192 tokens. However, your messages resulted in 9317 tokens. Please reduce the length of the messages.",
      detail:
        'HTTP 400 (context_length_exceeded): This model\'s maximum context length is 8192 tokens.\n\n{"error":{"message":"This model\'s maximum context length is 8192 tokens. However, your messages resulted in 9317 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}',
    },
  });
  conversation.updatedAt = at;
  conversation.messageCount = db.countBranch(conversation);
}

function seedBig(db: MockDb, demoId: string, at: number): void {
  const count = 2000;
  const conversation = db.addConversation({
    title: BIG_CONVERSATION_TITLE,
    providerId: demoId,
    model: "demo-fast",
    at,
    messageCount: count,
  });
  db.lazyThreads.set(conversation.id, () => {
    let parentId: string | undefined;
    for (let index = 0; index < count; index++) {
      const role = index % 2 === 0 ? "user" : "assistant";
      parentId = db.addMessage({
        conversationId: conversation.id,
        parentId,
        role,
        text: bigMessage(Math.floor(index / 2) + 1, role),
        model: role === "assistant" ? "demo-fast" : undefined,
        providerId: role === "assistant" ? demoId : undefined,
        at: at - (count - index) * 20_000,
      }).id;
    }
    conversation.updatedAt = at;
  });
}

function seedHostile(db: MockDb, demoId: string, at: number): void {
  HOSTILE_REPLIES.forEach((reply, index) => {
    const t = at - index * 1000;
    const conversation = db.addConversation({
      title: reply.title,
      providerId: demoId,
      model: "demo-chat",
      at: t,
      messageCount: 2,
    });
    db.lazyThreads.set(conversation.id, () => {
      const user = db.addMessage({
        conversationId: conversation.id,
        role: "user",
        text: `hostile: ${reply.name}`,
        at: t - 5000,
      });
      db.addMessage({
        conversationId: conversation.id,
        parentId: user.id,
        role: "assistant",
        text: reply.text(),
        model: "demo-chat",
        providerId: demoId,
        at: t,
      });
      conversation.updatedAt = t;
    });
  });
}
