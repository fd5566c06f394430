//! Every fault the sim can inject into a chat, mapped to the right kind and a sentence a user
//! can act on; partial text survives mid-stream failures; timeouts and cancel are prompt; the
//! key never shows up in any error.

mod common;

use std::time::{Duration, Instant};

use common::*;
use portico_gateway::{ApiKey, Endpoint, GatewayError, Timeouts};
use portico_types::{ErrorKind, IpcError};
use tokio_util::sync::CancellationToken;

const PROMPT: &str = "Tell me about backoff sim:words=40";

fn assert_no_key(e: &GatewayError) {
    let ipc = serde_json::to_string(&IpcError::from(e.clone())).unwrap();
    for text in [format!("{e:?}"), format!("{e}"), ipc] {
        assert!(!text.contains(KEY), "key leaked: {text}");
        assert!(
            !text.contains("0123456789abcdef"),
            "key part leaked: {text}"
        );
    }
}

/// A chat under `scenario` that must fail before any event.
async fn http_error(scenario: &str) -> GatewayError {
    let sim = sim_with_key().await;
    let err = client()
        .stream_chat(
            &endpoint(&sim, scenario),
            &request("demo-chat", PROMPT, true),
            CancellationToken::new(),
        )
        .await
        .err()
        .unwrap_or_else(|| panic!("{scenario}: expected an HTTP error"));
    assert_no_key(&err);
    // Never retried: exactly one request reached the sim.
    assert_eq!(sim.requests().len(), 1, "{scenario}");
    err
}

#[tokio::test]
async fn each_status_maps_to_its_kind() {
    let cases = [
        ("http_400", ErrorKind::BadRequest, "Unsupported parameter"),
        ("http_401", ErrorKind::Auth, "Check the key in Settings"),
        ("http_402", ErrorKind::OutOfCredit, "Top up"),
        (
            "http_403",
            ErrorKind::Forbidden,
            "not allowed to use this model",
        ),
        ("http_404", ErrorKind::NotFound, "Check the model name"),
        ("http_413", ErrorKind::BadRequest, "too large"),
        ("http_429", ErrorKind::RateLimited, "Try again in 1 s"),
        ("http_429_quota", ErrorKind::OutOfCredit, "out of credit"),
        ("http_500", ErrorKind::GatewayDown, "HTTP 500"),
        (
            "http_502",
            ErrorKind::GatewayDown,
            "bad response status code 502",
        ),
        ("http_503", ErrorKind::GatewayDown, "无可用渠道"),
        ("http_504", ErrorKind::Timeout, "turn on streaming"),
        (
            "http_524",
            ErrorKind::Timeout,
            "HTTP 524: sim.portico.local | 524: A timeout occurred",
        ),
    ];
    for (scenario, kind, needle) in cases {
        let e = http_error(scenario).await;
        assert_eq!(e.kind, kind, "{scenario}: {e:?}");
        assert!(e.message.contains(needle), "{scenario}: {}", e.message);
        assert!(
            e.message.ends_with('.') || e.message.ends_with('”'),
            "{scenario}: {}",
            e.message
        );
        assert!(
            e.detail.as_deref().unwrap().starts_with("HTTP "),
            "{scenario}"
        );
        assert_eq!(e.status, Some(scenario[5..8].parse().unwrap()));
    }
}

#[tokio::test]
async fn rate_limit_carries_retry_after() {
    let e = http_error("http_429").await;
    assert_eq!(e.retry_after, Some(Duration::from_secs(1)));
    assert!(e.is_retryable());
    assert_eq!(IpcError::from(e).retry_after_ms, Some(1000));
    let e = http_error("retry_after_ms").await;
    assert_eq!(e.retry_after, Some(Duration::from_millis(200)));
    let e = http_error("retry_after_date").await;
    let d = e.retry_after.unwrap();
    assert!(d > Duration::ZERO && d <= Duration::from_secs(2), "{d:?}");
    let e = http_error("http_429_quota").await;
    assert!(!e.is_retryable());
    assert_eq!(e.code.as_deref(), Some("insufficient_quota"));
}

#[tokio::test]
async fn html_pages() {
    let e = http_error("http_524").await;
    assert!(e.message.contains("streaming"), "{}", e.message);
    assert!(!e.detail.unwrap().contains("<h1>"));
    let e = http_error("html_200").await;
    assert_eq!(e.kind, ErrorKind::GatewayDown);
    assert_eq!(
        e.message,
        "The gateway returned an error page (HTTP 200: Welcome to nginx!)."
    );
}

