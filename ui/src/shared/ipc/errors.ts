import type { ErrorKind } from "../bindings/ErrorKind";
import type { IpcError } from "../bindings/IpcError";

const ERROR_KINDS: readonly ErrorKind[] = [
  "auth",
  "outOfCredit",
  "forbidden",
  "rateLimited",
  "badRequest",
  "notFound",
  "gatewayDown",
  "timeout",
  "network",
  "canceled",
  "invalidResponse",
  "keychain",
  "storage",
  "invalid",
  "internal",
];

function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === "string" && (ERROR_KINDS as readonly string[]).includes(value);
}

/** Whether a value already has the shape the backend sends for errors. */
export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return isErrorKind(record.kind) && typeof record.message === "string";
}

function describeUnknown(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Turns whatever an IPC call rejected with into an IpcError.
 * Anything not shaped like one (a bare string from Tauri, a JS exception) becomes kind "internal".
 */
export function normalizeIpcError(value: unknown): IpcError {
  if (isIpcError(value)) {
    return {
      ...value,
      retryable: typeof value.retryable === "boolean" ? value.retryable : false,
    };
  }
  const text = describeUnknown(value);
  return {
    kind: "internal",
    message: text || "Something unexpected went wrong.",
    retryable: false,
    detail: text || undefined,
  };
}

/** An Error subclass carrying the IpcError, so it can be thrown through TanStack Query. */
export class IpcFailure extends Error {
  readonly error: IpcError;
  constructor(error: IpcError) {
    super(error.message);
    this.name = "IpcFailure";
    this.error = error;
  }
}

/** The IpcError inside anything caught from `call`, `stream` or a query. */
export function toIpcError(value: unknown): IpcError {
  if (value instanceof IpcFailure) return value.error;
  return normalizeIpcError(value);
}
