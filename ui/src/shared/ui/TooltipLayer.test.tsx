import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IconButton } from "./IconButton";
import { TooltipProvider } from "./TooltipLayer";

function renderButtons() {
  return render(
    <TooltipProvider delayDuration={500} skipDelayDuration={200}>
      <IconButton label="Regenerate" shortcut="Ctrl+R">
        <span>R</span>
      </IconButton>
      <IconButton label="Delete">
        <span>D</span>
      </IconButton>
      <p>elsewhere</p>
    </TooltipProvider>,
  );
}

describe("TooltipLayer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows a button's label after the hover delay, with its shortcut, and hides on leave", () => {
    renderButtons();
    const button = screen.getByRole("button", { name: "Regenerate" });
    fireEvent.pointerOver(button);
    act(() => vi.advanceTimersByTime(400));
    expect(screen.queryByRole("tooltip")).toBeNull();
    act(() => vi.advanceTimersByTime(150));
    const tooltip = screen.getByRole("tooltip");
    expect(tooltip.textContent).toContain("Regenerate");
    expect(tooltip.textContent).toContain("Ctrl+R");
    expect(button.getAttribute("aria-describedby")).toBe(tooltip.id);
    fireEvent.pointerOver(screen.getByText("elsewhere"));
    expect(screen.queryByRole("tooltip")).toBeNull();
    expect(button.hasAttribute("aria-describedby")).toBe(false);
  });

  it("moves straight to the next button, and a click or Escape hides it", () => {
    renderButtons();
    fireEvent.pointerOver(screen.getByRole("button", { name: "Regenerate" }));
    act(() => vi.advanceTimersByTime(600));
    fireEvent.pointerOver(screen.getByRole("button", { name: "Delete" }));
    act(() => vi.advanceTimersByTime(0));
    expect(screen.getByRole("tooltip").textContent).toBe("Delete");
    fireEvent.pointerDown(screen.getByRole("button", { name: "Delete" }));
    expect(screen.queryByRole("tooltip")).toBeNull();

    // Focus from a click shows nothing; focus from the keyboard shows the label at once.
    fireEvent.focusIn(screen.getByRole("button", { name: "Delete" }));
    expect(screen.queryByRole("tooltip")).toBeNull();
    fireEvent.keyDown(document, { key: "Tab" });
    fireEvent.focusIn(screen.getByRole("button", { name: "Regenerate" }));
    expect(screen.getByRole("tooltip").textContent).toContain("Regenerate");
    fireEvent.keyDown(document, { key: "Escape" });
    expect(screen.queryByRole("tooltip")).toBeNull();
  });
});