#[tokio::test]
async fn error_body_on_a_200() {
    let sim = sim_with_key().await;
    for stream in [true, false] {
        let reply = chat(
            &client(),
            &endpoint(&sim, "200_with_error_body"),
            &request("demo-chat", PROMPT, stream),
        )
        .await
        .unwrap();
        let e = reply.error.expect("an error");
        assert_eq!(e.kind, ErrorKind::GatewayDown);
        assert!(
            e.message.contains("the model is overloaded"),
            "{}",
            e.message
        );
        assert!(reply.text.is_empty());
    }
}

/// A stream under `scenario` that starts, then fails: the partial text is the start of the
/// full reply and the error comes last.
async fn midstream(scenario: &str, timeouts: Timeouts) -> (String, GatewayError) {
    let sim = sim_with_key().await;
    let (_, full) = expected(&sim, "demo-chat", PROMPT).await;
    // A small delay between chunks: with none, the sim aborts the connection before its server
    // has flushed the chunks written so far, and nothing partial reaches any client.
    let prompt = format!("{PROMPT} sim:delay=5");
    let reply = chat(
        &client_with(timeouts),
        &endpoint(&sim, scenario),
        &request("demo-chat", &prompt, true),
    )
    .await
    .unwrap();
    let e = reply
        .error
        .unwrap_or_else(|| panic!("{scenario}: no error"));
    assert!(!reply.text.is_empty(), "{scenario}: no partial text");
    assert!(
        full.starts_with(&reply.text) && full != reply.text,
        "{scenario}"
    );
    assert!(
        reply.finish.is_none() && reply.usage.is_none(),
        "{scenario}"
    );
    assert_no_key(&e);
    (reply.text, e)
}

#[tokio::test]
async fn error_midstream_json() {
    let (_, e) = midstream("error_midstream_json", Timeouts::default()).await;
    assert_eq!(e.kind, ErrorKind::Timeout);
    assert!(e.message.contains("upstream timeout") && e.message.contains("partial text was kept"));
}

#[tokio::test]
async fn error_midstream_event() {
    let (_, e) = midstream("error_midstream_event", Timeouts::default()).await;
    assert_eq!(e.kind, ErrorKind::GatewayDown);
    assert!(e.message.contains("Overloaded"), "{}", e.message);
}

