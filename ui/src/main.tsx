import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { AppProviders } from "./app/AppProviders";
import { createQueryClient } from "./app/queryClient";
import { flushDrafts, loadDrafts } from "@/features/chat";
import { initI18n } from "./shared/i18n";
import { appInfoQuery, beforeWindowCloses } from "./shared/ipc";
import { preloadMarkdown } from "./shared/markdown";
import { startThemeSync, useThemeStore } from "./shared/theme";
import "./index.css";

async function installMockBackendIfAsked(): Promise<void> {
  const asked =
    new URLSearchParams(window.location.search).has("mock") || import.meta.env.VITE_MOCK;
  if (!asked) return;
  // A separate chunk, loaded only in mock mode: never on the production path.
  const { installMockBackend, mockOptionsFromUrl } = await import("./shared/ipc/mock");
  installMockBackend(mockOptionsFromUrl(window.location.search));
}

/** The longest a closing window waits for the last drafts to reach the disk. */
const DRAFT_FLUSH_ON_CLOSE_MS = 1000;

async function start(): Promise<void> {
  await installMockBackendIfAsked();
  // Unsent drafts: read from disk beside the first render (the composer waits for them), and
  // written before the window closes.
  void loadDrafts();
  void beforeWindowCloses(flushDrafts, DRAFT_FLUSH_ON_CLOSE_MS).catch(() => undefined);
  const params = new URLSearchParams(window.location.search);
  const lang = params.get("lang");
  initI18n(lang === "en" || lang === "zh-CN" ? lang : undefined);
  const theme = params.get("theme");
  if (theme === "light" || theme === "dark") useThemeStore.setState({ preference: theme });
  startThemeSync();
  const queryClient = createQueryClient();
  void queryClient.prefetchQuery(appInfoQuery);
  const root = document.getElementById("root");
  if (!root) throw new Error("#root is missing from index.html");
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <App />
      </AppProviders>
    </StrictMode>,
  );
}

// Start-up milestones, read by the app benchmark: entry evaluated, first screen committed.
performance.mark("portico:script");
void start();
// The renderer is needed once a conversation opens: fetch it after the first screen, so it
// does not compete with start-up.
window.setTimeout(preloadMarkdown, 300);
