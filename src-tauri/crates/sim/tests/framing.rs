//! Stream scenarios over real HTTP: framing variants, raw byte delivery
//! (1-byte reads, split UTF-8, gzip), endings and usage placement.

mod common;
mod shared;

use std::time::{Duration, Instant};

use common::{
    body_bytes, chat, chunks, delta_text, has_done, parse_sse, post_chat, reads, sim, stream_of,
};
use futures_util::StreamExt;
use serde_json::{json, Value};
use shared::{reference, stream_body, PROMPT};

#[tokio::test]
async fn framing_variants_carry_the_same_content() {
    let sim = sim().await;
    let expected = reference(&sim).await;
    for scenario in [
        "crlf",
        "cr_only",
        "no_space_after_colon",
        "multiline_data",
        "keepalive_comments",
        "bom",
        "crlf,multiline_data,keepalive_comments",
    ] {
        let resp = post_chat(&sim, Some(scenario), &stream_body()).await;
        let raw = body_bytes(resp).await;
        let parsed = parse_sse(&raw);
        assert_eq!(
            delta_text(&chunks(&parsed), "content"),
            expected,
            "{scenario}"
        );
        assert!(has_done(&parsed), "{scenario}");
        match scenario {
            "crlf" => assert!(raw.windows(4).any(|w| w == b"\r\n\r\n")),
            "cr_only" => assert!(!raw.contains(&b'\n') && raw.contains(&b'\r')),
            "no_space_after_colon" => assert!(
                raw.starts_with(b"data:{") && raw.windows(12).any(|w| w == b"data:[DONE]\n")
            ),
            "multiline_data" => assert!(parsed.events.iter().any(|e| e.data.contains(",\n"))),
            "keepalive_comments" => {
                assert!(raw.starts_with(b": keep-alive\n\n:\n\n"));
                assert!(
                    parsed
                        .comments
                        .iter()
                        .filter(|c| *c == "keep-alive")
                        .count()
                        > 10
                );
            }
            "bom" => assert!(raw.starts_with(b"\xEF\xBB\xBFdata: ")),
            _ => {}
        }
    }
}

#[tokio::test]
async fn byte_drip_delivers_one_byte_per_read() {
    let sim = sim().await;
    let expected = body_bytes(post_chat(&sim, None, &stream_body()).await).await;
    let (parts, err) = reads(post_chat(&sim, Some("byte_drip"), &stream_body()).await).await;
    assert!(err.is_none());
    assert!(
        parts.iter().all(|p| p.len() == 1),
        "every read is a single byte"
    );
    let raw = parts.concat();
    assert_eq!(raw.len(), expected.len(), "same stream, only sliced");
    assert_eq!(
        delta_text(&chunks(&parse_sse(&raw)), "content"),
        reference(&sim).await
    );
}

#[tokio::test]
async fn split_utf8_cuts_inside_multibyte_characters() {
    let sim = sim().await;
    let (parts, err) = reads(post_chat(&sim, Some("split_utf8"), &stream_body()).await).await;
    assert!(err.is_none());
    let broken = parts
        .iter()
        .filter(|p| std::str::from_utf8(p).is_err())
        .count();
    assert!(broken >= 10, "reads ending inside a character: {broken}");
    let raw = parts.concat();
    let text = delta_text(&chunks(&parse_sse(&raw)), "content");
    assert!(text.contains("“quotes”") && text.contains("你"));
    assert_eq!(text, reference(&sim).await);
}

