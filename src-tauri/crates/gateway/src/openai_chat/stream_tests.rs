use portico_types::{ErrorKind, Usage};

use super::*;
use crate::chat::ToolCallAccumulator;
use crate::sse::SseDecoder;

/// Maps through the fast path and through plain serde, and checks both agree.
fn map_all(datas: &[&str]) -> (Vec<StreamEvent>, ChunkMapper) {
    let run = |mut m: ChunkMapper| {
        let mut out = Vec::new();
        for d in datas {
            m.on_data(d, &mut out);
        }
        m.finish(&mut out);
        (out, m)
    };
    let (fast, m) = run(ChunkMapper::new());
    let (slow, _) = run(ChunkMapper::serde_only());
    assert_eq!(fast, slow, "fast path and serde disagree on {datas:?}");
    (fast, m)
}

fn text_of(events: &[StreamEvent]) -> (String, String) {
    let (mut r, mut t) = (String::new(), String::new());
    for e in events {
        match e {
            StreamEvent::ReasoningDelta(x) => r.push_str(x),
            StreamEvent::TextDelta(x) => t.push_str(x),
            _ => {}
        }
    }
    (r, t)
}

fn delta(json: &str) -> String {
    format!(
        r#"{{"id":"c1","object":"chat.completion.chunk","choices":[{{"index":0,"delta":{json},"finish_reason":null}}]}}"#
    )
}

const SPEC_STREAM: &str = "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1749600000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n\
: keep-alive\n\n\
data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1749600000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n\
data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1749600000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo 世界\"},\"finish_reason\":null}]}\n\n\
data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1749600000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n\
data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1749600000,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}\n\n\
data: [DONE]\n\n";

fn spec_expected() -> Vec<StreamEvent> {
    vec![
        StreamEvent::TextDelta("Hel".into()),
        StreamEvent::TextDelta("lo 世界".into()),
        StreamEvent::Finish {
            reason: "stop".into(),
        },
        StreamEvent::Usage(Usage {
            prompt_tokens: Some(9),
            completion_tokens: Some(2),
            total_tokens: Some(11),
            ..Usage::default()
        }),
    ]
}

fn decode_and_map(pieces: &[&[u8]]) -> Vec<StreamEvent> {
    let mut d = SseDecoder::new();
    let mut m = ChunkMapper::new();
    let mut out = Vec::new();
    for p in pieces {
        d.feed(p, |ev| {
            m.on_event(ev, &mut out);
        });
    }
    d.finish(|ev| {
        m.on_event(ev, &mut out);
    });
    m.finish(&mut out);
    out
}

#[test]
fn spec_stream_decodes_identically_at_every_split() {
    let bytes = SPEC_STREAM.as_bytes();
    assert_eq!(decode_and_map(&[bytes]), spec_expected());
    for cut in 0..=bytes.len() {
        let (a, b) = bytes.split_at(cut);
        assert_eq!(decode_and_map(&[a, b]), spec_expected(), "cut {cut}");
    }
    let ones: Vec<&[u8]> = bytes.chunks(1).collect();
    assert_eq!(decode_and_map(&ones), spec_expected());
}

