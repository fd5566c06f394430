//! The one error shape that crosses IPC. The UI words an error itself, in the language on
//! screen, from `kind`, `reason` and the structured fields (status, the gateway's own code and
//! message, the retry delay); `message` is an English sentence for logs and for errors saved
//! before these fields existed. `detail` holds the raw evidence shown one click away.
//! Nothing here ever carries a key.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ErrorReason;

/// What went wrong, in terms the UI can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// The gateway rejected the key (401) or none is set.
    Auth,
    /// Balance exhausted or quota used up (402, `insufficient_quota`, billing errors).
    OutOfCredit,
    /// The key may not use this model, group or region (403).
    Forbidden,
    /// Too many requests (429); `retryAfterMs` says when to try again when the gateway said so.
    RateLimited,
    /// The request was refused as malformed or unsupported (400, 413, 422).
    BadRequest,
    /// Wrong path, unknown model or id (404, 405).
    NotFound,
    /// The gateway or its upstream failed (5xx, HTML error pages, Cloudflare 520-523).
    GatewayDown,
    /// No answer in time: connect, first byte, idle between chunks, or the gateway's own
    /// timeout (408, 504, Cloudflare 524).
    Timeout,
    /// The connection failed or dropped (DNS, refused, reset, stream cut mid-message).
    Network,
    /// The user stopped it.
    Canceled,
    /// The gateway answered with something we cannot read as its protocol.
    InvalidResponse,
    /// The OS keychain is missing, locked or refused access.
    Keychain,
    /// The local database or disk failed (full disk, corrupt row).
    Storage,
    /// The input from the UI is invalid (empty name, bad URL, unknown id).
    Invalid,
    /// A bug: something that should not happen.
    Internal,
}

impl ErrorKind {
    /// Whether trying the same thing again may succeed.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            ErrorKind::RateLimited
                | ErrorKind::GatewayDown
                | ErrorKind::Timeout
                | ErrorKind::Network
        )
    }
}

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub kind: ErrorKind,
    /// An English sentence for logs; the UI never shows it as the error's wording.
    pub message: String,
    pub retryable: bool,
    /// What exactly went wrong, when the kind alone does not say it.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ErrorReason>,
    /// The HTTP status the gateway answered with.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The gateway's own error code or type, as it came (`invalid_api_key`, `500`, ...).
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway_code: Option<String>,
    /// The gateway's own message as it came (or an error page's title), quoted, never
    /// translated.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway_message: Option<String>,
    /// Raw evidence: HTTP status, the gateway's own message, a body excerpt. Never a key.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// When the gateway said how long to wait (Retry-After), in milliseconds.
    #[ts(optional, type = "number")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_ms: Option<u64>,
}

impl IpcError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            retryable: kind.is_retryable(),
            reason: None,
            status: None,
            gateway_code: None,
            gateway_message: None,
            detail: None,
            retry_after_ms: None,
        }
    }

    pub fn with_reason(mut self, reason: ErrorReason) -> Self {
        self.reason = Some(reason);
        self
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Invalid, message)
    }

    /// Invalid input, with the reason the UI words it by.
    pub fn refused(reason: ErrorReason, message: impl Into<String>) -> Self {
        Self::invalid(message).with_reason(reason)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for IpcError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_saved_before_the_structured_fields_still_decodes() {
        let saved = r#"{"kind":"rateLimited","message":"Rate limited: retry in 20 s","retryable":true,"detail":"429","retryAfterMs":20000}"#;
        let e: IpcError = serde_json::from_str(saved).unwrap();
        assert_eq!(e.kind, ErrorKind::RateLimited);
        assert_eq!(e.retry_after_ms, Some(20000));
        assert_eq!((e.reason, e.status, e.gateway_code), (None, None, None));
    }

    #[test]
    fn structured_fields_cross_in_camel_case() {
        let mut e =
            IpcError::new(ErrorKind::BadRequest, "x").with_reason(ErrorReason::ContextTooLong);
        e.status = Some(400);
        e.gateway_code = Some("context_length_exceeded".into());
        e.gateway_message = Some("maximum context length".into());
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["reason"], "contextTooLong");
        assert_eq!(v["status"], 400);
        assert_eq!(v["gatewayCode"], "context_length_exceeded");
        assert_eq!(v["gatewayMessage"], "maximum context length");
        assert!(v.get("detail").is_none());
    }
}
