import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { removeMockBackend } from "@/shared/ipc/testing";
import { initI18n } from "@/shared/i18n";

initI18n("en");

afterEach(() => {
  cleanup();
  removeMockBackend();
});
