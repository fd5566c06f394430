import type { Root } from "hast";

type Lowlight = {
  highlight: (language: string, value: string) => Root;
  highlightAuto: (value: string) => Root;
  registered: (language: string) => boolean;
};

let instance: Lowlight | null = null;
let loading: Promise<Lowlight> | null = null;
const cache = new Map<string, Root>();
const CACHE_LIMIT = 400;

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

/** A highlighted syntax tree (memoized per language + code), or null if not loaded or unknown. */
export function highlightCode(language: string, code: string): Root | null {
  if (!instance) return null;
  const lang = ALIASES[language] ?? language;
  if (!lang || !instance.registered(lang)) return null;
  const key = `${lang}\u0000${code}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const tree = instance.highlight(lang, code);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, tree);
  return tree;
}
