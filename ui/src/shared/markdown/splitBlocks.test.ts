import { describe, expect, it } from "vitest";
import { endsInsideFence, extendBlockSpans, splitBlockSpans, splitBlocks } from "./splitBlocks";
import { normalizeMathDelimiters } from "./normalizeMath";

const F = "```";

describe("splitBlocks", () => {
  it("splits paragraphs on blank lines", () => {
    expect(splitBlocks("one\n\ntwo\nstill two\n\n\nthree")).toEqual([
      "one",
      "two\nstill two",
      "three",
    ]);
  });

  it("never splits inside a code fence, even at blank lines", () => {
    const code = `${F}ts\nconst a = 1;\n\nconst b = 2;\n${F}`;
    expect(splitBlocks(`intro\n\n${code}\n\nafter`)).toEqual(["intro", code, "after"]);
  });

  it("keeps an unterminated fence (still streaming) as one last block", () => {
    const blocks = splitBlocks(`text\n\n${F}py\nprint(1)\n\nprint(2)`);
    expect(blocks).toEqual(["text", `${F}py\nprint(1)\n\nprint(2)`]);
    expect(endsInsideFence(`text\n\n${F}py\nprint(1)`)).toBe(true);
    expect(endsInsideFence(`${F}py\nprint(1)\n${F}`)).toBe(false);
  });

  it("keeps a loose list together", () => {
    expect(splitBlocks("- a\n\n- b\n\n  continued\n\nafter")).toEqual([
      "- a\n\n- b\n\n  continued",
      "after",
    ]);
  });

  it("keeps display math together", () => {
    expect(splitBlocks("$$\na\n\nb\n$$\n\nx")).toEqual(["$$\na\n\nb\n$$", "x"]);
  });
});

describe("normalizeMathDelimiters", () => {
  it("rewrites \\( \\) and \\[ \\] outside code", () => {
    expect(normalizeMathDelimiters("a \\(x^2\\) b")).toBe("a $x^2$ b");
    expect(normalizeMathDelimiters("\\[ y \\]")).toContain("$$\ny\n$$");
    expect(normalizeMathDelimiters("`\\(keep\\)`")).toBe("`\\(keep\\)`");
  });
});

describe("extendBlockSpans", () => {
  it("gives the same blocks as a full split while a reply grows, splitting only its end", () => {
    const full = `Intro.\n\n- a\n- b\n\n  more of b\n\n${F}ts\nlet x = 1;\n\nlet y;\n${F}\n\n| a |\n|---|\n| 1 |\n\n1. one\n\n2. two\n\nEnd.`;
    let previous: { text: string; blocks: ReturnType<typeof splitBlockSpans> } | null = null;
    for (let length = 1; length <= full.length; length++) {
      const text = full.slice(0, length);
      const blocks = extendBlockSpans(previous, text);
      expect(blocks).toEqual(splitBlockSpans(text));
      previous = { text, blocks };
    }
  });

  it("starts over when the text is not an extension of the previous one", () => {
    const previous = { text: "a\n\nb\n\nc", blocks: splitBlockSpans("a\n\nb\n\nc") };
    expect(extendBlockSpans(previous, "x\n\ny").map((b) => b.source)).toEqual(["x", "y"]);
  });

  it("records where each block starts", () => {
    const text = "one\n\n\ntwo\nthree\n\n- four";
    for (const block of splitBlockSpans(text)) {
      expect(text.slice(block.start, block.start + block.source.length)).toBe(block.source);
    }
  });
});
