import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18next } from "@/shared/i18n";
import type { IpcError } from "../bindings/IpcError";
import { useNavigation } from "../navigation";
import { renderWithProviders } from "@/test/render";
import { ErrorNotice } from "./ErrorNotice";

const base = { retryable: false } as const;

beforeEach(() => {
  useNavigation.setState({ view: { name: "chat", conversationId: null } });
});

afterEach(async () => {
  await i18next.changeLanguage("en");
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

  it("words the body in Simplified Chinese, not with the backend's English sentence", async () => {
    await i18next.changeLanguage("zh-CN");
    const error: IpcError = {
      kind: "rateLimited",
      message: "The gateway is rate-limiting requests. Wait a moment and try again.",
      retryable: true,
    };
    renderWithProviders(<ErrorNotice error={error} compact />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("请求被网关限流");
    expect(alert).toHaveTextContent("网关要求放慢速度，请稍候再试。");
    expect(alert).not.toHaveTextContent("rate-limiting");
  });

  it("re-words an error already shown when the language changes", async () => {
    const error: IpcError = {
      kind: "badRequest",
      reason: "contextTooLong",
      status: 400,
      message: "The conversation is too long for this model's context window.",
      retryable: false,
    };
    renderWithProviders(<ErrorNotice error={error} compact onStartOver={() => undefined} />);
    expect(screen.getByRole("alert")).toHaveTextContent(
      "The conversation is too long for this model",
    );
    await act(async () => {
      await i18next.changeLanguage("zh-CN");
    });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("对话太长，超出了此模型的上限");
    expect(alert).toHaveTextContent("对话长度超出了此模型的上下文窗口");
    expect(screen.getByRole("button", { name: "用这条消息开始新对话" })).toBeInTheDocument();
    expect(alert).not.toHaveTextContent("context window");
  });

  it("offers a new chat for a context overflow, only where one can be started", () => {
    const error: IpcError = {
      kind: "badRequest",
      reason: "contextTooLong",
      status: 400,
      message: "too long",
      retryable: false,
    };
    const onStartOver = vi.fn();
    const { unmount } = renderWithProviders(
      <ErrorNotice error={error} onStartOver={onStartOver} />,
    );
    fireEvent.click(screen.getByRole("button", { name: "New chat with this message" }));
    expect(onStartOver).toHaveBeenCalledTimes(1);
    unmount();
    renderWithProviders(<ErrorNotice error={error} />);
    expect(screen.queryByRole("button", { name: "New chat with this message" })).toBeNull();
  });

  it("quotes the gateway's own words as they came, labelled, in the details", async () => {
    await i18next.changeLanguage("zh-CN");
    const error: IpcError = {
      kind: "badRequest",
      reason: "keyProbablyRejected",
      status: 400,
      gatewayMessage: "No connected db.",
      message: "The gateway refused the request (HTTP 400).",
      retryable: false,
      detail: 'HTTP 400: No connected db.\n\n{"error":{"message":"No connected db."}}',
    };
    renderWithProviders(<ErrorNotice error={error} providerId="p1" compact />);
    expect(screen.getByRole("alert")).toHaveTextContent("网关拒绝了请求：请检查 API 密钥");
    expect(screen.getByRole("button", { name: "打开服务商设置" })).toBeInTheDocument();
    expect(screen.queryByTestId("gateway-said")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "详情" }));
    const said = screen.getByTestId("gateway-said");
    expect(said).toHaveTextContent("网关原话");
    expect(said).toHaveTextContent("“No connected db.”");
  });

  it('shows an error saved with "HTTP 500 (500)" without the repetition', () => {
    const error: IpcError = {
      ...base,
      kind: "gatewayDown",
      message: "The gateway or its upstream failed (HTTP 500).",
      detail: "HTTP 500 (500): upstream failed",
    };
    renderWithProviders(<ErrorNotice error={error} />);
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    expect(screen.getByText("HTTP 500: upstream failed")).toBeInTheDocument();
    expect(screen.queryByText(/HTTP 500 \(500\)/)).toBeNull();
  });

  it("keeps an unclassified internal error's own sentence in the details", () => {
    const error: IpcError = { ...base, kind: "internal", message: "database task failed: panic" };
    renderWithProviders(<ErrorNotice error={error} compact />);
    expect(screen.getByRole("alert")).toHaveTextContent("Something went wrong in Portico");
    expect(screen.queryByText(/database task failed/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    expect(screen.getByText(/database task failed: panic/)).toBeInTheDocument();
  });
});
