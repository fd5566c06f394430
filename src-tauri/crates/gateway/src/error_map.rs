//! From an HTTP status and body to a `GatewayError` (PROTOCOLS 1.6, 1.7, 10.3): the message
//! extraction cascade, the status table with its quota/billing overrides, HTML error pages, and
//! error bodies inside a 200 or a stream.

use std::time::Duration;

use portico_types::{ErrorKind, ErrorReason};
use serde_json::Value;

use crate::error::{excerpt, GatewayError};
#[cfg(test)]
pub(crate) use crate::error_page::strip_html;
pub(crate) use crate::error_page::{html_error, looks_like_html};

/// What we could read from an error body.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct BodyError {
    pub message: Option<String>,
    pub code: Option<String>,
    /// The error `type` / Google `status`, a second classification hint.
    pub kind_hint: Option<String>,
}

/// The cascade of PROTOCOLS 1.6: first non-empty match wins.
pub(crate) fn read_body_error(v: &Value) -> BodyError {
    let text = |v: Option<&Value>| -> Option<String> {
        match v? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Value::Array(a) if !a.is_empty() => Some(Value::Array(a.clone()).to_string()),
            _ => None,
        }
    };
    let err = v.get("error");
    let message = text(err.and_then(|e| e.get("message")))
        .or_else(|| {
            text(
                err.and_then(|e| e.get("error"))
                    .and_then(|e| e.get("message")),
            )
        })
        .or_else(|| err.filter(|e| e.is_string()).and_then(|e| text(Some(e))))
        .or_else(|| text(v.get("message")))
        .or_else(|| text(v.get("msg")))
        .or_else(|| text(v.get("base_resp").and_then(|b| b.get("status_msg"))))
        .or_else(|| text(v.get("description")))
        .or_else(|| text(v.get("detail")));
    let scalar = |v: Option<&Value>| -> Option<String> {
        match v? {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let code = scalar(err.and_then(|e| e.get("code")))
        .or_else(|| scalar(v.get("code")))
        .or_else(|| scalar(v.get("base_resp").and_then(|b| b.get("status_code"))));
    let kind_hint = scalar(err.and_then(|e| e.get("type")))
        .or_else(|| scalar(err.and_then(|e| e.get("status"))))
        .or_else(|| scalar(v.get("type")).filter(|t| t != "error"));
    BodyError {
        message,
        code,
        kind_hint,
    }
}

/// Whether a JSON body (on a 200 or in a stream) is an error rather than a result.
pub(crate) fn is_error_body(v: &Value) -> bool {
    let truthy = |v: &Value| match v {
        Value::Null | Value::Bool(false) => false,
        Value::String(s) => !s.is_empty(),
        Value::Object(o) => !o.is_empty(),
        _ => true,
    };
    if v.get("error").is_some_and(truthy) {
        return true;
    }
    if v.get("type").and_then(Value::as_str) == Some("error") {
        return true;
    }
    // MiniMax: HTTP 200 with base_resp.status_code != 0.
    v.get("base_resp")
        .and_then(|b| b.get("status_code"))
        .and_then(Value::as_i64)
        .is_some_and(|c| c != 0)
}

pub(crate) fn status_kind(status: u16) -> ErrorKind {
    match status {
        401 => ErrorKind::Auth,
        402 => ErrorKind::OutOfCredit,
        403 => ErrorKind::Forbidden,
        404 | 405 => ErrorKind::NotFound,
        408 | 504 | 524 => ErrorKind::Timeout,
        429 => ErrorKind::RateLimited,
        400 | 413 | 422 => ErrorKind::BadRequest,
        500..=599 => ErrorKind::GatewayDown,
        // 409 and other 4xx: the request was refused, for a reason the body names.
        406..=499 => ErrorKind::BadRequest,
        _ => ErrorKind::InvalidResponse,
    }
}

/// Balance or billing wording, in the languages gateways answer in.
fn says_out_of_credit(code: Option<&str>, hint: Option<&str>, message: Option<&str>) -> bool {
    let codes = [
        "insufficient_quota",
        "billing_error",
        "insufficient_balance",
        "1008",
    ];
    if code.is_some_and(|c| codes.contains(&c)) || hint.is_some_and(|h| codes.contains(&h)) {
        return true;
    }
    let Some(m) = message.map(str::to_lowercase) else {
        return false;
    };
    [
        "insufficient_quota",
        "exceeded your current quota",
        "insufficient balance",
        "insufficient account balance",
        "balance",
        "billing",
        "out of credit",
        "credits",
        "insufficient credit",
        "payment required",
        "余额",
        "额度不足",
        "欠费",
    ]
    .iter()
    .any(|w| m.contains(w))
}

/// Whether the gateway says the conversation does not fit the model's context window
/// (OpenAI `context_length_exceeded`, "maximum context length is 8192 tokens", Anthropic
/// "prompt is too long: 210000 tokens > 200000 maximum", Gemini "input token count ...
/// exceeds the maximum"). A limit on `max_tokens` alone is a parameter error, not this.
pub(crate) fn says_context_too_long(code: Option<&str>, message: Option<&str>) -> bool {
    let code = code.map(str::to_ascii_lowercase);
    if code.as_deref().is_some_and(|c| {
        c.contains("context_length")
            || c.contains("context_window")
            || c == "string_above_max_length"
    }) {
        return true;
    }
    let Some(m) = message.map(str::to_lowercase) else {
        return false;
    };
    let names_context = [
        "context length",
        "context_length",
        "context window",
        "maximum context",
        "上下文",
    ]
    .iter()
    .any(|w| m.contains(w));
    let over = [
        "exceed", "too long", "too many", "maximum", "limit", "reduce", "超",
    ]
    .iter()
    .any(|w| m.contains(w));
    if names_context && over {
        return true;
    }
    if m.contains("max_tokens") || m.contains("max_completion_tokens") {
        return false;
    }
    let prompt_too_long = [
        "prompt is too long",
        "input is too long",
        "too many tokens",
        "input token count",
    ]
    .iter()
    .any(|w| m.contains(w));
    prompt_too_long || (m.contains("token") && m.contains("input") && over)
}

/// Kind from the body alone: for errors inside a 200 or a stream, where no status helps.
fn hint_kind(code: Option<&str>, hint: Option<&str>, message: Option<&str>) -> ErrorKind {
    if says_out_of_credit(code, hint, message) {
        return ErrorKind::OutOfCredit;
    }
    for word in [code, hint].into_iter().flatten() {
        let kind = match word.to_ascii_lowercase().as_str() {
            "invalid_api_key"
            | "authentication_error"
            | "invalid_token"
            | "unauthenticated"
            | "api_key_invalid"
            | "1004"
            | "2049" => ErrorKind::Auth,
            "permission_error" | "permission_denied" | "forbidden" => ErrorKind::Forbidden,
            "rate_limit_error" | "rate_limit_exceeded" | "resource_exhausted" | "1002" => {
                ErrorKind::RateLimited
            }
            "not_found_error" | "model_not_found" | "not_found" => ErrorKind::NotFound,
            "invalid_request_error" | "invalid_argument" | "request_too_large" | "2013" => {
                ErrorKind::BadRequest
            }
            "timeout_error" | "deadline_exceeded" => ErrorKind::Timeout,
            w => match w.parse::<u16>() {
                Ok(s @ 400..=599) => status_kind(s),
                _ => continue,
            },
        };
        return kind;
    }
    ErrorKind::GatewayDown
}

/// An HTTP error response (any status, including a 200 whose body is an error or an HTML page).
pub(crate) fn from_http(
    status: u16,
    content_type: Option<&str>,
    retry_after: Option<Duration>,
    body: &[u8],
) -> GatewayError {
    let text = String::from_utf8_lossy(body);
    if looks_like_html(content_type, &text) {
        return html_error(status, &text);
    }
    let parsed: Option<Value> = serde_json::from_str(text.trim()).ok();
    let be = parsed.as_ref().map(read_body_error).unwrap_or_default();
    let (code, hint, gw_msg) = (
        be.code.as_deref(),
        be.kind_hint.as_deref(),
        be.message.as_deref(),
    );
    let mut kind = if (200..300).contains(&status) {
        hint_kind(code, hint, gw_msg)
    } else {
        status_kind(status)
    };
    if matches!(status, 400 | 403 | 429) && says_out_of_credit(code, hint, gw_msg) {
        kind = ErrorKind::OutOfCredit;
    }
    let shown = gw_msg.map(str::to_owned).or_else(|| {
        let t = text.trim();
        (!t.is_empty() && parsed.is_none()).then(|| excerpt(t, 300))
    });
    let reason = http_reason(kind, status, code.or(hint), shown.as_deref());
    let mut e = GatewayError::new(kind, sentence(kind, status, retry_after, shown.as_deref()));
    if reason == Some(ErrorReason::ContextTooLong) {
        e.message = CONTEXT_TOO_LONG.to_owned();
    }
    e.reason = reason;
    e.status = Some(status);
    e.code = be.code.or(be.kind_hint);
    e.gateway_message = shown;
    e.retry_after = retry_after.filter(|d| !d.is_zero());
    let mut detail = format!("HTTP {status}");
    // A code that only repeats the status ("HTTP 500 (500)") says nothing more.
    if let Some(c) = e.code.as_deref().filter(|c| *c != status.to_string()) {
        detail.push_str(&format!(" ({c})"));
    }
    if let Some(m) = gw_msg {
        detail.push_str(&format!(": {m}"));
    }
    if !text.trim().is_empty() {
        detail.push_str("\n\n");
        detail.push_str(&excerpt(text.trim(), 2048));
    }
    e.detail = Some(detail);
    e
}

const CONTEXT_TOO_LONG: &str =
    "The conversation is too long for this model's context window. Start a new chat with less history.";

/// The finer reason for an HTTP error, when its kind alone does not say it.
fn http_reason(
    kind: ErrorKind,
    status: u16,
    code: Option<&str>,
    gw_msg: Option<&str>,
) -> Option<ErrorReason> {
    if matches!(status, 400 | 413 | 422) && says_context_too_long(code, gw_msg) {
        return Some(ErrorReason::ContextTooLong);
    }
    match (kind, status) {
        (_, 200..=299) => Some(ErrorReason::ErrorInReply),
        (ErrorKind::BadRequest, 413) => Some(ErrorReason::RequestTooLarge),
        (ErrorKind::NotFound, 405) => Some(ErrorReason::WrongMethod),
        (ErrorKind::Timeout, 408) => Some(ErrorReason::RequestTimeout),
        (ErrorKind::Timeout, 504 | 524) => Some(ErrorReason::UpstreamTimeout),
        _ => None,
    }
}

/// An error frame inside a stream (`data: {"error":...}` or `event: error`).
pub(crate) fn from_stream_payload(payload: &str) -> GatewayError {
    let parsed: Option<Value> = serde_json::from_str(payload.trim()).ok();
    let be = parsed.as_ref().map(read_body_error).unwrap_or_default();
    let gw_msg = be.message.clone().or_else(|| {
        let t = payload.trim();
        (parsed.is_none() && !t.is_empty()).then(|| excerpt(t, 300))
    });
    let kind = hint_kind(
        be.code.as_deref(),
        be.kind_hint.as_deref(),
        gw_msg.as_deref(),
    );
    let gw = gw_msg
        .as_deref()
        .unwrap_or("An error occurred during streaming");
    let code = be.code.or(be.kind_hint);
    let overflow = says_context_too_long(code.as_deref(), gw_msg.as_deref());
    let mut e = GatewayError::new(
        kind,
        format!(
            "The gateway reported an error mid-reply: “{}”. The partial text was kept.",
            excerpt(gw, 300)
        ),
    )
    .with_reason(if overflow {
        ErrorReason::ContextTooLong
    } else {
        ErrorReason::ErrorMidReply
    })
    .with_detail(excerpt(payload.trim(), 2048));
    e.code = code;
    e.gateway_message = gw_msg.map(|m| excerpt(&m, 300));
    e
}

fn sentence(
    kind: ErrorKind,
    status: u16,
    retry_after: Option<Duration>,
    gw: Option<&str>,
) -> String {
    let said = |s: &str| match gw {
        Some(m) => format!("{s} The gateway said: “{}”", excerpt(m, 300)),
        None => s.to_owned(),
    };
    match (kind, status) {
        (ErrorKind::Auth, _) => {
            "The gateway rejected the API key. Check the key in Settings → Providers.".into()
        }
        (ErrorKind::OutOfCredit, _) => said(
            "The account is out of credit or quota. Top up the balance at the gateway, then try again.",
        ),
        (ErrorKind::RateLimited, _) => match retry_after.filter(|d| !d.is_zero()) {
            Some(d) => format!(
                "The gateway is rate-limiting requests. Try again in {} s.",
                d.as_secs_f64().ceil() as u64
            ),
            None => "The gateway is rate-limiting requests. Wait a moment and try again.".into(),
        },
        (ErrorKind::Forbidden, _) => said(
            "The gateway refused this key access (HTTP 403). Try another model or group, or check the key's permissions.",
        ),
        (ErrorKind::BadRequest, 413) => {
            "The request is too large for the gateway (HTTP 413). Send smaller images or files.".into()
        }
        (ErrorKind::BadRequest, _) => said(&format!(
            "The gateway refused the request as invalid (HTTP {status})."
        )),
        (ErrorKind::NotFound, 405) => {
            "The gateway does not accept this request at this URL (HTTP 405). Check the provider's base URL.".into()
        }
        (ErrorKind::NotFound, _) => said(
            "The gateway does not know this model or path (HTTP 404). Check the model name and the provider's base URL.",
        ),
        (ErrorKind::Timeout, 408) => "The gateway timed out reading the request (HTTP 408). Try again.".into(),
        (ErrorKind::Timeout, _) => said(&format!(
            "The gateway timed out waiting for the model (HTTP {status}). Try again, or turn on streaming for long replies."
        )),
        (_, 200..=299) => said("The gateway answered with an error instead of a reply."),
        _ => said(&format!(
            "The gateway or its upstream failed (HTTP {status}). Try again in a moment."
        )),
    }
}

#[cfg(test)]
#[path = "error_map_tests.rs"]
mod tests;
