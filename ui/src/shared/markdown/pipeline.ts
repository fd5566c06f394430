import type { Element, Root } from "hast";
import { toJsxRuntime, type Components } from "hast-util-to-jsx-runtime";
import { urlAttributes } from "html-url-attributes";
import type { ReactElement } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { defaultUrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type PluggableList } from "unified";
import { visit } from "unist-util-visit";
import { LruCache } from "./lruCache";

/**
 * Markdown source → React elements, the way react-markdown does it (raw HTML becomes text,
 * unsafe URLs are dropped) but with the processor built once instead of on every render, and
 * the result of each block cached: a message scrolled back into view, or a finished block of
 * a streaming reply, costs no parsing at all. Both matter in a virtualized list, where rows
 * mount and unmount all the time.
 */

export interface MathPlugins {
  remark: PluggableList;
  rehype: PluggableList;
}

type Processor = ReturnType<typeof buildProcessor>;

function buildProcessor(math: MathPlugins | null) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(math?.remark ?? [])
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(math?.rehype ?? [])
    .freeze();
}

let plain: Processor | null = null;
let withMath: { plugins: MathPlugins; processor: Processor } | null = null;

function processorFor(math: MathPlugins | null): Processor {
  if (!math) return (plain ??= buildProcessor(null));
  if (withMath?.plugins !== math) withMath = { plugins: math, processor: buildProcessor(math) };
  return withMath.processor;
}

/** Raw HTML from the model is shown as text; URLs go through react-markdown's safe list. */
function sanitize(tree: Root): void {
  visit(tree, (node, index, parent) => {
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

// About 1,500 replies of a few blocks each: a long conversation scrolls without re-parsing.
const CACHE_LIMIT = 6000;
const cache = new LruCache<string, ReactElement>(CACHE_LIMIT);
const blockKey = (source: string, math: boolean) => `${math ? "m" : "-"}${source}`;

/** One block's elements; `components` must be a stable (module-level) object. */
export function renderBlock(
  source: string,
  math: MathPlugins | null,
  components: Components,
): ReactElement {
  const key = blockKey(source, math !== null);
  const hit = cache.get(key);
  if (hit) return hit;
  const processor = processorFor(math);
  const tree = processor.runSync(processor.parse(source));
  sanitize(tree);
  const element = toJsxRuntime(tree, {
    Fragment,
    jsx,
    jsxs,
    components,
    ignoreInvalidStyle: true,
    passKeys: true,
  }) as ReactElement;
  cache.set(key, element);
  return element;
}

/** Whether this block is already rendered (tests and the prewarmer use it). */
export function isBlockCached(source: string, math: boolean): boolean {
  return cache.has(blockKey(source, math));
}
