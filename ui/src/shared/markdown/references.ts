/**
 * Reference-style links and images (`[text][ref]`, `[ref]`, `![alt][ref]`) name a definition
 * (`[ref]: url "title"`) that may sit in another block. Blocks are parsed one at a time, so
 * the definitions a block uses are appended to its source before parsing.
 */

// A definition on one line, as models write them: label, destination, optional title.
const DEFINITION =
  /^ {0,3}\[((?:[^\\\]\n]|\\.){1,999})\]:[ \t]*(<[^>\n]*>|\S+)(?:[ \t]+("[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/;
/** At most this many definitions are carried between blocks (each is matched per block). */
const MAX_DEFINITIONS = 200;

export interface Definition {
  /** Normalized label: case-folded, inner whitespace collapsed (as CommonMark matches). */
  label: string;
  /** The definition's line, as written. */
  line: string;
}

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The definitions in these blocks (fenced code excluded), the first of each label winning. */
export function collectDefinitions(blocks: readonly string[]): Definition[] {
  const found = new Map<string, Definition>();
  for (const block of blocks) {
    if (!block.includes("]:") || /^ {0,3}(`{3,}|~{3,})/.test(block)) continue;
    for (const line of block.split("\n")) {
      const match = DEFINITION.exec(line);
      if (!match?.[1]) continue;
      const label = normalizeLabel(match[1]);
      if (label && !found.has(label)) found.set(label, { label, line: line.trim() });
      if (found.size >= MAX_DEFINITIONS) return [...found.values()];
    }
  }
  return [...found.values()];
}

/**
 * The block with the definitions it refers to (defined elsewhere) appended, so that it
 * parses alone as it would in the whole message. Fenced code and math are left as they are.
 */
export function withDefinitions(block: string, definitions: readonly Definition[]): string {
  if (definitions.length === 0 || !block.includes("]") || /^ {0,3}(`{3,}|~{3,}|\$\$)/.test(block)) {
    return block;
  }
  const folded = block.replace(/\s+/g, " ").toLowerCase();
  const used = definitions.filter(
    (definition) =>
      folded.includes(`[${definition.label}]`) && !folded.includes(`[${definition.label}]:`),
  );
  if (used.length === 0) return block;
  return `${block}\n\n${used.map((definition) => definition.line).join("\n")}`;
}
