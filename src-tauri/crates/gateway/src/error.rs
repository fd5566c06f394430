//! The crate's one error type: a kind the UI branches on, a sentence a person can act on, and
//! the raw evidence (status, the gateway's own words, a body excerpt) kept apart in `detail`.
//! HTTP bodies are turned into these in `error_map`; transport failures here.

use std::time::Duration;

use portico_types::{ErrorKind, ErrorReason, IpcError};

use crate::redact::redact;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct GatewayError {
    pub kind: ErrorKind,
    /// One sentence a user can act on.
    pub message: String,
    /// The HTTP status, when the gateway answered with one.
    pub status: Option<u16>,
    /// Raw evidence, already redacted: status line, the gateway's message, a body excerpt.
    pub detail: Option<String>,
    /// How long the gateway asked us to wait (`retry-after-ms` / `Retry-After`).
    pub retry_after: Option<Duration>,
    /// The gateway's error code or type (`invalid_api_key`, `insufficient_quota`, ...).
    pub code: Option<String>,
    /// What exactly went wrong, when the kind alone does not say it.
    pub reason: Option<ErrorReason>,
    /// The gateway's own message as it came (or an error page's title), redacted.
    pub gateway_message: Option<String>,
}

pub(crate) const MSG_DROPPED: &str = "The connection dropped mid-reply; the partial text was kept.";

impl GatewayError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            status: None,
            detail: None,
            retry_after: None,
            code: None,
            reason: None,
            gateway_message: None,
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

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    pub fn canceled() -> Self {
        Self::new(ErrorKind::Canceled, "Stopped; the partial text was kept.")
    }

    /// The stream ended with neither `[DONE]` nor a finish reason.
    pub fn truncated() -> Self {
        Self::new(ErrorKind::Network, MSG_DROPPED)
            .with_reason(ErrorReason::ConnectionDropped)
            .with_detail("The stream ended without [DONE] and without a finish_reason (truncated).")
    }

    pub fn invalid_response(reason: ErrorReason, message: impl Into<String>, raw: &str) -> Self {
        let e = Self::new(ErrorKind::InvalidResponse, message).with_reason(reason);
        if raw.trim().is_empty() {
            return e;
        }
        e.with_detail(excerpt(raw, 2048))
    }

    /// Whether the same request may succeed later. Quota exhaustion never does by waiting.
    pub fn is_retryable(&self) -> bool {
        self.kind.is_retryable()
    }

    /// Scrub `key` (and anything secret-looking) from the message and detail.
    pub(crate) fn redacted(mut self, key: Option<&str>) -> Self {
        self.message = redact(&self.message, key);
        self.detail = self.detail.map(|d| redact(&d, key));
        self.code = self.code.map(|c| redact(&c, key));
        self.gateway_message = self.gateway_message.map(|m| redact(&m, key));
        self
    }

    /// A transport failure from reqwest. `mid_stream`: body bytes had already arrived.
    pub(crate) fn from_reqwest(err: &reqwest::Error, mid_stream: bool) -> Self {
        let chain = error_chain(err);
        let e = if err.is_timeout() {
            Self::new(
                ErrorKind::Timeout,
                "The gateway did not answer in time. Try again in a moment.",
            )
        } else if err.is_builder() {
            Self::new(
                ErrorKind::Invalid,
                "The provider's base URL is not a valid URL. Check it in Settings → Providers.",
            )
            .with_reason(ErrorReason::InvalidBaseUrl)
        } else if mid_stream || err.is_body() || err.is_decode() {
            Self::new(ErrorKind::Network, MSG_DROPPED).with_reason(ErrorReason::ConnectionDropped)
        } else if err.is_connect() {
            Self::new(
                ErrorKind::Network,
                "Could not connect to the gateway. Check the base URL and your network connection.",
            )
            .with_reason(ErrorReason::ConnectFailed)
        } else {
            Self::new(
                ErrorKind::Network,
                "The request to the gateway failed on the network. Check your connection and try again.",
            )
        };
        e.with_detail(chain).redacted(None)
    }
}

impl From<GatewayError> for IpcError {
    fn from(e: GatewayError) -> Self {
        let mut ipc = IpcError::new(e.kind, e.message);
        ipc.reason = e.reason;
        ipc.status = e.status;
        ipc.gateway_code = e.code;
        ipc.gateway_message = e.gateway_message;
        ipc.detail = e.detail;
        ipc.retry_after_ms = e
            .retry_after
            .map(|d| d.as_millis().min(u64::MAX as u128) as u64);
        ipc
    }
}

/// `outer: cause: root cause`, without the URL (it may carry a query key; it is masked anyway).
fn error_chain(err: &reqwest::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        let s_text = s.to_string();
        if !text.contains(&s_text) {
            text.push_str(": ");
            text.push_str(&s_text);
        }
        source = s.source();
    }
    text
}

/// The first `max` bytes of `text`, cut on a character boundary.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_to_ipc_error_with_retry_after() {
        let mut e = GatewayError::new(ErrorKind::RateLimited, "Slow down.").with_detail("HTTP 429");
        e.retry_after = Some(Duration::from_millis(1500));
        e.status = Some(429);
        e.code = Some("rate_limit_exceeded".into());
        e.gateway_message = Some("Rate limit reached.".into());
        let ipc: IpcError = e.into();
        assert_eq!(ipc.status, Some(429));
        assert_eq!(ipc.gateway_code.as_deref(), Some("rate_limit_exceeded"));
        assert_eq!(ipc.gateway_message.as_deref(), Some("Rate limit reached."));
        assert_eq!(ipc.kind, ErrorKind::RateLimited);
        assert!(ipc.retryable);
        assert_eq!(ipc.retry_after_ms, Some(1500));
        assert_eq!(ipc.detail.as_deref(), Some("HTTP 429"));
    }

    #[test]
    fn out_of_credit_and_canceled_are_not_retryable() {
        assert!(!GatewayError::new(ErrorKind::OutOfCredit, "x").is_retryable());
        assert!(!GatewayError::canceled().is_retryable());
        assert!(GatewayError::truncated().is_retryable());
    }

    #[test]
    fn excerpt_cuts_on_char_boundary() {
        assert_eq!(excerpt("你好世界", 4), "你…");
        assert_eq!(excerpt("abc", 4), "abc");
    }

    #[test]
    fn redacted_scrubs_message_detail_and_code() {
        let key = "sk-abcdefghijklmnop1234";
        let mut e = GatewayError::new(ErrorKind::Auth, format!("bad {key}"))
            .with_detail(format!("body: {key}"));
        e.gateway_message = Some(format!("Incorrect API key provided: {key}"));
        let e = e.redacted(Some(key));
        assert!(!format!("{e:?}").contains(key));
    }
}
