import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { IpcFailure } from "@/shared/ipc";
import { renderWithProviders } from "@/test/render";
import { useComposerStore } from "../state/composerStore";
import { Composer } from "./Composer";

function setup(onSend = vi.fn(() => Promise.resolve(undefined)), streaming = false) {
  const onStop = vi.fn();
  renderWithProviders(
    <Composer draftKey="c1" onSend={onSend} onStop={onStop} streaming={streaming} />,
  );
  const textbox = screen.getByRole("textbox", { name: "Message" });
  return { onSend, onStop, textbox };
}

function type(textbox: HTMLElement, text: string) {
  fireEvent.change(textbox, { target: { value: text } });
}

beforeEach(() => {
  useComposerStore.setState({ drafts: {}, loaded: true });
});

describe("Composer", () => {
  it("sends on Enter and clears the draft", async () => {
    const { onSend, textbox } = setup();
    type(textbox, "Hello there");
    fireEvent.keyDown(textbox, { key: "Enter" });
    await waitFor(() => expect(onSend).toHaveBeenCalledWith("Hello there"));
    expect(useComposerStore.getState().drafts.c1).toBeUndefined();
  });

  it("does not send on Shift+Enter (a new line)", () => {
    const { onSend, textbox } = setup();
    type(textbox, "line one");
    fireEvent.keyDown(textbox, { key: "Enter", shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    expect(useComposerStore.getState().drafts.c1).toBe("line one");
  });

  it("does not send while an IME composition is in progress", () => {
    const { onSend, textbox } = setup();
    type(textbox, "nihao");
    fireEvent.keyDown(textbox, { key: "Enter", isComposing: true });
    fireEvent.keyDown(textbox, { key: "Enter", keyCode: 229 });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(textbox, { key: "Enter" });
    expect(onSend).toHaveBeenCalledWith("nihao");
  });

  it("ignores an empty or blank draft", () => {
    const { onSend, textbox } = setup();
    type(textbox, "   ");
    fireEvent.keyDown(textbox, { key: "Enter" });
    expect(onSend).not.toHaveBeenCalled();
  });

  it("restores the draft and shows the error in words when sending fails", async () => {
    const onSend = vi.fn(() =>
      Promise.reject(
        new IpcFailure({
          kind: "auth",
          message: "No API key is set.",
          retryable: false,
          detail: "HTTP 401",
        }),
      ),
    );
    const { textbox } = setup(onSend);
    type(textbox, "Keep me");
    await act(async () => {
      fireEvent.keyDown(textbox, { key: "Enter" });
    });
    await waitFor(() => expect(useComposerStore.getState().drafts.c1).toBe("Keep me"));
    expect((textbox as HTMLTextAreaElement).value).toBe("Keep me");
    expect(screen.getByRole("alert")).toHaveTextContent("The gateway rejected your API key");
  });

  it("keeps a draft per conversation", () => {
    useComposerStore.getState().setDraft("other", "elsewhere");
    const { textbox } = setup();
    type(textbox, "here");
    expect(useComposerStore.getState().drafts).toEqual({ other: "elsewhere", c1: "here" });
  });

  it("shows Stop while streaming and Escape stops", () => {
    const { onStop, onSend, textbox } = setup(undefined, true);
    expect(screen.getByRole("button", { name: "Stop" })).toBeInTheDocument();
    type(textbox, "next question");
    fireEvent.keyDown(textbox, { key: "Enter" });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(textbox, { key: "Escape" });
    expect(onStop).toHaveBeenCalledTimes(1);
  });
});
