import { describe, expect, it } from "vitest";
import { i18next } from "@/shared/i18n";
import reasonSource from "../bindings/ErrorReason.ts?raw";
import type { ErrorReason } from "../bindings/ErrorReason";
import type { IpcError } from "../bindings/IpcError";
import en from "../i18n/en.json";
import zhCN from "../i18n/zh-CN.json";
import { describeError, statusLine } from "./describeError";

const english = i18next.getFixedT("en");
const chinese = i18next.getFixedT("zh-CN");
const HAN = /[\u4e00-\u9fff]/;

/** Every reason the backend can send, read from the generated binding. */
const REASONS = [...reasonSource.matchAll(/"(\w+)"/g)].map((match) => match[1] as ErrorReason);

function error(fields: Partial<IpcError> & Pick<IpcError, "kind">): IpcError {
  return { message: "An English sentence from the backend.", retryable: false, ...fields };
}

describe("describeError", () => {
  it("knows the reasons the backend sends", () => {
    expect(REASONS).toContain("contextTooLong");
    expect(REASONS.length).toBeGreaterThan(40);
  });

  it("has words for every reason in both languages", () => {
    for (const reason of REASONS) {
      expect(en.errors.reasons, reason).toHaveProperty(reason);
      expect(zhCN.errors.reasons, reason).toHaveProperty(reason);
      const body = describeError(error({ kind: "invalid", reason }), chinese).body;
      expect(body, reason).toMatch(HAN);
    }
  });

  it("words the body in the current language, never with the backend's sentence", () => {
    const rateLimited = error({
      kind: "rateLimited",
      message: "The gateway is rate-limiting requests. Wait a moment and try again.",
    });
    const zh = describeError(rateLimited, chinese);
    expect(zh.title).toBe("请求被网关限流");
    expect(zh.body).toMatch(HAN);
    expect(zh.body).not.toContain("rate-limiting");
    expect(describeError(rateLimited, english).body).toBe(
      "The gateway asked to slow down. Wait a moment and try again.",
    );
  });

  it("points a bare 400 after a key change at the key", () => {
    const shown = describeError(
      error({ kind: "badRequest", status: 400, reason: "keyProbablyRejected" }),
      english,
    );
    expect(shown.title).toMatch(/check the API key/);
    expect(shown.body).toMatch(/wrong or expired API key/);
    expect(shown.action).toBe("openProviderSettings");
    // The same 400 without the reason is about the request.
    expect(describeError(error({ kind: "badRequest", status: 400 }), english).action).toBe("none");
  });

  it("offers to start over when the conversation is too long for the model", () => {
    const shown = describeError(
      error({ kind: "badRequest", status: 400, reason: "contextTooLong" }),
      chinese,
    );
    expect(shown.title).toBe("对话太长，超出了此模型的上限");
    expect(shown.action).toBe("startOver");
  });

  it("words an error saved before reasons existed by its kind", () => {
    const saved = error({ kind: "gatewayDown", message: "The gateway's upstream did not answer." });
    expect(describeError(saved, chinese)).toEqual({
      title: "网关出现故障",
      body: "网关服务器或其上游出错，请稍后再试。",
      action: "retry",
    });
  });
});

describe("statusLine", () => {
  it("does not repeat a code that equals the status", () => {
    expect(statusLine(error({ kind: "gatewayDown", status: 500, gatewayCode: "500" }))).toBe(
      "HTTP 500",
    );
    expect(
      statusLine(error({ kind: "gatewayDown", status: 500, gatewayCode: "server_error" })),
    ).toBe("HTTP 500 (server_error)");
    expect(statusLine(error({ kind: "network" }))).toBeNull();
  });
});
