import { act, fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { ChatParams } from "@/shared/bindings/ChatParams";
import { renderWithProviders } from "@/test/render";
import { ChatHeader } from "./ChatHeader";
import { ParamsPanel } from "./ParamsPanel";

/** The panel over parameters saved by a "backend" that answers when `answer` is called. */
function SavedParams({ onSaveCalled }: { onSaveCalled: (answer: () => void) => void }) {
  const [params, setParams] = useState<ChatParams>({});
  return (
    <ParamsPanel
      params={params}
      onSave={(next) => onSaveCalled(() => setParams({ ...next }))}
      onClose={() => undefined}
    />
  );
}

describe("ParamsPanel", () => {
  it("says Saved once the saved parameters come back, and not before", () => {
    let answer: () => void = () => undefined;
    renderWithProviders(<SavedParams onSaveCalled={(done) => (answer = done)} />);
    fireEvent.change(screen.getByLabelText("System prompt"), {
      target: { value: "Answer in French." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("status")).toHaveTextContent("");
    act(() => answer());
    expect(screen.getByRole("status")).toHaveTextContent("Saved");
    // Editing again: the message goes, it no longer describes the form.
    fireEvent.change(screen.getByLabelText("Temperature"), { target: { value: "0.5" } });
    expect(screen.getByRole("status")).toHaveTextContent("");
  });

  it("says Saved at once when nothing changed", () => {
    const onSave = vi.fn();
    renderWithProviders(
      <ParamsPanel params={{ temperature: 0.3 }} onSave={onSave} onClose={() => undefined} />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("status")).toHaveTextContent("Saved");
    expect(onSave).not.toHaveBeenCalled();
  });
});

describe("ChatHeader", () => {
  const props = {
    title: "Chat",
    onRename: null,
    providers: [],
    providerId: null,
    model: null,
    onPickModel: () => undefined,
    paramsOpen: false,
  };

  it("shows that the conversation has a system prompt, and opens it", () => {
    const toggle = vi.fn();
    const { rerender } = renderWithProviders(
      <ChatHeader {...props} onToggleParams={toggle} systemPrompt="Answer in French." />,
    );
    const chip = screen.getByRole("button", { name: "System prompt" });
    expect(chip).toHaveAttribute("data-tooltip", "Answer in French.");
    fireEvent.click(chip);
    expect(toggle).toHaveBeenCalled();
    rerender(<ChatHeader {...props} onToggleParams={toggle} />);
    expect(screen.queryByRole("button", { name: "System prompt" })).not.toBeInTheDocument();
  });
});