#[test]
fn done_variants_stop_and_ignore_the_rest() {
    for done in ["[DONE]", " [DONE]", "[DONE] trailing", "[DONE]\r"] {
        let (ev, m) = map_all(&[
            &delta(r#"{"content":"a"}"#),
            done,
            &delta(r#"{"content":"b"}"#),
        ]);
        assert_eq!(ev, vec![StreamEvent::TextDelta("a".into())], "{done:?}");
        assert!(m.saw_done() && m.is_stopped());
    }
}

#[test]
fn reasoning_channels_are_normalized() {
    let (ev, _) = map_all(&[
        &delta(r#"{"reasoning_content":"rc "}"#),
        &delta(r#"{"reasoning":"r "}"#),
        &delta(
            r#"{"reasoning_details":[{"type":"reasoning.text","text":"rd"},{"type":"reasoning.encrypted","data":"x"}]}"#,
        ),
        // Both present (OpenRouter style duplicates): reasoning_content wins, no doubling.
        &delta(r#"{"reasoning_content":"!","reasoning":"!","content":null}"#),
        &delta(r#"{"content":"answer"}"#),
    ]);
    assert_eq!(text_of(&ev), ("rc r rd!".into(), "answer".into()));
}

#[test]
fn think_tags_in_content_split_across_chunks() {
    let (ev, _) = map_all(&[
        &delta(r#"{"content":"<thi"}"#),
        &delta(r#"{"content":"nk>plan"}"#),
        &delta(r#"{"content":" more</th"}"#),
        &delta(r#"{"content":"ink>\n\nDone."}"#),
    ]);
    assert_eq!(text_of(&ev), ("plan more".into(), "Done.".into()));
}

#[test]
fn empty_and_missing_shapes_are_skipped() {
    let (ev, m) = map_all(&[
        r#"{"choices":[]}"#,
        r#"{"id":"x","prompt_filter_results":[]}"#,
        r#"{"choices":null}"#,
        r#"{"choices":[{"index":0}]}"#,
        r#"{"choices":[{"delta":{}}]}"#,
        &delta(r#"{"content":null}"#),
        &delta(r#"{"content":""}"#),
        &delta(r#"{"role":"assistant"}"#),
        r#"{"choices":[{"delta":{"content":"x"}}],"usage":null}"#,
        r#"{"choices":[{"finish_reason":"stop"}]}"#,
    ]);
    assert_eq!(
        ev,
        vec![
            StreamEvent::TextDelta("x".into()),
            StreamEvent::Finish {
                reason: "stop".into()
            }
        ]
    );
    assert!(m.saw_finish() && !m.saw_done());
}

#[test]
fn message_instead_of_delta_and_both_at_once() {
    let (ev, _) = map_all(&[
        r#"{"choices":[{"index":0,"message":{"content":"m"}}]}"#,
        r#"{"choices":[{"index":0,"delta":{"content":"d"},"message":{"content":"ignored"}}]}"#,
    ]);
    assert_eq!(text_of(&ev).1, "md");
}

#[test]
fn other_choices_are_ignored() {
    let (ev, _) = map_all(&[
        r#"{"choices":[{"index":1,"delta":{"content":"B"}},{"index":0,"delta":{"content":"A"}}]}"#,
    ]);
    assert_eq!(ev, vec![StreamEvent::TextDelta("A".into())]);
}

#[test]
fn usage_every_chunk_emits_each_never_sums() {
    let (ev, _) = map_all(&[
        r#"{"choices":[{"index":0,"delta":{"content":"a"}}],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}"#,
        r#"{"choices":[{"index":0,"delta":{"content":"b"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}"#,
    ]);
    let usages: Vec<_> = ev
        .iter()
        .filter_map(|e| match e {
            StreamEvent::Usage(u) => Some(u.completion_tokens),
            _ => None,
        })
        .collect();
    assert_eq!(usages, [Some(1), Some(2)]);
    // Same chunk: text, then usage, then finish.
    assert!(matches!(ev.last(), Some(StreamEvent::Finish { .. })));
}

#[test]
fn usage_details_and_lenient_numbers() {
    let (ev, _) = map_all(&[
        r#"{"choices":[],"usage":{"prompt_tokens":"14","completion_tokens":185.0,"total_tokens":199,
            "prompt_tokens_details":{"cached_tokens":3,"audio_tokens":0},
            "completion_tokens_details":{"reasoning_tokens":148}}}"#,
        r#"{"choices":[],"usage":{}}"#,
        r#"{"choices":[],"usage":{"prompt_tokens_details":null,"completion_tokens_details":null,"prompt_tokens":-1}}"#,
    ]);
    assert_eq!(
        ev,
        vec![StreamEvent::Usage(Usage {
            prompt_tokens: Some(14),
            completion_tokens: Some(185),
            total_tokens: Some(199),
            cached_tokens: Some(3),
            reasoning_tokens: Some(148),
        })]
    );
}

#[test]
fn finish_reasons_of_any_spelling_and_only_once() {
    for reason in ["STOP", "insufficient_system_resource", "end_turn", "length"] {
        let (ev, _) = map_all(&[
            &format!(r#"{{"choices":[{{"index":0,"delta":{{}},"finish_reason":"{reason}"}}]}}"#),
            r#"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#,
        ]);
        assert_eq!(
            ev,
            vec![StreamEvent::Finish {
                reason: reason.into()
            }]
        );
    }
}

#[test]
fn error_payload_stops_with_the_message() {
    let (ev, m) = map_all(&[
        &delta(r#"{"content":"partial"}"#),
        r#"{"error":{"message":"upstream timeout","type":"upstream_error","code":"504"}}"#,
        &delta(r#"{"content":"never"}"#),
    ]);
    assert_eq!(ev.len(), 2);
    assert_eq!(ev[0], StreamEvent::TextDelta("partial".into()));
    let StreamEvent::Error(e) = &ev[1] else {
        panic!("{ev:?}")
    };
    assert_eq!(e.kind, ErrorKind::Timeout);
    assert!(e.message.contains("upstream timeout"));
    assert!(m.is_stopped() && !m.saw_done());
}

#[test]
fn error_false_or_null_is_not_an_error() {
    let (ev, _) = map_all(&[r#"{"error":null,"choices":[{"delta":{"content":"ok"}}]}"#]);
    assert_eq!(ev, vec![StreamEvent::TextDelta("ok".into())]);
}

#[test]
fn event_error_frame() {
    let mut m = ChunkMapper::new();
    let mut out = Vec::new();
    let flow = m.on_event(
        SseEventRef {
            event: Some("error"),
            data: r#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#,
            id: None,
            retry: None,
        },
        &mut out,
    );
    assert_eq!(flow, Flow::Stop);
    let [StreamEvent::Error(e)] = out.as_slice() else {
        panic!("{out:?}")
    };
    assert_eq!(e.kind, ErrorKind::GatewayDown);
    assert!(e.message.contains("Overloaded"));
}

#[test]
fn malformed_chunk_keeps_raw_text_in_detail() {
    let (ev, m) = map_all(&[
        &delta(r#"{"content":"kept"}"#),
        r#"{"choices":[{"delta":{"content":"x"#,
    ]);
    assert_eq!(ev[0], StreamEvent::TextDelta("kept".into()));
    let StreamEvent::Error(e) = &ev[1] else {
        panic!("{ev:?}")
    };
    assert_eq!(e.kind, ErrorKind::InvalidResponse);
    assert_eq!(
        e.detail.as_deref(),
        Some(r#"{"choices":[{"delta":{"content":"x"#)
    );
    assert!(m.is_stopped());
}

#[test]
fn content_as_parts_array() {
    let (ev, _) = map_all(&[&delta(
        r#"{"content":[{"type":"text","text":"a"},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"b"}]}"#,
    )]);
    assert_eq!(text_of(&ev).1, "ab");
}

#[test]
fn escaped_strings_are_unescaped() {
    let (ev, _) = map_all(&[&delta(r#"{"content":"line\n\"q\" \u4e2d"}"#)]);
    assert_eq!(text_of(&ev).1, "line\n\"q\" 中");
}

#[test]
fn fragmented_tool_calls_per_spec() {
    let chunks = [
        r#"{"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}"#,
        r#"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"loc"}}]},"finish_reason":null}]}"#,
        r#"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ation\":\"Tokyo\"}"}}]},"finish_reason":null}]}"#,
        r#"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":""}}]},"finish_reason":null}]}"#,
        r#"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{}"}}]},"finish_reason":null}]}"#,
        r#"{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}"#,
    ];
    let (ev, _) = map_all(&chunks);
    assert_eq!(
        ev[0],
        StreamEvent::ToolCallDelta {
            index: 0,
            id: Some("call_a".into()),
            name: Some("get_weather".into()),
            arguments: String::new()
        }
    );
    let mut acc = ToolCallAccumulator::default();
    ev.iter().for_each(|e| acc.push(e));
    let calls = acc.finish();
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].arguments, r#"{"location":"Tokyo"}"#);
    assert_eq!(
        (calls[1].id.as_deref(), calls[1].name.as_str()),
        (Some("call_b"), "get_time")
    );
    assert_eq!(
        ev.last(),
        Some(&StreamEvent::Finish {
            reason: "tool_calls".into()
        })
    );
}

#[test]
fn tool_calls_without_index_whole_and_deprecated() {
    let (ev, _) = map_all(&[
        &delta(r#"{"tool_calls":[{"id":"a","function":{"name":"f","arguments":"{\"x\":"}}]}"#),
        &delta(r#"{"tool_calls":[{"id":"a","function":{"arguments":"1}"}}]}"#),
        &delta(r#"{"tool_calls":[{"id":"b","function":{"name":"g","arguments":{"y":2}}}]}"#),
        &delta(r#"{"tool_calls":[{"function":{"arguments":""}}]}"#),
    ]);
    let mut acc = ToolCallAccumulator::default();
    ev.iter().for_each(|e| acc.push(e));
    let calls = acc.finish();
    assert_eq!(calls.len(), 2);
    assert_eq!(
        (calls[0].index, calls[0].arguments.as_str()),
        (0, r#"{"x":1}"#)
    );
    assert_eq!(
        (calls[1].index, calls[1].arguments.as_str()),
        (1, r#"{"y":2}"#)
    );

    let (ev, _) = map_all(&[&delta(
        r#"{"function_call":{"name":"old","arguments":"{}"}}"#,
    )]);
    assert!(
        matches!(&ev[0], StreamEvent::ToolCallDelta { index: 0, name: Some(n), .. } if n == "old")
    );
}
