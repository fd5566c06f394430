import { collectDefinitions, type Definition } from "./references";
import { extendBlockSpans, type BlockSpan } from "./splitBlocks";

/**
 * One message's blocks and reference definitions, remembered between renders: while a reply
 * streams, only the end of its text is split again, and the definitions stay the same array
 * (so blocks that use none are not re-rendered) until one changes.
 */
export class MessageBlocks {
  private previous: { text: string; blocks: BlockSpan[] } | null = null;
  private known: { key: string; definitions: Definition[] } = { key: "", definitions: [] };

  blocks(text: string): BlockSpan[] {
    const blocks = extendBlockSpans(this.previous, text);
    this.previous = { text, blocks };
    return blocks;
  }

  definitions(blocks: readonly BlockSpan[]): readonly Definition[] {
    const definitions = collectDefinitions(blocks.map((block) => block.source));
    const key = definitions.map((definition) => definition.line).join("\n");
    if (key !== this.known.key) this.known = { key, definitions };
    return this.known.definitions;
  }
}
