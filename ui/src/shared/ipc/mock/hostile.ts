/**
 * Replies built to hurt a markdown renderer, as a model could send them (the sizes the
 * issue measured). Seeded with `?mock=1&hostile`, and streamed when a prompt starts with
 * "hostile:" and a name below, so browser tests can check the window keeps answering.
 */
export interface HostileReply {
  name: string;
  title: string;
  text: () => string;
}

function nestedList(depth: number, width: number): string {
  const filler = "x".repeat(width);
  return Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- level ${i} ${filler}`).join(
    "\n",
  );
}

export const HOSTILE_REPLIES: HostileReply[] = [
  {
    name: "line",
    title: "Hostile: a 5 MB line",
    text: () => "All work and no play. ".repeat(240_000).slice(0, 5_000_000),
  },
  {
    name: "emphasis",
    title: "Hostile: pathological emphasis",
    text: () => "*a".repeat(50_000),
  },
  {
    name: "nested",
    title: "Hostile: a 4 MB list 2,000 deep",
    text: () => nestedList(2000, 0).padEnd(4_000_000, "x"),
  },
  {
    name: "deep",
    title: "Hostile: a list 200 deep",
    text: () => nestedList(200, 20),
  },
  {
    name: "references",
    title: "Reference links and a deep list",
    text: () =>
      `The [design note][note] and ![the chart][chart] are defined below.\n\n${nestedList(32, 40)}\n\n[note]: https://example.com/design "Design"\n[chart]: https://example.com/chart.png`,
  },
];

/** The hostile reply a prompt asks for ("hostile: emphasis"), if any. */
export function hostileReplyFor(prompt: string): HostileReply | undefined {
  const name = /^hostile:\s*(\w+)/i.exec(prompt.trim())?.[1]?.toLowerCase();
  return HOSTILE_REPLIES.find((reply) => reply.name === name);
}
