import { describe, expect, it } from "vitest";
import { visibleUrl } from "./visibleUrl";

describe("visibleUrl", () => {
  it("shows a right-to-left override as its code point, percent-encoded or raw", () => {
    expect(visibleUrl("https://example.com/files/%E2%80%AEgpj.exe")).toBe(
      "https://example.com/files/[U+202E]gpj.exe",
    );
    expect(visibleUrl("https://example.com/\u202Egpj.exe")).toBe(
      "https://example.com/[U+202E]gpj.exe",
    );
  });

  it("marks isolates, zero-width characters, controls and separators", () => {
    expect(visibleUrl("https://a.example/\u2067x\u2069\u200B\u0007\u2028")).toBe(
      "https://a.example/[U+2067]x[U+2069][U+200B][U+0007][U+2028]",
    );
  });

  it("decodes readable escapes and keeps reserved ones", () => {
    expect(visibleUrl("https://example.com/%E4%BD%A0%E5%A5%BD?q=a%26b")).toBe(
      "https://example.com/你好?q=a%26b",
    );
  });

  it("leaves a malformed escape as it is", () => {
    expect(visibleUrl("https://example.com/%E2%80")).toBe("https://example.com/%E2%80");
  });
});
