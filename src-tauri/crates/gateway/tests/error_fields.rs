//! The structured fields the UI words errors from, for every HTTP fault the simulator
//! injects: the status, the gateway's own code and message as they came, and the finer
//! reason (a context overflow, an error page, a proxy timeout). No wording is needed here:
//! the UI builds it from these fields in the language on screen.

mod common;

use common::*;
use portico_gateway::GatewayError;
use portico_types::{ErrorKind, ErrorReason, IpcError};
use tokio_util::sync::CancellationToken;

async fn http_error(scenario: &str) -> IpcError {
    let sim = sim_with_key().await;
    let err: GatewayError = client()
        .stream_chat(
            &endpoint(&sim, scenario),
            &request("demo-chat", "hello sim:words=5", true),
            CancellationToken::new(),
        )
        .await
        .err()
        .unwrap_or_else(|| panic!("{scenario}: expected an HTTP error"));
    err.into()
}

/// (scenario, kind, reason, gateway code, start of the gateway's message)
type Case = (
    &'static str,
    ErrorKind,
    Option<ErrorReason>,
    Option<&'static str>,
    &'static str,
);

#[tokio::test]
async fn every_http_fault_carries_status_code_and_the_gateways_words() {
    let cases: &[Case] = &[
        (
            "http_400",
            ErrorKind::BadRequest,
            None,
            Some("unsupported_parameter"),
            "Unsupported parameter: 'temperature'",
        ),
        (
            "http_400_context",
            ErrorKind::BadRequest,
            Some(ErrorReason::ContextTooLong),
            Some("context_length_exceeded"),
            "This model's maximum context length is 8192 tokens.",
        ),
        // Nothing here names the key: core decides from when it came (see key_checks).
        (
            "http_400_no_db",
            ErrorKind::BadRequest,
            None,
            None,
            "No connected db.",
        ),
        (
            "http_401",
            ErrorKind::Auth,
            None,
            Some("invalid_api_key"),
            "Incorrect API key provided.",
        ),
        (
            "http_402",
            ErrorKind::OutOfCredit,
            None,
            Some("insufficient_balance"),
            "Insufficient account balance.",
        ),
        (
            "http_403",
            ErrorKind::Forbidden,
            None,
            Some("model_not_allowed"),
            "This token is not allowed",
        ),
        (
            "http_404",
            ErrorKind::NotFound,
            None,
            Some("invalid_request_error"), // no code: the type stands in
            "Invalid URL (POST",
        ),
        (
            "http_413",
            ErrorKind::BadRequest,
            Some(ErrorReason::RequestTooLarge),
            Some("request_too_large"),
            "Request body too large.",
        ),
        (
            "http_429_quota",
            ErrorKind::OutOfCredit,
            None,
            Some("insufficient_quota"),
            "You exceeded your current quota",
        ),
        (
            "http_500",
            ErrorKind::GatewayDown,
            None,
            Some("server_error"),
            "The server had an error",
        ),
        (
            "http_503",
            ErrorKind::GatewayDown,
            None,
            Some("model_not_available"),
            "当前分组 default 下对于模型 demo-chat 无可用渠道",
        ),
        (
            "http_504",
            ErrorKind::Timeout,
            Some(ErrorReason::UpstreamTimeout),
            Some("gateway_timeout"),
            "upstream timeout",
        ),
        (
            "http_524",
            ErrorKind::Timeout,
            Some(ErrorReason::UpstreamTimeout),
            None,
            "sim.portico.local | 524: A timeout occurred",
        ),
        (
            "html_200",
            ErrorKind::GatewayDown,
            Some(ErrorReason::ErrorPage),
            None,
            "Welcome to nginx!",
        ),
    ];
    for &(scenario, kind, reason, code, said) in cases {
        let e = http_error(scenario).await;
        let status: u16 = match scenario {
            "html_200" => 200,
            s => s[5..8].parse().unwrap(),
        };
        assert_eq!(e.kind, kind, "{scenario}: {e:?}");
        assert_eq!(e.reason, reason, "{scenario}: {e:?}");
        assert_eq!(e.status, Some(status), "{scenario}");
        assert_eq!(e.gateway_code.as_deref(), code, "{scenario}");
        let message = e.gateway_message.as_deref().unwrap_or_default();
        assert!(message.starts_with(said), "{scenario}: {message:?}");
    }
}

#[tokio::test]
async fn a_rate_limit_carries_its_delay_and_the_gateways_words() {
    let e = http_error("http_429").await;
    assert_eq!(e.kind, ErrorKind::RateLimited);
    assert_eq!(e.status, Some(429));
    assert_eq!(e.retry_after_ms, Some(1000));
    assert_eq!(e.gateway_code.as_deref(), Some("rate_limit_exceeded"));
    assert_eq!(
        e.gateway_message.as_deref(),
        Some("Rate limit reached for requests. Please try again later.")
    );
}

#[tokio::test]
async fn an_error_inside_a_stream_is_marked_as_mid_reply() {
    let sim = sim_with_key().await;
    let reply = chat(
        &client(),
        &endpoint(&sim, "error_midstream_json"),
        &request(
            "demo-chat",
            "Tell me about backoff sim:words=40 sim:delay=5",
            true,
        ),
    )
    .await
    .unwrap();
    let e: IpcError = reply.error.expect("an error").into();
    assert_eq!(e.reason, Some(ErrorReason::ErrorMidReply));
    assert_eq!(e.gateway_message.as_deref(), Some("upstream timeout"));
}

#[tokio::test]
async fn a_refused_connection_says_so_without_a_status() {
    let sim = sim_with_key().await;
    let mut ep = endpoint(&sim, "");
    ep.base_url = "http://127.0.0.1:9".into();
    let e: IpcError = client().list_models(&ep).await.unwrap_err().into();
    assert_eq!(e.kind, ErrorKind::Network);
    assert_eq!(e.reason, Some(ErrorReason::ConnectFailed));
    assert_eq!(e.status, None);
}
