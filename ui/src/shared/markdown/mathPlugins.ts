// Loaded on demand, the first time a message contains math: KaTeX is large.
import "katex/dist/katex.min.css";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";

export const mathRemarkPlugin = remarkMath;
export const mathRehypePlugin = rehypeKatex;
