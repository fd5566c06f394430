import { fireEvent, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { IpcError } from "../bindings/IpcError";
import { useNavigation } from "../navigation";
import { renderWithProviders } from "@/test/render";
import { ErrorNotice } from "./ErrorNotice";

const base = { retryable: false } as const;

beforeEach(() => {
  useNavigation.setState({ view: { name: "chat", conversationId: null } });
});

describe("ErrorNotice", () => {
  it("explains a rejected key and opens that provider's settings", () => {
    const error: IpcError = { ...base, kind: "auth", message: "Incorrect API key provided." };
    renderWithProviders(<ErrorNotice error={error} providerId="p1" />);
    expect(screen.getByRole("alert")).toHaveTextContent("The gateway rejected your API key");
    fireEvent.click(screen.getByRole("button", { name: "Open provider settings" }));
    expect(useNavigation.getState().view).toEqual({
      name: "settings",
      section: "providers",
      providerId: "p1",
    });
  });

  it("says how long to wait when rate limited", () => {
    const error: IpcError = {
      kind: "rateLimited",
      message: "Too many requests.",
      retryable: true,
      retryAfterMs: 30_000,
    };
    renderWithProviders(<ErrorNotice error={error} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Rate limited: retry in 30 s");
  });

  it.each<[IpcError["kind"], string]>([
    ["outOfCredit", "out of credit"],
    ["gatewayDown", "The gateway is having problems"],
    ["timeout", "did not answer in time"],
    ["network", "Could not reach the gateway"],
    ["internal", "Something went wrong in Portico"],
  ])("words a %s error for people", (kind, words) => {
    renderWithProviders(<ErrorNotice error={{ ...base, kind, message: "raw" }} />);
    expect(screen.getByRole("alert")).toHaveTextContent(words);
  });

  it("keeps the raw detail one click away", () => {
    const error: IpcError = {
      ...base,
      kind: "gatewayDown",
      message: "Upstream failed.",
      detail: "HTTP 524 <html>cloudflare</html>",
    };
    renderWithProviders(<ErrorNotice error={error} />);
    expect(screen.queryByText(/HTTP 524/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    expect(screen.getByText("HTTP 524 <html>cloudflare</html>")).toBeInTheDocument();
  });

  it("offers Retry for retryable errors", () => {
    const onRetry = vi.fn();
    renderWithProviders(
      <ErrorNotice
        error={{ kind: "network", message: "reset", retryable: true }}
        onRetry={onRetry}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalled();
  });
});
