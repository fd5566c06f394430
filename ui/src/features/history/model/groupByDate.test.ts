import { describe, expect, it } from "vitest";
import type { Conversation } from "@/shared/bindings/Conversation";
import { dateGroupOf, groupConversations } from "./groupByDate";

const NOW = new Date(2025, 5, 15, 14, 0, 0).getTime();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function conversation(id: string, updatedAt: number, pinned = false): Conversation {
  return { id, title: id, params: {}, pinned, messageCount: 2, createdAt: updatedAt, updatedAt };
}

describe("dateGroupOf", () => {
  it("uses calendar days, not 24-hour windows", () => {
    expect(dateGroupOf(conversation("a", NOW - 13 * HOUR), NOW)).toBe("today");
    expect(dateGroupOf(conversation("b", NOW - 15 * HOUR), NOW)).toBe("yesterday");
    expect(dateGroupOf(conversation("c", NOW - 3 * DAY), NOW)).toBe("previous7");
    expect(dateGroupOf(conversation("d", NOW - 20 * DAY), NOW)).toBe("previous30");
    expect(dateGroupOf(conversation("e", NOW - 90 * DAY), NOW)).toBe("older");
  });

  it("puts pinned conversations in Pinned whatever their date", () => {
    expect(dateGroupOf(conversation("p", NOW - 90 * DAY, true), NOW)).toBe("pinned");
  });

  it("accepts timestamps in seconds as well as milliseconds", () => {
    expect(dateGroupOf(conversation("s", Math.floor((NOW - HOUR) / 1000)), NOW)).toBe("today");
  });
});

describe("groupConversations", () => {
  it("emits a header before each non-empty group, in a fixed order", () => {
    const rows = groupConversations(
      [
        conversation("pinned", NOW - 40 * DAY, true),
        conversation("today1", NOW - HOUR),
        conversation("today2", NOW - 2 * HOUR),
        conversation("old", NOW - 100 * DAY),
      ],
      NOW,
    );
    expect(
      rows.map((row) => (row.kind === "header" ? `#${row.group}` : row.conversation.id)),
    ).toEqual(["#pinned", "pinned", "#today", "today1", "today2", "#older", "old"]);
  });

  it("returns nothing for no conversations", () => {
    expect(groupConversations([], NOW)).toEqual([]);
  });
});
