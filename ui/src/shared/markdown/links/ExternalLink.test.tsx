import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installMockBackend, removeMockBackend } from "@/shared/ipc/testing";
import { renderWithProviders } from "@/test/render";
import MarkdownRenderer from "../MarkdownRenderer";

let opened: string[] = [];

beforeEach(() => {
  opened = [];
  installMockBackend((cmd, args) => {
    if (cmd === "plugin:opener|open_url") opened.push(String(args?.url));
    return null;
  });
});
afterEach(() => removeMockBackend());

/** Renders a reply and waits until the markdown worker has answered for every block. */
async function renderReply(text: string) {
  const result = renderWithProviders(<MarkdownRenderer text={text} />);
  await waitFor(() => expect(result.container.querySelector("[aria-busy]")).toBeNull(), {
    timeout: 5000,
  });
  return result;
}

/** Hovers `element` and returns the tooltip the app's tooltip layer shows for it. */
async function hover(element: Element) {
  fireEvent.pointerOver(element);
  return screen.findByRole("tooltip", {}, { timeout: 2000 });
}

describe("links in a reply", () => {
  it("opens http, https and mailto links through the system opener, exactly as written", async () => {
    const { container } = await renderReply(
      "[docs](https://example.com/a?b=1#c) [plain](http://example.org/) [mail](mailto:team@example.com)",
    );
    const links = [...container.querySelectorAll("a")];
    expect(links).toHaveLength(3);
    for (const link of links) fireEvent.click(link);
    await waitFor(() => expect(opened).toHaveLength(3));
    expect(opened).toEqual([
      "https://example.com/a?b=1#c",
      "http://example.org/",
      "mailto:team@example.com",
    ]);
  });

  it("keeps javascript: and other schemes inert, and never calls the opener", async () => {
    const { container } = await renderReply(
      "[run](javascript:alert(1)) [chat](irc://irc.example.net/x)",
    );
    expect(container.querySelector("a")).toBeNull();
    const inert = [...container.querySelectorAll("[data-link-inert]")];
    expect(inert.map((el) => el.textContent)).toEqual(["run", "chat"]);
    const [removed, irc] = inert as [Element, Element];
    for (const el of inert) fireEvent.click(el);
    // The irc link still shows where it points; the removed one says why it does nothing.
    expect((await hover(irc)).textContent).toContain("irc://irc.example.net/x");
    fireEvent.pointerOver(document.body);
    expect((await hover(removed)).textContent).toContain("Link removed");
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(opened).toEqual([]);
  });

  it("shows the full URL on hover, left to right and isolated, with bidi controls visible", async () => {
    const { container } = await renderReply(
      "[…/\u202Egpj.exe](https://example.com/\u202Egpj.exe) next",
    );
    const link = container.querySelector("a");
    if (!link) throw new Error("no link rendered");
    // The text is isolated: its override cannot spill into " next".
    expect(link.firstElementChild?.tagName).toBe("BDI");
    const tooltip = await hover(link);
    const url = tooltip.querySelector("bdi[dir=ltr]");
    expect(url?.textContent).toBe("https://example.com/[U+202E]gpj.exe");
    expect(link.getAttribute("title")).toBeNull();
  });

  it("shows the URL on keyboard focus too", async () => {
    const { container } = await renderReply("[docs](https://example.com/docs)");
    fireEvent.keyDown(document.body, { key: "Tab" });
    const link = container.querySelector("a");
    if (!link) throw new Error("no link rendered");
    fireEvent.focusIn(link);
    expect((await screen.findByRole("tooltip")).textContent).toBe("https://example.com/docs");
  });
});
