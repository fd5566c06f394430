//! What a reply carries: the three reasoning shapes normalized into one channel, usage in
//! every placement, tool calls, and plain (non-stream) replies through the same events.

mod common;

use common::*;
use portico_gateway::StreamEvent;
use tokio_util::sync::CancellationToken;

const PROMPT: &str = "Why do gateways stream? sim:words=50";

async fn assert_reasoning(model: &str, scenario: &str) {
    let sim = sim_with_key().await;
    let shape = if scenario.is_empty() { "ok" } else { scenario };
    let (want_r, want_t) = expected_in(&sim, model, PROMPT, shape).await;
    assert!(
        !want_r.is_empty() && !want_t.is_empty(),
        "{model}: sim gave no reasoning"
    );
    for stream in [true, false] {
        let reply = chat(
            &client(),
            &endpoint(&sim, scenario),
            &request(model, PROMPT, stream),
        )
        .await
        .unwrap();
        assert!(
            reply.error.is_none(),
            "{model} stream={stream}: {:?}",
            reply.error
        );
        assert_eq!(reply.reasoning, want_r, "{model} stream={stream}");
        assert_eq!(reply.text, want_t, "{model} stream={stream}");
        // Reasoning first, then the answer, then usage and finish.
        assert!(
            reply.order.starts_with("rt"),
            "{model} stream={stream}: {}",
            reply.order
        );
        let usage = reply.usage.unwrap();
        assert!(usage.reasoning_tokens.unwrap() > 0, "{model}: {usage:?}");
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn reasoning_content_model() {
    assert_reasoning("demo-reasoner", "").await;
}

#[tokio::test]
async fn reasoning_field_model() {
    assert_reasoning("demo-reasoning-field", "").await;
}

#[tokio::test]
async fn think_tags_model() {
    assert_reasoning("demo-think", "").await;
    assert_reasoning("demo-think", "byte_drip").await;
}

#[tokio::test]
async fn reasoning_scenarios_on_a_plain_model() {
    assert_reasoning("demo-chat", "reasoning_content").await;
    assert_reasoning("demo-chat", "think_tags").await;
}

#[tokio::test]
async fn long_reasoning() {
    let sim = sim_with_key().await;
    let reply = chat(
        &client(),
        &endpoint(&sim, "long_reasoning"),
        &request("demo-reasoner", PROMPT, true),
    )
    .await
    .unwrap();
    assert!(reply.error.is_none());
    assert!(
        reply.reasoning.split_whitespace().count() >= 1500,
        "{}",
        reply.reasoning.len()
    );
    assert!(!reply.text.is_empty());
}

async fn usage_for(scenario: &str) -> common::Reply {
    let sim = sim_with_key().await;
    let reply = chat(
        &client(),
        &endpoint(&sim, scenario),
        &request("demo-reasoner", PROMPT, true),
    )
    .await
    .unwrap();
    assert!(reply.error.is_none(), "{scenario}: {:?}", reply.error);
    assert_eq!(reply.finish.as_deref(), Some("stop"));
    reply
}

#[tokio::test]
async fn usage_placements_keep_the_last_value() {
    let last = usage_for("usage_last_chunk").await;
    let every = usage_for("usage_every_chunk").await;
    let on_finish = usage_for("usage_on_finish").await;
    let requested = usage_for("ok").await;
    let full = requested.usage.clone().unwrap();
    assert_eq!(requested.usage_events, 1);
    assert!(full.prompt_tokens.unwrap() > 0 && full.completion_tokens.unwrap() > 0);
    assert_eq!(
        full.total_tokens,
        Some(full.prompt_tokens.unwrap() + full.completion_tokens.unwrap())
    );
    assert_eq!(full.cached_tokens, Some(0));
    assert!(full.reasoning_tokens.unwrap() > 0);
    // Cumulative usage on every chunk: many events, the last one is the total (never summed).
    assert!(every.usage_events > 10, "{}", every.usage_events);
    for r in [&last, &every, &on_finish] {
        assert_eq!(r.usage.as_ref(), Some(&full));
    }
    let none = usage_for("no_usage").await;
    assert_eq!((none.usage, none.usage_events), (None, 0));
}

#[tokio::test]
async fn tool_calls_fragmented_whole_and_parallel() {
    let sim = sim_with_key().await;
    for (scenario, n) in [
        ("tool_calls_fragmented", 1),
        ("tool_calls_whole", 1),
        ("parallel_tool_calls", 2),
    ] {
        for stream in [true, false] {
            let reply = chat(
                &client(),
                &endpoint(&sim, scenario),
                &request("demo-chat", "weather?", stream),
            )
            .await
            .unwrap();
            assert!(reply.error.is_none(), "{scenario}: {:?}", reply.error);
            assert_eq!(reply.finish.as_deref(), Some("tool_calls"), "{scenario}");
            assert_eq!(reply.tools.len(), n, "{scenario} stream={stream}");
            let first = &reply.tools[0];
            assert_eq!(first.name, "get_weather");
            assert!(first.id.as_deref().unwrap().starts_with("call_"));
            let args: serde_json::Value = serde_json::from_str(&first.arguments)
                .unwrap_or_else(|e| panic!("{scenario}: {e}: {}", first.arguments));
            assert_eq!(args["note"], "café, \"quoted\" \\ 東京");
            if n == 2 {
                assert_eq!(reply.tools[1].name, "get_time");
                assert_eq!(reply.tools[1].arguments, r#"{"timezone":"Asia/Tokyo"}"#);
            }
        }
    }
}

#[tokio::test]
async fn plain_reply_events_in_order() {
    let sim = sim_with_key().await;
    let (_, want) = expected(&sim, "demo-chat", PROMPT).await;
    let reply = chat(
        &client(),
        &endpoint(&sim, ""),
        &request("demo-chat", PROMPT, false),
    )
    .await
    .unwrap();
    assert_eq!(reply.text, want);
    assert_eq!(reply.order, "tuf");
    let r = sim.requests();
    let sent = r.last().unwrap();
    assert_eq!(sent.header("accept"), Some("application/json"));
    assert!(sent.body_json().unwrap().get("stream_options").is_none());
}

#[tokio::test]
async fn max_tokens_gives_length_finish() {
    let sim = sim_with_key().await;
    let mut req = request("demo-chat", PROMPT, true);
    req.params.max_tokens = Some(5);
    let reply = chat(&client(), &endpoint(&sim, ""), &req).await.unwrap();
    assert_eq!(reply.finish.as_deref(), Some("length"));
    assert_eq!(reply.usage.unwrap().completion_tokens, Some(5));
}

#[tokio::test]
async fn timings_and_futures_stream() {
    use futures_util::StreamExt;
    let sim = sim_with_key().await;
    let stream = client()
        .stream_chat(
            &endpoint(&sim, ""),
            &request("demo-chat", PROMPT, true),
            CancellationToken::new(),
        )
        .await
        .unwrap();
    let headers_after = stream.headers_after();
    assert!(stream.first_byte().is_none());
    let items: Vec<_> = stream.into_stream().collect().await;
    assert!(items.iter().all(Result::is_ok));
    assert!(matches!(items.last(), Some(Ok(StreamEvent::Usage(_)))));
    assert!(headers_after < std::time::Duration::from_secs(5));
}
