//! Fault scenarios over real HTTP: failures inside a stream, HTTP-level errors
//! in gateway shapes, retry counters, slow first byte, reasoning overrides.

mod common;
mod shared;

use std::time::{Duration, Instant, SystemTime};

use common::{
    body_bytes, chat, chunks, delta_text, has_done, parse_sse, post_chat, reads, sim, stream_of,
};
use futures_util::StreamExt;
use serde_json::Value;
use shared::{reference, stream_body};

#[tokio::test]
async fn errors_inside_the_stream() {
    let sim = sim().await;
    let full = reference(&sim).await;

    let parsed = stream_of(&sim, Some("error_midstream_json"), &stream_body()).await;
    let last = parsed.events.last().unwrap().json().unwrap();
    assert_eq!(last["error"]["message"], "upstream timeout");
    assert_eq!(last["error"]["code"], "504");
    let partial = delta_text(&chunks(&parsed), "content");
    assert!(!partial.is_empty() && full.starts_with(&partial) && partial != full);
    assert!(!has_done(&parsed));

    let parsed = stream_of(&sim, Some("error_midstream_event"), &stream_body()).await;
    let last = parsed.events.last().unwrap();
    assert_eq!(last.event.as_deref(), Some("error"));
    assert_eq!(last.json().unwrap()["error"]["type"], "overloaded_error");

    let parsed = stream_of(&sim, Some("malformed_chunk"), &stream_body()).await;
    assert!(parsed
        .events
        .iter()
        .any(|e| e.data != "[DONE]" && e.json().is_none()));
    assert_eq!(
        delta_text(&chunks(&parsed), "content"),
        full,
        "valid chunks still carry it all"
    );
    assert!(has_done(&parsed));
}

#[tokio::test]
async fn disconnect_midstream_is_a_body_error_after_some_content() {
    let sim = sim().await;
    let (parts, err) =
        reads(post_chat(&sim, Some("disconnect_midstream"), &stream_body()).await).await;
    assert!(
        err.is_some(),
        "the client sees the cut connection as an error"
    );
    let parsed = parse_sse(&parts.concat());
    assert!(!delta_text(&chunks(&parsed), "content").is_empty());
    assert!(!has_done(&parsed));
    // The server survives it.
    assert_eq!(post_chat(&sim, None, &stream_body()).await.status(), 200);
}

#[tokio::test]
async fn stall_midstream_holds_until_shutdown() {
    let sim = sim().await;
    let resp = post_chat(&sim, Some("stall_midstream"), &stream_body()).await;
    let mut stream = resp.bytes_stream();
    let mut seen = Vec::new();
    while delta_text(&chunks(&parse_sse(&seen)), "content").is_empty() {
        let next = tokio::time::timeout(Duration::from_secs(10), stream.next()).await;
        seen.extend_from_slice(&next.unwrap().unwrap().unwrap());
    }
    // Drain what was sent before the stall, then nothing more comes.
    while let Ok(next) = tokio::time::timeout(Duration::from_millis(400), stream.next()).await {
        seen.extend_from_slice(&next.unwrap().unwrap());
    }
    let parsed = parse_sse(&seen);
    assert!(chunks(&parsed)
        .iter()
        .all(|c| c["choices"][0]["finish_reason"].is_null()));
    let start = Instant::now();
    let stopping = tokio::spawn(sim.shutdown());
    let end = tokio::time::timeout(Duration::from_secs(3), async {
        while let Some(item) = stream.next().await {
            if item.is_err() {
                return;
            }
        }
    })
    .await;
    assert!(end.is_ok(), "the stalled body ends when the server stops");
    stopping.await.unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "shutdown did not wait out the stall"
    );
}

#[tokio::test]
async fn json_when_stream_answers_a_plain_completion() {
    let sim = sim().await;
    let resp = post_chat(&sim, Some("json_when_stream"), &stream_body()).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["object"], "chat.completion");
    assert_eq!(
        v["choices"][0]["message"]["content"],
        reference(&sim).await.as_str()
    );
}

