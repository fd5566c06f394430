import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import type { ReactElement } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { LruCache } from "./lruCache";

type Lowlight = {
  highlight: (language: string, value: string) => Root;
  highlightAuto: (value: string) => Root;
  registered: (language: string) => boolean;
};

let instance: Lowlight | null = null;
let loading: Promise<Lowlight> | null = null;
// Elements, not trees: a code block scrolled back into view costs neither highlighting nor
// conversion.
const cache = new LruCache<string, ReactElement>(1000);

/** Loads highlight.js grammars (via lowlight) on first use: a separate chunk. */
export function loadHighlighter(): Promise<Lowlight> {
  if (instance) return Promise.resolve(instance);
  loading ??= import("lowlight").then(({ createLowlight, common }) => {
    instance = createLowlight(common) as Lowlight;
    return instance;
  });
  return loading;
}

export function highlighterReady(): boolean {
  return instance !== null;
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

const cacheKey = (lang: string, code: string) => `${lang}\u0000${code}`;

/** Whether this code is already highlighted (tests use it). */
export function isHighlightCached(language: string, code: string): boolean {
  return cache.has(cacheKey(ALIASES[language] ?? language, code));
}

/** Highlighted code as elements (memoized per language + code), or null if not loaded or unknown. */
export function highlightCode(language: string, code: string): ReactElement | null {
  if (!instance) return null;
  const lang = ALIASES[language] ?? language;
  if (!lang || !instance.registered(lang)) return null;
  const key = cacheKey(lang, code);
  const hit = cache.get(key);
  if (hit) return hit;
  const element = toJsxRuntime(instance.highlight(lang, code), {
    Fragment,
    jsx,
    jsxs,
  }) as ReactElement;
  cache.set(key, element);
  return element;
}
