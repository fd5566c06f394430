import { describe, expect, it } from "vitest";
import en from "./en.json";
import zhCN from "./zh-CN.json";

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? "").sort();
}

describe("translations", () => {
  it("English and Simplified Chinese have exactly the same keys", () => {
    expect(keysOf(zhCN as Tree).sort()).toEqual(keysOf(en as Tree).sort());
  });

  it("use the same placeholders in both languages", () => {
    const lookup = (tree: Tree, key: string) =>
      key
        .split(".")
        .reduce<string | Tree | undefined>(
          (node, part) => (typeof node === "object" ? node[part] : undefined),
          tree,
        );
    for (const key of keysOf(en as Tree)) {
      const english = lookup(en as Tree, key);
      const chinese = lookup(zhCN as Tree, key);
      expect(typeof chinese, key).toBe("string");
      expect(placeholders(chinese as string), key).toEqual(placeholders(english as string));
    }
  });

  it("has no empty strings", () => {
    const values = (tree: Tree): string[] =>
      Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : values(value)));
    expect(values(en as Tree).filter((value) => !value.trim())).toEqual([]);
    expect(values(zhCN as Tree).filter((value) => !value.trim())).toEqual([]);
  });
});
