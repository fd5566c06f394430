import { describe, expect, it } from "vitest";
import type { ThreadMessage } from "@/shared/bindings/ThreadMessage";
import { estimateRowHeight } from "./rowEstimate";

const item = (text: string) => ({ message: { text } }) as unknown as ThreadMessage;
const F = "```";

describe("estimateRowHeight", () => {
  it("grows with wrapped lines and code blocks", () => {
    const short = estimateRowHeight(item("Hi"));
    const long = estimateRowHeight(item("word ".repeat(100)));
    const code = estimateRowHeight(item(`Look:\n\n${F}rust\nlet a = 1;\nlet b = 2;\n${F}`));
    expect(short).toBeGreaterThan(60);
    expect(long).toBeGreaterThan(short + 3 * 20);
    expect(code).toBeGreaterThan(short + 2 * 30);
  });

  it("is close to a typical 300-character reply with a list and code (about 330 px)", () => {
    const text =
      "To cache the model list, keep it simple (message 7):\n\n1. log the `request_id`, never the key\n" +
      "2. back off with jitter: 1 s, 2 s, 4 s\n3. check `finish_reason` before retrying\n\n" +
      `${F}rust\nlet delay = backoff(attempt);\ntokio::time::sleep(delay).await;\n${F}\n\n` +
      "That keeps _latency_ low and the logs clean.";
    const estimate = estimateRowHeight(item(text));
    expect(estimate).toBeGreaterThan(260);
    expect(estimate).toBeLessThan(400);
  });

  it("has a default for a row that is not loaded", () => {
    expect(estimateRowHeight(undefined)).toBeGreaterThan(0);
  });
});
