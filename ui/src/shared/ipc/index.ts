export {
  call,
  stream,
  onAppEvent,
  openExternal,
  beforeWindowCloses,
  copyText,
  APP_EVENT_NAME,
} from "./client";
export { isOpenableUrl } from "./openExternal";
export type { CommandName, RequestOf, ResponseOf, StreamingCommandName, EventOf } from "./client";
export { IpcFailure, normalizeIpcError, isIpcError, toIpcError } from "./errors";
export { appInfoQuery } from "./appInfoQuery";
export { queryKeys } from "./queryKeys";
