//! Response-level faults: what a gateway does before (or instead of) answering.
//! They apply to every non-admin route, after the key check.

use std::time::{Duration, SystemTime};

use axum::http::{HeaderName, HeaderValue};
use axum::response::Response;

use crate::errors::{self, openai};
use crate::scenario::{Fault, Plan};
use crate::server::Shared;

/// The response that replaces the normal one, if the plan has a fault for this
/// request. A slow first byte is waited out here, before any header is sent.
pub async fn apply(shared: &Shared, plan: &Plan, method: &str, path: &str) -> Option<Response> {
    if let Some(wait) = plan.first_byte {
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = shared.stopped() => return Some(status(503, method, path)),
        }
    }
    let response = match plan.fault? {
        Fault::Status(code) => status(code, method, path),
        Fault::QuotaExhausted => openai(
            429,
            "You exceeded your current quota, please check your plan and billing details.",
            "insufficient_quota",
            None,
            Some("insufficient_quota"),
        ),
        // What OpenAI-compatible gateways relay from the upstream when the history is too long.
        Fault::ContextTooLong => openai(
            400,
            "This model's maximum context length is 8192 tokens. However, your messages resulted in 9317 tokens. Please reduce the length of the messages.",
            "invalid_request_error",
            Some("messages"),
            Some("context_length_exceeded"),
        ),
        // Seen from a gateway given a wrong key: nothing in the body names the key.
        Fault::NoConnectedDb => errors::no_connected_db(),
        Fault::ErrorBody200 => openai(
            200,
            "upstream error: the model is overloaded, please try again later",
            "upstream_error",
            None,
            Some("upstream_error"),
        ),
        Fault::Html200 => errors::html(200, "Welcome to nginx!", "Welcome to nginx!"),
        retry => {
            if !shared.should_fail(&plan.key, plan.fail_times) {
                return None;
            }
            retry_fault(retry, plan.retry_after)
        }
    };
    Some(response)
}

/// A 429 with the Retry-After form the scenario names, or a 500 for `flaky_500`.
fn retry_fault(fault: Fault, value: Option<u64>) -> Response {
    let (name, value) = match fault {
        Fault::RetryAfterSeconds => ("retry-after", value.unwrap_or(1).to_string()),
        Fault::RetryAfterMs => ("retry-after-ms", value.unwrap_or(200).to_string()),
        // Two seconds ahead: the date has whole seconds, so one could round to now.
        Fault::RetryAfterDate => {
            let at = SystemTime::now() + Duration::from_secs(value.unwrap_or(2));
            ("retry-after", httpdate::fmt_http_date(at))
        }
        _ => return status(500, "", ""),
    };
    let mut response = rate_limited();
    insert(&mut response, name, &value);
    response
}

fn rate_limited() -> Response {
    let mut response = openai(
        429,
        "Rate limit reached for requests. Please try again later.",
        "rate_limit_error",
        None,
        Some("rate_limit_exceeded"),
    );
    insert(&mut response, "x-ratelimit-remaining-requests", "0");
    response
}

fn insert(response: &mut Response, name: &'static str, value: &str) {
    if let Ok(value) = HeaderValue::from_str(value) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(name), value);
    }
}

/// The error a gateway typically sends with each status.
fn status(code: u16, method: &str, path: &str) -> Response {
    match code {
        400 => openai(
            400,
            "Unsupported parameter: 'temperature' is not supported with this model.",
            "invalid_request_error",
            Some("temperature"),
            Some("unsupported_parameter"),
        ),
        401 => errors::invalid_api_key(),
        402 => openai(
            402,
            "Insufficient account balance. Please top up to continue.",
            "billing_error",
            None,
            Some("insufficient_balance"),
        ),
        403 => openai(
            403,
            "This token is not allowed to use this model in group `default`.",
            "new_api_error",
            None,
            Some("model_not_allowed"),
        ),
        404 => errors::invalid_url(method, path),
        413 => openai(
            413,
            "Request body too large. Reduce inline images or upload files instead.",
            "invalid_request_error",
            None,
            Some("request_too_large"),
        ),
        429 => {
            let mut response = rate_limited();
            insert(&mut response, "retry-after", "1");
            response
        }
        502 => openai(
            502,
            "bad response status code 502 from upstream",
            "upstream_error",
            None,
            Some("bad_response_status_code"),
        ),
        503 => openai(
            503,
            "当前分组 default 下对于模型 demo-chat 无可用渠道 (no available channel for this model)",
            "new_api_error",
            None,
            Some("model_not_available"),
        ),
        504 => openai(
            504,
            "upstream timeout: the model did not answer in time",
            "upstream_error",
            None,
            Some("gateway_timeout"),
        ),
        524 => errors::cloudflare_524(),
        _ => openai(
            500,
            "The server had an error while processing your request. Sorry about that!",
            "server_error",
            None,
            None,
        ),
    }
}
