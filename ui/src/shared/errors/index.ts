export { describeError, statusLine } from "./describeError";
export type { ErrorPresentation, ErrorAction } from "./describeError";
export { ErrorNotice } from "./ErrorNotice";
export type { ErrorNoticeProps } from "./ErrorNotice";
export { notifyError } from "./notifyError";
