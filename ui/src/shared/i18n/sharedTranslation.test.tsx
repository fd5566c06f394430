import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { i18next } from "./index";
import zhCN from "./zh-CN.json";
import { cachedTranslate, TranslationProvider, useT } from "./sharedTranslation";

function Label() {
  const { t, language } = useT();
  return (
    <span>
      {t("chat.actions.copy")} ({language})
    </span>
  );
}

describe("shared translation", () => {
  afterEach(async () => {
    await act(() => i18next.changeLanguage("en"));
  });

  it("looks a plain key up once and passes options through every time", () => {
    const translate = vi.fn((key: string, options?: Record<string, unknown>) =>
      options ? `${key}:${String(options.n)}` : key.toUpperCase(),
    );
    const t = cachedTranslate(translate);
    expect(t("a.b")).toBe("A.B");
    expect(t("a.b")).toBe("A.B");
    expect(t("a.c", { n: 1 })).toBe("a.c:1");
    expect(t("a.c", { n: 2 })).toBe("a.c:2");
    expect(translate).toHaveBeenCalledTimes(3);
  });

  it("re-renders readers in the new language, with or without the provider", async () => {
    render(
      <>
        <TranslationProvider>
          <Label />
        </TranslationProvider>
      </>,
    );
    expect(screen.getByText("Copy message (en)")).toBeInTheDocument();
    await act(() => i18next.changeLanguage("zh-CN"));
    const chinese = `${zhCN.chat.actions.copy} (zh-CN)`;
    expect(screen.getByText(chinese)).toBeInTheDocument();
    expect(screen.queryByText("Copy message (en)")).not.toBeInTheDocument();
    // Outside a provider (a detached reader) the current language is still used.
    render(<Label />);
    expect(screen.getAllByText(chinese)).toHaveLength(2);
  });
});
