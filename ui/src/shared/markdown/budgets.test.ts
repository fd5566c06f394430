import { describe, expect, it } from "vitest";
import {
  MAX_BLOCK_CHARS,
  MAX_CODE_BLOCK_CHARS,
  MAX_DEPTH,
  nestingDepth,
  precheck,
} from "./budgets";
import { ParseClient } from "./parseClient";

const F = "```";

describe("nestingDepth", () => {
  it("counts list markers, quotes and indentation", () => {
    expect(nestingDepth("plain text")).toBe(0);
    expect(nestingDepth("- a\n  - b\n    - c")).toBe(3);
    expect(nestingDepth("> quote\n> > inner")).toBe(2);
    expect(nestingDepth("1. one\n   2) two")).toBe(2);
    // Markers chained on one line nest too.
    expect(nestingDepth("- - - - x")).toBe(4);
    expect(nestingDepth("**bold** and -1")).toBe(0);
  });

  it("ignores lines inside fenced code", () => {
    expect(nestingDepth(`${F}\n${"  ".repeat(100)}- x\n${F}\n- y`)).toBe(1);
  });
});

describe("precheck", () => {
  it("passes ordinary blocks", () => {
    expect(precheck("A paragraph with *emphasis*.")).toBeNull();
    expect(precheck("- a\n  - b")).toBeNull();
  });

  it("rejects a block over the size budget, with more room for fenced code", () => {
    expect(precheck("a".repeat(MAX_BLOCK_CHARS))).toBeNull();
    expect(precheck("a".repeat(MAX_BLOCK_CHARS + 1))).toBe("size");
    const code = `${F}\n${"x".repeat(MAX_BLOCK_CHARS + 1)}\n${F}`;
    expect(precheck(code)).toBeNull();
    expect(precheck(`${F}\n${"x".repeat(MAX_CODE_BLOCK_CHARS)}\n${F}`)).toBe("size");
  });

  it("rejects lists and quotes nested deeper than the budget", () => {
    const list = (depth: number) =>
      Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- item`).join("\n");
    expect(precheck(list(MAX_DEPTH))).toBeNull();
    expect(precheck(list(MAX_DEPTH + 1))).toBe("depth");
    expect(precheck(`${"> ".repeat(MAX_DEPTH + 1)}deep`)).toBe("depth");
  });

  it("checks a multi-megabyte nested list in linear time", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `${"  ".repeat(i)}- item ${i}`);
    const text = lines.join("\n");
    const started = performance.now();
    expect(nestingDepth(text)).toBe(2000);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("ParseClient", () => {
  it("gives up on a job that overruns the time budget, then parses the next with a new runner", async () => {
    let spawned = 0;
    const client = new ParseClient((onReply) => {
      spawned += 1;
      queueMicrotask(() => onReply("ready"));
      return {
        post(job) {
          onReply({ id: job.id, started: true });
          // A parse that never ends, unless the source is short.
          if (job.source === "ok") {
            setTimeout(
              () => onReply({ id: job.id, tree: { type: "root", children: [] }, bytes: 1 }),
              5,
            );
          }
        },
        terminate() {},
      };
    }, 50);
    const slow = client.submit("slow", { math: false, live: false }, "visible").outcome;
    const ok = client.submit("ok", { math: false, live: false }, "visible").outcome;
    expect(await slow).toEqual({ over: "time" });
    expect(await ok).toMatchObject({ bytes: 1 });
    expect(spawned).toBe(2);
  });

  it("runs the streaming tail before blocks on screen, and those before prewarming", async () => {
    const order: string[] = [];
    const client = new ParseClient((onReply) => {
      queueMicrotask(() => onReply("ready"));
      return {
        post(job) {
          order.push(job.source);
          setTimeout(
            () => onReply({ id: job.id, tree: { type: "root", children: [] }, bytes: 1 }),
            1,
          );
        },
        terminate() {},
      };
    });
    const options = { math: false, live: false };
    const jobs = [
      client.submit("warm", options, "prewarm"),
      client.submit("warm2", options, "prewarm"),
      client.submit("seen", options, "visible"),
      client.submit("tail", options, "tail"),
    ];
    client.promote(jobs[1]?.id ?? 0, "visible");
    await Promise.all(jobs.map((job) => job.outcome));
    expect(order).toEqual(["tail", "seen", "warm2", "warm"]);
  });
});
