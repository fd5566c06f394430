import { lazy } from "react";

/** Settings screens, loaded on first open. */
export const SettingsView = lazy(() => import("./components/SettingsView"));
export { SHORTCUTS } from "./components/shortcuts";
