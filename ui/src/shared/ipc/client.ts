import { Channel, invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AppEvent } from "../bindings/AppEvent";
import type { Commands } from "../bindings/commands";
import { IpcFailure, normalizeIpcError } from "./errors";
export { openExternal } from "./openExternal";

/** The Tauri event that carries AppEvent (portico-types `APP_EVENT`). */
export const APP_EVENT_NAME = "portico://app-event";

export type CommandName = keyof Commands;
export type RequestOf<K extends CommandName> = Commands[K]["req"];
export type ResponseOf<K extends CommandName> = Commands[K]["res"];
export type StreamingCommandName = {
  [K in CommandName]: Commands[K] extends { event: unknown } ? K : never;
}[CommandName];
export type EventOf<K extends StreamingCommandName> = Commands[K] extends { event: infer E }
  ? E
  : never;

/** Calls a backend command. Every command takes its request as one parameter named `req`. */
export async function call<K extends CommandName>(
  cmd: K,
  req: RequestOf<K>,
): Promise<ResponseOf<K>> {
  try {
    return await invoke<ResponseOf<K>>(cmd, req === null ? {} : { req });
  } catch (raw) {
    throw new IpcFailure(normalizeIpcError(raw));
  }
}

/** Calls a streaming command; its events arrive in order through a fresh Channel. */
export async function stream<K extends StreamingCommandName>(
  cmd: K,
  req: RequestOf<K>,
  onEvent: (event: EventOf<K>) => void,
): Promise<ResponseOf<K>> {
  const channel = new Channel<EventOf<K>>();
  channel.onmessage = onEvent;
  try {
    return await invoke<ResponseOf<K>>(cmd, { req, onEvent: channel });
  } catch (raw) {
    throw new IpcFailure(normalizeIpcError(raw));
  }
}

/** Listens to app-wide notifications. Returns a function that stops listening. */
export async function onAppEvent(handler: (event: AppEvent) => void): Promise<UnlistenFn> {
  return listen<AppEvent>(APP_EVENT_NAME, (event) => handler(event.payload));
}

/**
 * Runs `task` when the window is asked to close, and closes it once the task is done or
 * `timeoutMs` has passed, whichever is first. (The shell closes the window anyway if the page
 * does not answer, so a stuck page never keeps it open.)
 */
export async function beforeWindowCloses(
  task: () => Promise<void>,
  timeoutMs: number,
): Promise<UnlistenFn> {
  const { getCurrentWindow } = await import("@tauri-apps/api/window");
  return getCurrentWindow().onCloseRequested(async () => {
    let timer = 0;
    const timeout = new Promise<void>((resolve) => (timer = window.setTimeout(resolve, timeoutMs)));
    await Promise.race([task().catch(() => undefined), timeout]);
    window.clearTimeout(timer);
  });
}

/**
 * Copies text to the system clipboard. Through the clipboard plugin in the app (WebKitGTK's
 * own clipboard API is not reliable on a custom scheme); the web API elsewhere.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    const { writeText } = await import("@tauri-apps/plugin-clipboard-manager");
    await writeText(text);
    return true;
  } catch {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }
}
