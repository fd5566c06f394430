import { describe, expect, it } from "vitest";
import { collectDefinitions, withDefinitions } from "./references";

describe("reference definitions", () => {
  it("collects definitions outside fenced code, first of each label winning", () => {
    const definitions = collectDefinitions([
      "text",
      '[Spec  Doc]: https://a.example "A"\n[spec doc]: https://b.example',
      "```\n[code]: https://c.example\n```",
    ]);
    expect(definitions.map((d) => d.label)).toEqual(["spec doc"]);
    expect(definitions[0]?.line).toBe('[Spec  Doc]: https://a.example "A"');
  });

  it("appends to a block only the definitions it refers to", () => {
    const definitions = collectDefinitions(["[a]: https://a.example\n[b]: https://b.example"]);
    expect(withDefinitions("see [x][A]", definitions)).toBe("see [x][A]\n\n[a]: https://a.example");
    expect(withDefinitions("nothing here", definitions)).toBe("nothing here");
    expect(withDefinitions("```\n[a]\n```", definitions)).toBe("```\n[a]\n```");
    expect(withDefinitions("[a]: https://a.example", definitions)).toBe("[a]: https://a.example");
  });
});
