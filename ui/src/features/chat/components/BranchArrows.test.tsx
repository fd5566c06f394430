import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { BranchArrows } from "./BranchArrows";

describe("BranchArrows", () => {
  it("shows the position among siblings and switches to the neighbours", () => {
    const onSwitch = vi.fn();
    render(<BranchArrows messageId="b" siblingIds={["a", "b", "c"]} onSwitch={onSwitch} />);
    expect(screen.getByText("2/3")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Previous version" }));
    fireEvent.click(screen.getByRole("button", { name: "Next version" }));
    expect(onSwitch.mock.calls).toEqual([["a"], ["c"]]);
  });

  it("disables the arrow past either end", () => {
    render(<BranchArrows messageId="a" siblingIds={["a", "b"]} onSwitch={() => undefined} />);
    expect(screen.getByText("1/2")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Previous version" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Next version" })).toBeEnabled();
  });

  it("renders nothing for a message without siblings", () => {
    const { container } = render(
      <BranchArrows messageId="a" siblingIds={["a"]} onSwitch={() => undefined} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
