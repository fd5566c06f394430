//! `sim:hostile=NAME` over real HTTP: every hostile reply streams whole, in
//! irregular pieces, quickly, the same bytes streamed or not; unknown names are refused.

mod common;

use std::time::{Duration, Instant};

use common::{
    body_bytes, chat, chunks, delta_text, has_done, parse_sse, post_chat, reads, sim, sim_with,
};
use portico_sim::{hostile_reply, SimConfig, HOSTILE_MARKER, HOSTILE_REPLIES};
use serde_json::Value;

fn prompt(name: &str) -> String {
    format!("Render this sim:hostile={name} please")
}

#[tokio::test]
async fn every_hostile_reply_streams_whole_in_irregular_pieces() {
    let sim = sim().await;
    for name in HOSTILE_REPLIES {
        let expected = hostile_reply(name).expect("known name");
        let resp = post_chat(&sim, None, &chat("demo-chat", &prompt(name), true)).await;
        assert_eq!(resp.status(), 200, "{name}");
        let parsed = parse_sse(&body_bytes(resp).await);
        assert!(has_done(&parsed), "{name} ends with [DONE]");
        let chunks = chunks(&parsed);
        assert_eq!(
            delta_text(&chunks, "content"),
            expected,
            "{name}: whole text"
        );
        let sizes: Vec<usize> = chunks
            .iter()
            .filter_map(|c| c.pointer("/choices/0/delta/content")?.as_str())
            .map(str::len)
            .filter(|&n| n > 0)
            .collect();
        assert!(
            sizes.len() >= 20,
            "{name}: streamed in {} pieces",
            sizes.len()
        );
        assert!(
            sizes.len() <= 1_000,
            "{name}: {} pieces is too many",
            sizes.len()
        );
        assert!(
            sizes.iter().any(|&n| n != sizes[0]),
            "{name}: irregular pieces"
        );
        let last = chunks.last().unwrap();
        assert_eq!(last["choices"][0]["finish_reason"], "stop", "{name}");
    }
}

#[tokio::test]
async fn hostile_texts_are_what_they_claim() {
    let line = hostile_reply("long_line").unwrap();
    assert_eq!(line.len(), 5_000_000);
    assert!(!line.contains('\n'));
    assert_eq!(hostile_reply("emphasis").unwrap(), "*a".repeat(50_000));
    let list = hostile_reply("nested_list").unwrap();
    assert_eq!(list.lines().count(), 2_000);
    assert!(list.len() > 3_900_000);
    let html = hostile_reply("html").unwrap();
    for needle in ["<script>", "<svg", "onerror=", "](javascript:", "<iframe"] {
        assert!(html.contains(needle), "html has {needle}");
    }
    assert!(html.contains(&format!("window.{HOSTILE_MARKER}=1")));
    assert_eq!(hostile_reply("long_line"), Some(line), "deterministic");
    assert_eq!(hostile_reply("nope"), None);
}

#[tokio::test]
async fn a_five_megabyte_line_streams_in_seconds_and_arrives_incrementally() {
    // The Offline demo's pace (25 ms per chunk) would be minutes at one word per chunk.
    let sim = sim_with(SimConfig {
        chunk_delay: Duration::from_millis(2),
        ..SimConfig::default()
    })
    .await;
    let started = Instant::now();
    let resp = post_chat(&sim, None, &chat("demo-chat", &prompt("long_line"), true)).await;
    let (parts, err) = reads(resp).await;
    assert!(err.is_none(), "{err:?}");
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(15), "took {elapsed:?}");
    assert!(parts.len() > 50, "arrived in {} reads", parts.len());
    let text = delta_text(&chunks(&parse_sse(&parts.concat())), "content");
    assert_eq!(text.len(), 5_000_000);
}

#[tokio::test]
async fn not_streamed_gives_the_same_text_with_usage() {
    let sim = sim().await;
    let resp = post_chat(&sim, None, &chat("demo-reasoner", &prompt("html"), false)).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    let message = &v["choices"][0]["message"];
    assert_eq!(message["content"], hostile_reply("html").unwrap());
    assert!(
        message.get("reasoning_content").is_none(),
        "plain content only"
    );
    assert_eq!(v["choices"][0]["finish_reason"], "stop");
    assert!(v["usage"]["completion_tokens"].as_u64().unwrap() > 100);
}

#[tokio::test]
async fn usage_counts_the_whole_text() {
    let sim = sim().await;
    let mut body = chat("demo-chat", &prompt("emphasis"), true);
    body["stream_options"] = serde_json::json!({"include_usage": true});
    let parsed = common::stream_of(&sim, None, &body).await;
    let usage = chunks(&parsed).last().unwrap()["usage"].clone();
    assert_eq!(
        usage["completion_tokens"], 1,
        "one run of 100 KB without a space"
    );
}

#[tokio::test]
async fn an_unknown_hostile_name_is_a_clear_400() {
    let sim = sim().await;
    let resp = post_chat(&sim, None, &chat("demo-chat", "x sim:hostile=huge", true)).await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    let message = v["error"]["message"].as_str().unwrap();
    assert!(message.contains("`huge`"), "{message}");
    for name in HOSTILE_REPLIES {
        assert!(message.contains(name), "{message} lists {name}");
    }
    assert_eq!(v["error"]["param"], "messages");
}

#[tokio::test]
async fn midstream_faults_apply_to_hostile_replies_too() {
    let sim = sim().await;
    let resp = post_chat(
        &sim,
        Some("disconnect_midstream"),
        &chat("demo-chat", &prompt("table"), true),
    )
    .await;
    let (parts, err) = reads(resp).await;
    assert!(err.is_some(), "the connection is cut");
    let text = delta_text(&chunks(&parse_sse(&parts.concat())), "content");
    let full = hostile_reply("table").unwrap();
    assert!(!text.is_empty() && text.len() < full.len() && full.starts_with(&text));
}