#[tokio::test]
async fn http_error_scenarios_use_gateway_shapes() {
    let sim = sim().await;
    for (scenario, status) in [
        ("http_400", 400),
        ("http_401", 401),
        ("http_402", 402),
        ("http_403", 403),
        ("http_404", 404),
        ("http_413", 413),
        ("http_429", 429),
        ("http_429_quota", 429),
        ("http_500", 500),
        ("http_502", 502),
        ("http_503", 503),
        ("http_504", 504),
        ("200_with_error_body", 200),
    ] {
        let resp = post_chat(&sim, Some(scenario), &stream_body()).await;
        assert_eq!(resp.status().as_u16(), status, "{scenario}");
        let headers = resp.headers().clone();
        let v: Value = resp.json().await.unwrap();
        let message = v["error"]["message"].as_str().unwrap();
        assert!(!message.is_empty(), "{scenario}");
        assert!(
            v["error"].get("type").is_some()
                && v["error"].get("param").is_some()
                && v["error"].get("code").is_some()
        );
        match scenario {
            "http_400" => assert_eq!(v["error"]["param"], "temperature"),
            "http_401" => assert_eq!(v["error"]["code"], "invalid_api_key"),
            "http_429" => assert_eq!(headers["retry-after"], "1"),
            "http_429_quota" => {
                assert_eq!(v["error"]["code"], "insufficient_quota");
                assert!(
                    headers.get("retry-after").is_none() && headers.get("retry-after-ms").is_none()
                );
            }
            _ => {}
        }
    }
    // Also on the models route.
    let resp = common::client()
        .get(format!("{}/v1/models", sim.base_url()))
        .header("x-sim-scenario", "http_503")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 503);
}

#[tokio::test]
async fn html_pages_from_proxies() {
    let sim = sim().await;
    let resp = post_chat(&sim, Some("http_524"), &stream_body()).await;
    assert_eq!(resp.status().as_u16(), 524);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let page = resp.text().await.unwrap();
    assert!(
        page.starts_with("<!DOCTYPE html>") && page.contains("524: A timeout occurred</title>")
    );

    let resp = post_chat(&sim, Some("html_200"), &stream_body()).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
}

#[tokio::test]
async fn retry_after_scenarios_fail_n_times_then_succeed() {
    let sim = sim().await;
    let send = |scenario: &'static str, times: &'static str| {
        let body = chat("demo-chat", "retry sim:words=3", false);
        let url = format!("{}/v1/chat/completions", sim.base_url());
        async move {
            common::client()
                .post(url)
                .header("x-sim-scenario", scenario)
                .header("x-sim-fail-times", times)
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    let statuses =
        |v: Vec<reqwest::Response>| v.iter().map(|r| r.status().as_u16()).collect::<Vec<_>>();

    let mut got = Vec::new();
    for _ in 0..4 {
        got.push(send("retry_after_seconds", "2").await);
    }
    assert_eq!(got[0].headers()["retry-after"], "1");
    assert_eq!(
        statuses(got),
        [429, 429, 200, 429],
        "fails twice, succeeds, starts over"
    );

    let first = send("retry_after_ms", "1").await;
    assert_eq!(first.status(), 429);
    assert_eq!(first.headers()["retry-after-ms"], "200");
    assert_eq!(send("retry_after_ms", "1").await.status(), 200);

    let first = send("retry_after_date", "1").await;
    assert_eq!(first.status(), 429);
    let date = httpdate::parse_http_date(first.headers()["retry-after"].to_str().unwrap()).unwrap();
    assert!(date > SystemTime::now(), "the date is in the future");
    assert_eq!(send("retry_after_date", "1").await.status(), 200);

    let got = vec![send("flaky_500", "1").await, send("flaky_500", "1").await];
    assert_eq!(statuses(got), [500, 200]);

    // The default scenario counts too, and setting it restarts the counter.
    sim.set_scenario("flaky_500");
    let body = chat("demo-chat", "x", false);
    assert_eq!(post_chat(&sim, None, &body).await.status(), 500);
    assert_eq!(post_chat(&sim, None, &body).await.status(), 200);
}

#[tokio::test]
async fn slow_first_byte_delays_the_headers() {
    let sim = sim().await;
    let start = Instant::now();
    let resp = common::client()
        .post(format!("{}/v1/chat/completions", sim.base_url()))
        .header("x-sim-scenario", "slow_first_byte")
        .header("x-sim-first-byte-ms", "300")
        .json(&stream_body())
        .send()
        .await
        .unwrap();
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_millis(300),
        "headers after {waited:?}"
    );
    assert_eq!(resp.status(), 200);
    assert!(has_done(&parse_sse(&body_bytes(resp).await)));
}

#[tokio::test]
async fn long_reasoning_and_forced_reasoning_channels() {
    let sim = sim().await;
    let c = chunks(
        &stream_of(
            &sim,
            Some("long_reasoning"),
            &chat("demo-chat", "deep", true),
        )
        .await,
    );
    let reasoning = delta_text(&c, "reasoning_content");
    assert_eq!(reasoning.split_whitespace().count(), 2000);
    assert!(!delta_text(&c, "content").is_empty());

    let c = chunks(&stream_of(&sim, Some("think_tags"), &chat("demo-chat", "deep", true)).await);
    assert!(delta_text(&c, "content").starts_with("<think>\n"));
    let c = chunks(
        &stream_of(
            &sim,
            Some("reasoning_content"),
            &chat("demo-chat", "deep", true),
        )
        .await,
    );
    assert!(!delta_text(&c, "reasoning_content").is_empty());
}
