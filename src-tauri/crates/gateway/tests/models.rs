//! The models list against the sim: shape, retries on flaky 5xx and on 429 with Retry-After
//! (counted by the requests the sim recorded), and no retries where they cannot help.

mod common;

use std::time::{Duration, Instant};

use common::*;
use portico_gateway::{ApiKey, GatewayClient, RetryPolicy, Timeouts};
use portico_types::ErrorKind;

#[tokio::test]
async fn lists_sorted_models_with_quirks() {
    let sim = sim_with_key().await;
    let models = client().list_models(&endpoint(&sim, "")).await.unwrap();
    let mut want: Vec<&str> = portico_sim::model_ids();
    want.sort();
    let got: Vec<&str> = models.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(got, want);
    let mini = models.iter().find(|m| m.id == "sim/demo-mini").unwrap();
    assert_eq!(mini.owned_by, None);
    let chat = models.iter().find(|m| m.id == "demo-chat").unwrap();
    assert_eq!(chat.owned_by.as_deref(), Some("portico-sim"));
    let r = sim.requests();
    assert_eq!(
        (r[0].method.as_str(), r[0].path.as_str()),
        ("GET", "/v1/models")
    );
    assert_eq!(r[0].header("accept"), Some("application/json"));
}

async fn attempts(
    scenario: &str,
    extra: &[(&str, &str)],
) -> (
    Result<usize, portico_gateway::GatewayError>,
    usize,
    Duration,
) {
    let sim = sim_with_key().await;
    let mut ep = endpoint(&sim, scenario);
    for (k, v) in extra {
        ep.extra_headers.push(header(k, v));
    }
    let started = Instant::now();
    let result = client().list_models(&ep).await.map(|m| m.len());
    (result, sim.requests().len(), started.elapsed())
}

#[tokio::test]
async fn flaky_500_is_retried_twice_then_succeeds() {
    let (result, requests, _) = attempts("flaky_500", &[("x-sim-fail-times", "2")]).await;
    assert!(result.unwrap() > 0);
    assert_eq!(requests, 3);
}

#[tokio::test]
async fn at_most_two_retries() {
    let (result, requests, _) = attempts("flaky_500", &[("x-sim-fail-times", "5")]).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::GatewayDown);
    assert_eq!(e.status, Some(500));
    assert_eq!(requests, 3);
}

#[tokio::test]
async fn retry_after_ms_is_honoured() {
    let (result, requests, took) =
        attempts("retry_after_ms", &[("x-sim-retry-after", "300")]).await;
    assert!(result.is_ok());
    assert_eq!(requests, 2);
    assert!(took >= Duration::from_millis(300), "{took:?}");
}

#[tokio::test]
async fn retry_after_seconds_is_honoured() {
    let (result, requests, took) = attempts("retry_after_seconds", &[]).await;
    assert!(result.is_ok());
    assert_eq!(requests, 2);
    assert!(took >= Duration::from_secs(1), "{took:?}");
}

#[tokio::test]
async fn retry_after_date_is_honoured() {
    let (result, requests, _) = attempts("retry_after_date", &[("x-sim-retry-after", "1")]).await;
    assert!(result.is_ok());
    assert_eq!(requests, 2);
}

#[tokio::test]
async fn retry_after_above_the_cap_falls_back_to_backoff() {
    let (result, requests, took) =
        attempts("retry_after_seconds", &[("x-sim-retry-after", "600")]).await;
    assert!(result.is_ok());
    assert_eq!(requests, 2);
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[tokio::test]
async fn no_retry_where_it_cannot_help() {
    for (scenario, kind) in [
        ("http_401", ErrorKind::Auth),
        ("http_429_quota", ErrorKind::OutOfCredit),
        ("http_403", ErrorKind::Forbidden),
        ("http_404", ErrorKind::NotFound),
        ("html_200", ErrorKind::GatewayDown),
    ] {
        let (result, requests, _) = attempts(scenario, &[]).await;
        assert_eq!(result.unwrap_err().kind, kind, "{scenario}");
        assert_eq!(requests, 1, "{scenario}");
    }
}

#[tokio::test]
async fn error_body_on_a_200_is_an_error() {
    let (result, requests, _) = attempts("200_with_error_body", &[]).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::GatewayDown);
    assert!(e.message.contains("overloaded"));
    assert_eq!(requests, 1);
}

#[tokio::test]
async fn wrong_key_is_auth() {
    let sim = sim_with_key().await;
    let mut ep = endpoint(&sim, "");
    ep.key = Some(ApiKey::new("sk-nope-nope-nope-nope-1234"));
    let e = client().list_models(&ep).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Auth);
    assert!(!format!("{e:?}").contains("nope-nope-nope"));
    assert_eq!(sim.requests().len(), 1);
}

#[tokio::test]
async fn slow_first_byte_times_out_and_is_retried() {
    let sim = sim_with_key().await;
    let mut ep = endpoint(&sim, "slow_first_byte");
    ep.extra_headers.push(header("x-sim-first-byte-ms", "2000"));
    let client = GatewayClient::with_config(
        Timeouts {
            first_byte: Duration::from_millis(150),
            ..Timeouts::default()
        },
        RetryPolicy {
            base_delay: Duration::from_millis(10),
            ..RetryPolicy::default()
        },
    )
    .unwrap();
    let e = client.list_models(&ep).await.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Timeout);
    assert_eq!(sim.requests().len(), 3);
}

#[tokio::test]
async fn default_backoff_timing() {
    // The real policy (0.5 s, then 1 s, with jitter in [0.75, 1.0]).
    let sim = sim_with_key().await;
    let mut ep = endpoint(&sim, "flaky_500");
    ep.extra_headers.push(header("x-sim-fail-times", "2"));
    let started = Instant::now();
    GatewayClient::new()
        .unwrap()
        .list_models(&ep)
        .await
        .unwrap();
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(1125) && took < Duration::from_secs(4),
        "{took:?}"
    );
}
