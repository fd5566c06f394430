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

export const DEMO_MODELS = ["demo-chat", "demo-reasoner", "demo-fast"];
export const GATEWAY_MODELS = [
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
