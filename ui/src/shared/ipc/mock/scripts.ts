import type { Provider } from "../../bindings/Provider";
import { replyFor } from "./content";
import type { MockDb } from "./db";
import { hostileReplyFor } from "./hostile";
import type { RunScript } from "./runs";

/**
 * How the mock streams a reply: the canned text for the prompt, reasoning for reasoning-like
 * models, and the failures the real backend reports (no provider, no key, a dropped stream).
 */
export function replyScript(
  db: MockDb,
  provider: Provider | undefined,
  model: string,
  prompt: string,
): RunScript {
  const hostile = hostileReplyFor(prompt)?.text();
  // A hostile reply streams in about 40 deltas, whatever its size.
  if (hostile)
    return { reasoning: "", text: hostile, chunk: Math.ceil(hostile.length / 40), intervalMs: 40 };
  const reply = replyFor(prompt);
  const reasoning = /reason|r1|think|o3/.test(model) ? reply.reasoning : "";
  const base = { reasoning, text: reply.text, chunk: 14, intervalMs: 40 };
  const preset = db.presets.find((p) => p.id === provider?.presetId);
  if (!provider) {
    return {
      ...base,
      text: "",
      failWith: {
        kind: "invalid",
        reason: "noProvider",
        message: "Choose a provider first.",
        retryable: false,
      },
    };
  }
  if (preset?.needsKey && !provider.key.isSet) {
    return {
      ...base,
      reasoning: "",
      text: "",
      failWith: {
        kind: "auth",
        message: "No API key is set for this provider.",
        retryable: false,
        status: 401,
        gatewayCode: "invalid_api_key",
        gatewayMessage: "Incorrect API key provided",
        detail:
          'HTTP 401 Unauthorized\n{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}',
      },
    };
  }
  if (/\bfail\b|\berror\b/i.test(prompt)) {
    return {
      ...base,
      reasoning: "",
      failWith: {
        kind: "network",
        message: "The connection dropped in the middle of the reply.",
        reason: "connectionDropped",
        retryable: true,
        detail: "error decoding response body: connection reset by peer (os error 104)",
      },
    };
  }
  return base;
}