#[tokio::test]
async fn gzip_stream_is_compressed_and_incremental() {
    use std::io::Write;
    let sim = sim().await;
    let mut body = stream_body();
    body["messages"][1]["content"] = json!(format!("{PROMPT} sim:delay=30"));
    let resp = post_chat(&sim, Some("gzip"), &body).await;
    assert_eq!(resp.headers()["content-encoding"], "gzip");
    let mut decoder = flate2::write::GzDecoder::new(Vec::new());
    let mut stream = resp.bytes_stream();
    // Incremental: the first event decodes long before the stream ends (how many reads that
    // takes depends on how the OS splits the bytes, so count reads, not assume one).
    let (mut reads, mut first_event_at) = (0, None);
    while let Some(part) = stream.next().await {
        decoder.write_all(&part.unwrap()).unwrap();
        decoder.flush().unwrap();
        reads += 1;
        let decoded = String::from_utf8_lossy(decoder.get_ref()).contains("\"role\":\"assistant\"");
        if decoded && first_event_at.is_none() {
            first_event_at = Some(reads);
        }
    }
    let first_event_at = first_event_at.expect("the first event decoded");
    assert!(
        first_event_at < reads / 2,
        "first event after read {first_event_at} of {reads}"
    );
    let raw = decoder.finish().unwrap();
    let parsed = parse_sse(&raw);
    assert!(has_done(&parsed));
    assert_eq!(
        delta_text(&chunks(&parsed), "content"),
        reference(&sim).await
    );
}

#[tokio::test]
async fn endings_without_done_or_blank_line() {
    let sim = sim().await;
    let parsed = stream_of(&sim, Some("no_done"), &stream_body()).await;
    assert!(!has_done(&parsed));
    assert!(parsed.pending.is_none());
    assert!(chunks(&parsed).last().unwrap()["usage"].is_object());

    let parsed = stream_of(&sim, Some("no_trailing_blank"), &stream_body()).await;
    assert!(!has_done(&parsed));
    let pending: Value = serde_json::from_str(parsed.pending.as_deref().unwrap()).unwrap();
    assert!(
        pending["usage"].is_object(),
        "the usage chunk is the undispatched last event"
    );

    let parsed = stream_of(&sim, Some("data_after_done"), &stream_body()).await;
    let after = parsed
        .events
        .iter()
        .skip_while(|e| e.data != "[DONE]")
        .nth(1)
        .unwrap();
    assert!(after.data.contains("IGNORED AFTER DONE"));
    assert!(!delta_text(&chunks(&parsed), "content").contains("IGNORED"));
}

#[tokio::test]
async fn usage_placement_variants() {
    let sim = sim().await;
    let plain = chat("demo-chat", "usage sim:words=8", true);
    let with_usage = |c: &[Value]| c.iter().filter(|x| x["usage"].is_object()).count();

    let c = chunks(&stream_of(&sim, Some("usage_every_chunk"), &plain).await);
    assert_eq!(with_usage(&c), c.len());
    let totals: Vec<u64> = c
        .iter()
        .map(|x| x["usage"]["completion_tokens"].as_u64().unwrap())
        .collect();
    assert!(
        totals.windows(2).all(|w| w[0] <= w[1]) && *totals.last().unwrap() == 8,
        "cumulative: {totals:?}"
    );

    let c = chunks(&stream_of(&sim, Some("usage_on_finish"), &plain).await);
    assert_eq!(with_usage(&c), 1);
    let last = c.last().unwrap();
    assert_eq!(last["choices"][0]["finish_reason"], "stop");
    assert_eq!(last["usage"]["completion_tokens"], 8);

    let c = chunks(&stream_of(&sim, Some("usage_last_chunk"), &plain).await);
    assert_eq!(c.last().unwrap()["choices"], json!([]));
    assert_eq!(with_usage(&c), 1);

    let c = chunks(&stream_of(&sim, Some("no_usage"), &stream_body()).await);
    assert_eq!(with_usage(&c), 0, "even though include_usage was asked for");
}

#[tokio::test]
async fn keepalive_long_sends_only_comments_first() {
    let sim = sim().await;
    let resp = common::client()
        .post(format!("{}/v1/chat/completions", sim.base_url()))
        .header("x-sim-scenario", "keepalive_long")
        .header("x-sim-keepalive-ms", "600")
        .json(&stream_body())
        .send()
        .await
        .unwrap();
    let start = Instant::now();
    let parsed = parse_sse(&body_bytes(resp).await);
    assert!(start.elapsed() >= Duration::from_millis(500));
    assert!(parsed.comments.len() >= 2);
    assert!(has_done(&parsed));
}
