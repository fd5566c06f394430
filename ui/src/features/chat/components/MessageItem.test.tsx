import { act, fireEvent, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Message } from "@/shared/bindings/Message";
import { renderWithProviders } from "@/test/render";
import { replaceMessageInThread, type ThreadData } from "../hooks/useThread";
import { reduceStreamBatch, INITIAL_STREAM_STATE } from "../state/streamReducer";
import { useStreamStore } from "../state/streamStore";
import { MessageItem } from "./MessageItem";
import type { MessageActions } from "./messageActions";

const actions: MessageActions = {
  regenerate: vi.fn(),
  continueReply: vi.fn(),
  editAndSend: vi.fn(() => Promise.resolve()),
  requestDelete: vi.fn(),
  switchBranch: vi.fn(),
  startOver: vi.fn(),
};

const streaming: Message = {
  id: "m2",
  conversationId: "c1",
  parentId: "m1",
  role: "assistant",
  text: "",
  status: "streaming",
  createdAt: 1,
  updatedAt: 1,
};

beforeEach(() => useStreamStore.setState(INITIAL_STREAM_STATE));

describe("MessageItem", () => {
  it("shows the live buffer while streaming, then the persisted message", () => {
    const view = renderWithProviders(
      <MessageItem item={{ message: streaming, siblingIds: ["m2"] }} actions={actions} busy />,
    );
    act(() => {
      useStreamStore.setState((state) =>
        reduceStreamBatch(state, [
          { type: "started", runId: "r", conversationId: "c1", messageId: "m2", at: 0 },
          {
            type: "event",
            event: {
              event: "delta",
              data: { messageId: "m2", text: "Partial answer", reasoning: "" },
            },
            at: 5,
          },
        ]),
      );
    });
    expect(screen.getByRole("article")).toHaveTextContent("Partial answer");
    expect(screen.getByRole("article")).toHaveAttribute("data-status", "streaming");

    const persisted: Message = {
      ...streaming,
      text: "Final answer",
      status: "complete",
      model: "demo-chat",
      usage: { promptTokens: 10, completionTokens: 20 },
      timings: { firstTokenMs: 450, tokensPerSecond: 41.5, reasoningMs: 3200 },
      reasoning: "thinking…",
    };
    view.rerender(
      <MessageItem
        item={{ message: persisted, siblingIds: ["m2"] }}
        actions={actions}
        busy={false}
      />,
    );
    expect(screen.getByRole("article")).toHaveTextContent("Final answer");
    expect(screen.getByTestId("message-stats")).toHaveTextContent(
      "demo-chat · 10 → 20 tokens · first token 450 ms · 41.5 tok/s",
    );
    expect(screen.getByRole("button", { name: /Thought for 3.2 s/ })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
  });

  it("mounts the row actions once the pointer or keyboard focus reaches the row", () => {
    const done: Message = { ...streaming, text: "Done", status: "complete" };
    const item = { message: done, siblingIds: ["m2"] };
    const { unmount } = renderWithProviders(
      <MessageItem item={item} actions={actions} busy={false} />,
    );
    expect(screen.queryByRole("button", { name: "Regenerate" })).not.toBeInTheDocument();
    fireEvent.pointerEnter(screen.getByRole("article"));
    act(() => screen.getByRole("button", { name: "Regenerate" }).click());
    expect(actions.regenerate).toHaveBeenCalledWith(done);
    unmount();

    renderWithProviders(<MessageItem item={item} actions={actions} busy={false} />);
    const article = screen.getByRole("article");
    expect(article).toHaveAttribute("tabindex", "0");
    act(() => article.focus());
    expect(screen.getByRole("button", { name: "Delete message" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy message" })).toBeInTheDocument();
  });

  it("shows an interrupted reply with a Continue button", () => {
    const interrupted: Message = { ...streaming, text: "Half", status: "interrupted" };
    renderWithProviders(
      <MessageItem
        item={{ message: interrupted, siblingIds: ["m2"] }}
        actions={actions}
        busy={false}
      />,
    );
    expect(screen.getByText("Interrupted")).toBeInTheDocument();
    act(() => screen.getByRole("button", { name: "Continue" }).click());
    expect(actions.continueReply).toHaveBeenCalledWith(interrupted);
  });
});

describe("replaceMessageInThread", () => {
  it("swaps the persisted message into the cached page that holds it", () => {
    const data: ThreadData = {
      pages: [{ messages: [{ message: streaming, siblingIds: ["m2"] }], hasMore: false }],
      pageParams: [undefined],
    };
    const done = { ...streaming, text: "done", status: "complete" as const };
    const { data: next, found } = replaceMessageInThread(data, done);
    expect(found).toBe(true);
    expect(next?.pages[0]?.messages[0]?.message).toEqual(done);
    expect(data.pages[0]?.messages[0]?.message.status).toBe("streaming");
    expect(replaceMessageInThread(data, { ...done, id: "other" }).found).toBe(false);
  });
});
