import type { Element, ElementContent, Root, RootContent } from "hast";
import { urlAttributes } from "html-url-attributes";
import { defaultUrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type PluggableList } from "unified";
import { visit } from "unist-util-visit";
import { MAX_HIGHLIGHT_CHARS, MAX_LIVE_NODES, MAX_NODES, MAX_TREE_DEPTH } from "./budgets";
import { normalizeMathDelimiters } from "./normalizeMath";

/**
 * Markdown source → a sanitized, serializable hast tree, the way react-markdown does it (raw
 * HTML becomes text, unsafe URLs are dropped), with math typeset by KaTeX and fenced code
 * highlighted by highlight.js (through lowlight). It runs in the markdown worker, where a
 * block that takes too long can be stopped; the UI thread only turns trees into elements.
 */

export interface ParseOptions {
  /** Load remark-math and rehype-katex ($…$, $$…$$, \(…\), \[…\]). */
  math: boolean;
  /**
   * The block is still streaming: its code is not highlighted yet, and it must have fewer
   * nodes (MAX_LIVE_NODES), since it is rendered again every time it grows.
   */
  live: boolean;
}

/** The tree breaks a budget the UI thread needs: too deep, or too many nodes. */
export class TreeOverBudget extends Error {
  constructor(readonly reason: "depth" | "size") {
    super(`tree over budget: ${reason}`);
  }
}

export interface ParsedBlock {
  tree: Root;
  /** A rough size of the tree in memory, for the byte-bounded cache. */
  bytes: number;
}

type Processor = ReturnType<typeof buildProcessor>;
type Lowlight = {
  highlight: (language: string, value: string) => Root;
  registered: (language: string) => boolean;
};

function buildProcessor(math: { remark: PluggableList; rehype: PluggableList } | null) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(math?.remark ?? [])
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(math?.rehype ?? [])
    .freeze();
}

const plain = buildProcessor(null);
let withMath: Promise<Processor> | null = null;
let lowlight: Promise<Lowlight> | null = null;

// KaTeX and the highlight.js grammars are large: loaded the first time a block needs them.
function mathProcessor(): Promise<Processor> {
  withMath ??= Promise.all([import("remark-math"), import("rehype-katex")]).then(
    ([{ default: remarkMath }, { default: rehypeKatex }]) =>
      buildProcessor({
        remark: [[remarkMath, { singleDollarTextMath: true }]],
        rehype: [[rehypeKatex, { throwOnError: false, strict: "ignore", trust: false }]],
      }),
  );
  return withMath;
}

function highlighter(): Promise<Lowlight> {
  lowlight ??= import("lowlight").then(
    ({ createLowlight, common }) => createLowlight(common) as Lowlight,
  );
  return lowlight;
}

const ALIASES: Record<string, string> = {
  js: "javascript",
  jsx: "javascript",
  ts: "typescript",
  tsx: "typescript",
  sh: "bash",
  shell: "bash",
  zsh: "bash",
  py: "python",
  rs: "rust",
  yml: "yaml",
  md: "markdown",
  html: "xml",
  golang: "go",
};

/**
 * Parses one block. `onStart` is called once the lazily loaded parts it needs are there, when
 * the work that the time budget covers begins.
 */
/** Why the parser gave up on a block (what the worker reports for a thrown error). */
export function failureOf(error: unknown): "depth" | "size" | "failed" {
  if (error instanceof TreeOverBudget) return error.reason;
  // The parser's own recursion overflowing the stack: nesting the prechecks did not see.
  return error instanceof RangeError ? "depth" : "failed";
}

export async function parseBlock(
  source: string,
  options: ParseOptions,
  onStart: () => void = () => {},
): Promise<ParsedBlock> {
  const processor = options.math ? await mathProcessor() : plain;
  const lowlight = !options.live && /(```|~~~)[ \t]*\w/.test(source) ? await highlighter() : null;
  onStart();
  const text = options.math ? normalizeMathDelimiters(source) : source;
  const tree = processor.runSync(processor.parse(text));
  sanitize(tree);
  const { bytes, depth, nodes } = measure(tree);
  if (depth > MAX_TREE_DEPTH) throw new TreeOverBudget("depth");
  if (nodes > (options.live ? MAX_LIVE_NODES : MAX_NODES)) throw new TreeOverBudget("size");
  if (lowlight) highlightCode(tree, lowlight);
  return { tree, bytes };
}

/** Raw HTML from the model is shown as text; URLs go through react-markdown's safe list. */
function sanitize(tree: Root): void {
  visit(tree, (node, index, parent) => {
    delete node.position;
    if (node.type === "raw" && parent && typeof index === "number") {
      parent.children[index] = { type: "text", value: node.value };
      return index;
    }
    if (node.type !== "element") return;
    const element = node as Element;
    for (const [attribute, tags] of Object.entries(urlAttributes)) {
      if (!Object.hasOwn(element.properties, attribute)) continue;
      if (tags === null || tags.includes(element.tagName)) {
        const value = element.properties[attribute];
        element.properties[attribute] = defaultUrlTransform(String(value ?? ""));
      }
    }
  });
}

function languageOf(code: Element): string {
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : [];
  const language = list.find((name) => name.startsWith("language-"))?.slice(9) ?? "";
  return ALIASES[language] ?? language;
}

/** Replaces the text of each `pre > code.language-x` with highlighted spans. */
function highlightCode(tree: Root, lowlight: Lowlight): void {
  const blocks: Element[] = [];
  visit(tree, "element", (node: Element, _index, parent) => {
    if (node.tagName === "code" && parent?.type === "element" && parent.tagName === "pre") {
      blocks.push(node);
    }
  });
  const wanted = blocks.filter((code) => languageOf(code) !== "");
  for (const code of wanted) {
    const language = languageOf(code);
    const value = code.children.map((child) => (child.type === "text" ? child.value : "")).join("");
    if (!lowlight.registered(language) || value.length > MAX_HIGHLIGHT_CHARS) continue;
    code.children = lowlight.highlight(language, value).children as ElementContent[];
    code.properties.dataHighlighted = true;
  }
}

/**
 * About how many bytes the tree takes (its text twice, for UTF-16, and ~100 bytes a node),
 * how deep it nests and how many nodes it has. Iterative: a hostile tree may be deeper than
 * the stack.
 */
function measure(tree: Root): { bytes: number; depth: number; nodes: number } {
  let bytes = 0;
  let depth = 0;
  let nodes = 0;
  const stack: [Root | RootContent, number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, level] = entry;
    bytes += 100;
    nodes += 1;
    if (level > depth) depth = level;
    if ("value" in node && typeof node.value === "string") bytes += node.value.length * 2;
    if ("children" in node) for (const child of node.children) stack.push([child, level + 1]);
  }
  return { bytes, depth, nodes };
}
