import { useSyncExternalStore } from "react";
import type { MathPlugins } from "./pipeline";

let loaded: MathPlugins | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load(): void {
  if (loaded || loading) return;
  loading = import("./mathPlugins")
    .then((module) => {
      loaded = {
        remark: [[module.mathRemarkPlugin, { singleDollarTextMath: true }]],
        rehype: [
          [module.mathRehypePlugin, { throwOnError: false, strict: "ignore", trust: false }],
        ],
      };
      listeners.forEach((listener) => listener());
    })
    .catch(() => {
      loading = null;
    });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The math plugins if loaded (a stable object), else null. */
export function loadedMathPlugins(): MathPlugins | null {
  return loaded;
}

/** remark-math + rehype-katex once loaded; loading starts when a block needs them. */
export function useMathPlugins(needed: boolean): MathPlugins | null {
  const plugins = useSyncExternalStore(subscribe, () => loaded);
  if (needed && !plugins) load();
  return needed ? plugins : null;
}