#[tokio::test]
async fn malformed_chunk() {
    let (_, e) = midstream("malformed_chunk", Timeouts::default()).await;
    assert_eq!(e.kind, ErrorKind::InvalidResponse);
    assert!(e.detail.unwrap().contains(r#""delta":{"content":"#));
}

#[tokio::test]
async fn disconnect_midstream() {
    let (_, e) = midstream("disconnect_midstream", Timeouts::default()).await;
    assert_eq!(e.kind, ErrorKind::Network);
    assert_eq!(
        e.message,
        "The connection dropped mid-reply; the partial text was kept."
    );
    assert!(e.is_retryable());
}

#[tokio::test]
async fn disconnect_midstream_gzip() {
    let (_, e) = midstream("disconnect_midstream,gzip", Timeouts::default()).await;
    assert_eq!(e.kind, ErrorKind::Network);
}

#[tokio::test]
async fn stall_midstream_hits_the_idle_timeout() {
    let timeouts = Timeouts {
        idle: Duration::from_millis(300),
        ..Timeouts::default()
    };
    let started = Instant::now();
    let (_, e) = midstream("stall_midstream", timeouts).await;
    assert_eq!(e.kind, ErrorKind::Timeout);
    assert!(
        e.message.contains("0.3 s") && e.message.contains("partial text was kept"),
        "{}",
        e.message
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn slow_first_byte() {
    let sim = sim_with_key().await;
    let mut ep = endpoint(&sim, "slow_first_byte");
    ep.extra_headers.push(header("x-sim-first-byte-ms", "1500"));
    let short = Timeouts {
        first_byte: Duration::from_millis(300),
        ..Timeouts::default()
    };
    let started = Instant::now();
    let e = client_with(short)
        .stream_chat(
            &ep,
            &request("demo-chat", PROMPT, true),
            CancellationToken::new(),
        )
        .await
        .err()
        .unwrap();
    assert_eq!(e.kind, ErrorKind::Timeout);
    assert!(
        e.message.contains("sent nothing for 0.3 s"),
        "{}",
        e.message
    );
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(300) && took < Duration::from_millis(1200),
        "{took:?}"
    );

    // Within the limit it is only slow, and the time to first byte says so.
    ep.extra_headers.pop();
    ep.extra_headers.push(header("x-sim-first-byte-ms", "300"));
    let mut stream = client()
        .stream_chat(
            &ep,
            &request("demo-chat", PROMPT, true),
            CancellationToken::new(),
        )
        .await
        .unwrap();
    assert!(stream.headers_after() >= Duration::from_millis(300));
    stream.next().await.unwrap().unwrap();
    assert!(stream.first_byte().unwrap() >= Duration::from_millis(300));
}

#[tokio::test]
async fn cancel_mid_stream_is_prompt() {
    let sim = sim_with_key().await;
    let cancel = CancellationToken::new();
    let prompt = "Count slowly sim:words=400 sim:delay=50";
    let mut stream = client()
        .stream_chat(
            &endpoint(&sim, ""),
            &request("demo-chat", prompt, true),
            cancel.clone(),
        )
        .await
        .unwrap();
    let mut text = String::new();
    while text.split_whitespace().count() < 3 {
        if let Ok(portico_gateway::StreamEvent::TextDelta(t)) = stream.next().await.unwrap() {
            text.push_str(&t);
        }
    }
    // Cancel from another task while `next` waits for the next chunk.
    let c = cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(10)).await;
        c.cancel();
    });
    let started = Instant::now();
    let mut last = None;
    while let Some(item) = stream.next().await {
        if let Err(e) = item {
            last = Some(e);
        }
    }
    assert!(
        started.elapsed() < Duration::from_millis(100),
        "{:?}",
        started.elapsed()
    );
    let e = last.unwrap();
    assert_eq!(e.kind, ErrorKind::Canceled);
    assert!(!e.is_retryable());
    assert!(stream.next().await.is_none());
}

#[tokio::test]
async fn cancel_before_the_first_byte() {
    let sim = sim_with_key().await;
    let mut ep = endpoint(&sim, "slow_first_byte");
    ep.extra_headers.push(header("x-sim-first-byte-ms", "5000"));
    let cancel = CancellationToken::new();
    let c = cancel.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        c.cancel();
    });
    let started = Instant::now();
    let e = client()
        .stream_chat(&ep, &request("demo-chat", PROMPT, true), cancel)
        .await
        .err()
        .unwrap();
    assert_eq!(e.kind, ErrorKind::Canceled);
    assert!(started.elapsed() < Duration::from_millis(300));
}

#[tokio::test]
async fn wrong_key_is_auth_and_never_echoed() {
    let sim = sim_with_key().await;
    let wrong = "sk-wrong-key-9876543210zyxwvut";
    let mut ep = endpoint(&sim, "");
    ep.key = Some(ApiKey::new(wrong));
    let e = chat(&client(), &ep, &request("demo-chat", PROMPT, true))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth);
    assert_eq!(
        e.message,
        "The gateway rejected the API key. Check the key in Settings → Providers."
    );
    let all = format!("{e:?} {e} {ep:?}");
    assert!(!all.contains(wrong) && !all.contains("9876543210"), "{all}");
    // No key at all: also Auth.
    ep.key = None;
    let e = chat(&client(), &ep, &request("demo-chat", PROMPT, true))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth);
}

#[tokio::test]
async fn unknown_model_is_not_found() {
    let sim = sim_with_key().await;
    let e = chat(
        &client(),
        &endpoint(&sim, ""),
        &request("no-such-model", PROMPT, true),
    )
    .await
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
    assert!(e.message.contains("no-such-model"), "{}", e.message);
}

#[tokio::test]
async fn connection_refused_is_network_and_hides_the_key_in_the_url() {
    // A port that was free a moment ago; the key is pasted into the URL path on purpose.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let ep = Endpoint::bearer(
        format!("http://127.0.0.1:{port}/{KEY}"),
        Some(ApiKey::new(KEY)),
    );
    let e = chat(&client(), &ep, &request("demo-chat", PROMPT, true))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Network);
    assert!(
        e.message.starts_with("Could not connect to the gateway"),
        "{}",
        e.message
    );
    assert_no_key(&e);
    assert!(e.detail.unwrap().contains("sk-…CRET"));
}
