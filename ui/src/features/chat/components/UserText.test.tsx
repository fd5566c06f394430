import { act, fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Message } from "@/shared/bindings/Message";
import { renderWithProviders } from "@/test/render";
import { MessageItem } from "./MessageItem";
import type { MessageActions } from "./messageActions";
import { COLLAPSED_TEXT_PX, estimateRowHeight } from "./rowEstimate";

const actions: MessageActions = {
  regenerate: vi.fn(),
  continueReply: vi.fn(),
  editAndSend: vi.fn(() => Promise.resolve()),
  requestDelete: vi.fn(),
  switchBranch: vi.fn(),
  startOver: vi.fn(),
};

function userMessage(id: string, text: string): Message {
  return {
    id,
    conversationId: "c1",
    role: "user",
    text,
    status: "complete",
    createdAt: 1,
    updatedAt: 1,
  };
}

const pasted = Array.from({ length: 2000 }, (_, i) => `log line ${i + 1}`).join("\n");

describe("a long user message", () => {
  it("collapses after about a screen, and Show all / Show less toggle it", () => {
    const message = userMessage("long", pasted);
    renderWithProviders(
      <MessageItem item={{ message, siblingIds: ["long"] }} actions={actions} busy={false} />,
    );
    const toggle = screen.getByRole("button", { name: "Show all" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    const body = document.getElementById(toggle.getAttribute("aria-controls") ?? "");
    expect(body).toHaveStyle({ maxHeight: `${COLLAPSED_TEXT_PX}px` });
    // The whole text is there (copy and search find it), only clipped.
    expect(body).toHaveTextContent("log line 2000");

    act(() => toggle.focus());
    fireEvent.click(toggle);
    const less = screen.getByRole("button", { name: "Show less" });
    expect(less).toHaveAttribute("aria-expanded", "true");
    expect(body?.style.maxHeight).toBe("");
    fireEvent.click(less);
    expect(screen.getByRole("button", { name: "Show all" })).toBeInTheDocument();
  });

  it("stays expanded when its row is mounted again (scrolled away and back)", () => {
    const message = userMessage("kept", pasted);
    const item = { message, siblingIds: ["kept"] };
    const first = renderWithProviders(<MessageItem item={item} actions={actions} busy={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Show all" }));
    first.unmount();
    renderWithProviders(<MessageItem item={item} actions={actions} busy={false} />);
    expect(screen.getByRole("button", { name: "Show less" })).toBeInTheDocument();
  });

  it("leaves short messages and long replies as they are", () => {
    renderWithProviders(
      <MessageItem
        item={{ message: userMessage("short", "Hello\nthere"), siblingIds: ["short"] }}
        actions={actions}
        busy={false}
      />,
    );
    expect(screen.queryByRole("button", { name: "Show all" })).not.toBeInTheDocument();
  });

  it("is estimated at its collapsed height, so the list's first guess stays right", () => {
    const collapsed = estimateRowHeight({ message: userMessage("e", pasted), siblingIds: [] });
    expect(collapsed).toBeGreaterThan(COLLAPSED_TEXT_PX);
    expect(collapsed).toBeLessThan(COLLAPSED_TEXT_PX + 140);
    const reply: Message = { ...userMessage("r", pasted), role: "assistant" };
    expect(estimateRowHeight({ message: reply, siblingIds: [] })).toBeGreaterThan(20 * 2000);
  });
});
