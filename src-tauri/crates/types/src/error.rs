//! The one error shape that crosses IPC: `{kind, message, retryable, detail, retryAfterMs}`.
//! The UI branches on `kind`; `message` is for people; `detail` holds the raw evidence
//! (status line, body excerpt) shown one click away. Nothing here ever carries a key.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
    /// One sentence a user can act on.
    pub message: String,
    pub retryable: bool,
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
            detail: None,
            retry_after_ms: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Invalid, message)
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
