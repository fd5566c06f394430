import type { ModelInfo } from "../../bindings/ModelInfo";
import type { ProviderPreset } from "../../bindings/ProviderPreset";

// What the mock backend offers: the provider presets (as the backend's presets.json) and the
// model lists its gateways answer with.

export const PRESETS: ProviderPreset[] = [
  {
    id: "offline-demo",
    name: "Offline demo",
    baseUrl: "",
    auth: "none",
    exactBaseUrl: false,
    needsKey: false,
    offlineDemo: true,
  },
  {
    id: "openai",
    name: "OpenAI",
    baseUrl: "https://api.openai.com",
    auth: "bearer",
    exactBaseUrl: false,
    needsKey: true,
    keyUrl: "https://platform.openai.com/api-keys",
    offlineDemo: false,
  },
  {
    id: "n1n",
    name: "n1n",
    baseUrl: "https://api.n1n.ai",
    auth: "bearer",
    exactBaseUrl: false,
    needsKey: true,
    keyUrl: "https://n1n.ai",
    offlineDemo: false,
  },
  {
    id: "nexconn",
    name: "Nexconn",
    baseUrl: "https://api.nexconn.ai",
    auth: "bearer",
    exactBaseUrl: false,
    needsKey: true,
    keyUrl: "https://nexconn.ai",
    offlineDemo: false,
  },
  {
    id: "jiekou",
    name: "jiekou",
    baseUrl: "https://api.jiekou.ai",
    auth: "bearer",
    exactBaseUrl: false,
    needsKey: true,
    keyUrl: "https://jiekou.ai",
    offlineDemo: false,
  },
  {
    id: "custom",
    name: "Custom",
    baseUrl: "",
    auth: "bearer",
    exactBaseUrl: false,
    needsKey: true,
    offlineDemo: false,
  },
];

const chat = (id: string): ModelInfo => ({ id, kind: "chat" });

export const DEMO_MODELS: ModelInfo[] = ["demo-chat", "demo-reasoner", "demo-fast"].map(chat);
/** Chat models first in the seeds' conversations; the gateway also lists other kinds. */
export const GATEWAY_CHAT_IDS = [
  "gpt-4o",
  "gpt-4o-mini",
  "gpt-4.1",
  "o3-mini",
  "claude-3-5-sonnet-20241022",
  "claude-3-7-sonnet-20250219",
  "gemini-1.5-pro",
  "gemini-2.0-flash",
  "deepseek-chat",
  "deepseek-r1",
  "qwen-max",
  "qwen2.5-72b-instruct",
  "glm-4-plus",
  "moonshot-v1-32k",
  "doubao-pro-32k",
  "llama-3.1-405b-instruct",
];
const OTHER_KINDS: ModelInfo[] = [
  { id: "text-embedding-3-small", ownedBy: "openai", kind: "embedding" },
  { id: "dall-e-3", ownedBy: "openai", kind: "image" },
  { id: "sora-2", ownedBy: "openai", kind: "video" },
  { id: "tts-1-hd", ownedBy: "openai", kind: "audio" },
];
export const GATEWAY_MODELS: ModelInfo[] = [...GATEWAY_CHAT_IDS.map(chat), ...OTHER_KINDS].sort(
  (a, b) => a.id.localeCompare(b.id),
);
