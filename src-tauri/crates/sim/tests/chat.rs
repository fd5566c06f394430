//! Chat Completions over real HTTP: JSON and stream shapes, determinism,
//! reasoning channels, token limits, tool calls, incremental delivery.

mod common;

use std::time::{Duration, Instant};

use common::{chat, chunks, delta_text, has_done, parse_sse, post_chat, sim, sim_with, stream_of};
use futures_util::StreamExt;
use portico_sim::{reference_word, SimConfig};
use serde_json::{json, Value};

async fn completion(sim: &portico_sim::SimHandle, body: &Value) -> Value {
    let resp = post_chat(sim, None, body).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    resp.json().await.unwrap()
}

#[tokio::test]
async fn non_stream_completion_has_the_openai_shape() {
    let sim = sim().await;
    let v = completion(&sim, &chat("demo-chat", "Explain idempotency", false)).await;
    assert_eq!(v["object"], "chat.completion");
    assert!(v["id"].as_str().unwrap().starts_with("chatcmpl-"));
    assert!(v["created"].as_u64().unwrap() > 1_700_000_000);
    assert_eq!(v["model"], "demo-chat");
    let choice = &v["choices"][0];
    assert_eq!(choice["index"], 0);
    assert_eq!(choice["finish_reason"], "stop");
    assert_eq!(choice["message"]["role"], "assistant");
    assert!(choice["message"].get("reasoning_content").is_none());
    let content = choice["message"]["content"].as_str().unwrap();
    assert!(content.starts_with("You asked: “Explain idempotency”."));
    assert!(content.contains(&format!(
        "Reference: {}.",
        reference_word("Explain idempotency")
    )));
    assert!(
        content.contains("```") && content.contains("|---|---|") && content.contains("$E = mc^2$")
    );
    let u = &v["usage"];
    assert_eq!(u["completion_tokens"], 120);
    assert_eq!(u["prompt_tokens"], 5, "system 3 words + user 2 words");
    assert_eq!(u["total_tokens"], 125);
    assert_eq!(u["completion_tokens_details"]["reasoning_tokens"], 0);
}

#[tokio::test]
async fn same_prompt_same_reply_streamed_or_not() {
    let sim = sim().await;
    let prompt = "Write a haiku about gateways sim:words=300";
    let a = completion(&sim, &chat("demo-chat", prompt, false)).await;
    let b = completion(&sim, &chat("demo-slow", prompt, false)).await;
    let text = a["choices"][0]["message"]["content"].as_str().unwrap();
    assert_eq!(text, b["choices"][0]["message"]["content"]);
    assert_eq!(a["usage"]["completion_tokens"], 300);
    let streamed = stream_of(&sim, None, &chat("demo-chat", prompt, true)).await;
    assert_eq!(delta_text(&chunks(&streamed), "content"), text);
    let other = completion(&sim, &chat("demo-chat", "A different prompt", false)).await;
    assert_ne!(other["choices"][0]["message"]["content"], text);
    assert_ne!(reference_word(prompt), reference_word("A different prompt"));
}

#[tokio::test]
async fn chinese_prompt_gets_a_chinese_reply() {
    let sim = sim().await;
    let v = completion(&sim, &chat("demo-chat", "请用中文介绍一下网关", false)).await;
    let content = v["choices"][0]["message"]["content"].as_str().unwrap();
    assert!(content.contains("你问的是：“请用中文介绍一下网关”"));
    assert!(content.contains("网") && content.contains(&reference_word("请用中文介绍一下网关")));
}

#[tokio::test]
async fn stream_has_role_content_finish_usage_and_done() {
    let sim = sim().await;
    let mut body = chat("demo-chat", "Stream this sim:words=30", true);
    body["stream_options"] = json!({"include_usage": true});
    let resp = post_chat(&sim, None, &body).await;
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let parsed = parse_sse(&common::body_bytes(resp).await);
    assert!(has_done(&parsed));
    assert_eq!(parsed.events.last().unwrap().data, "[DONE]");
    let c = chunks(&parsed);
    let id = &c[0]["id"];
    assert!(c
        .iter()
        .all(|x| &x["id"] == id && x["created"] == c[0]["created"]));
    assert!(c
        .iter()
        .all(|x| x["object"] == "chat.completion.chunk" && x["model"] == "demo-chat"));
    assert_eq!(c[0]["choices"][0]["delta"]["role"], "assistant");
    assert!(c[1..]
        .iter()
        .all(|x| x.pointer("/choices/0/delta/role").is_none()));
    // 30 words, one per chunk (default words_per_chunk), between role and finish.
    let content_chunks = c
        .iter()
        .filter(|x| x.pointer("/choices/0/delta/content").is_some())
        .count();
    assert_eq!(content_chunks, 31, "role chunk carries empty content");
    let finish = &c[c.len() - 2];
    assert_eq!(finish["choices"][0]["finish_reason"], "stop");
    assert_eq!(finish["choices"][0]["delta"], json!({}));
    let usage = c.last().unwrap();
    assert_eq!(usage["choices"], json!([]));
    assert_eq!(usage["usage"]["completion_tokens"], 30);
    assert!(c[..c.len() - 1].iter().all(|x| x["usage"].is_null()));

    // Without include_usage: no usage chunk, no usage field.
    let parsed = stream_of(
        &sim,
        None,
        &chat("demo-chat", "Stream this sim:words=30", true),
    )
    .await;
    let c = chunks(&parsed);
    assert!(c.iter().all(|x| x.get("usage").is_none()));
    assert_eq!(c.last().unwrap()["choices"][0]["finish_reason"], "stop");
}

#[tokio::test]
async fn reasoning_models_use_their_own_channels() {
    let sim = sim().await;
    let prompt = "Think first sim:words=20 sim:reasoning=12";
    let v = completion(&sim, &chat("demo-reasoner", prompt, false)).await;
    let reasoning = v["choices"][0]["message"]["reasoning_content"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(reasoning.starts_with("The user asks about"));
    assert_eq!(
        v["usage"]["completion_tokens_details"]["reasoning_tokens"],
        12
    );
    assert_eq!(v["usage"]["completion_tokens"], 32);

    let c = chunks(&stream_of(&sim, None, &chat("demo-reasoner", prompt, true)).await);
    assert_eq!(delta_text(&c, "reasoning_content"), reasoning);
    let first_content = c
        .iter()
        .position(|x| {
            x.pointer("/choices/0/delta/content")
                .and_then(Value::as_str)
                .is_some_and(|s| !s.is_empty())
        })
        .unwrap();
    let last_reasoning = c
        .iter()
        .rposition(|x| x.pointer("/choices/0/delta/reasoning_content").is_some())
        .unwrap();
    assert!(
        last_reasoning < first_content,
        "reasoning streams before content"
    );

    let v = completion(&sim, &chat("demo-reasoning-field", prompt, false)).await;
    assert_eq!(v["choices"][0]["message"]["reasoning"], reasoning.as_str());
    let c = chunks(&stream_of(&sim, None, &chat("demo-reasoning-field", prompt, true)).await);
    assert_eq!(delta_text(&c, "reasoning"), reasoning);
    assert_eq!(delta_text(&c, "reasoning_content"), "");
}

#[tokio::test]
async fn think_model_splits_its_tags_across_chunks() {
    let sim = sim_with(SimConfig {
        words_per_chunk: 5,
        ..SimConfig::default()
    })
    .await;
    let prompt = "Hidden thoughts sim:words=10 sim:reasoning=6";
    let c = chunks(&stream_of(&sim, None, &chat("demo-think", prompt, true)).await);
    let pieces: Vec<&str> = c
        .iter()
        .filter_map(|x| x.pointer("/choices/0/delta/content")?.as_str())
        .collect();
    assert!(pieces.contains(&"<thi") && pieces.contains(&"nk>\n"));
    let text: String = pieces.concat();
    assert!(text.starts_with("<think>\nThe user asks about"));
    assert!(text.contains("\n</think>\n\nYou asked:"));
    let v = completion(&sim, &chat("demo-think", prompt, false)).await;
    assert_eq!(v["choices"][0]["message"]["content"], text.as_str());
    assert_eq!(
        v["usage"]["completion_tokens_details"]["reasoning_tokens"],
        6
    );
}

#[tokio::test]
async fn token_limits_cut_with_finish_reason_length() {
    let sim = sim().await;
    let mut body = chat("demo-chat", "Long one", false);
    body["max_tokens"] = json!(7);
    let v = completion(&sim, &body).await;
    assert_eq!(v["choices"][0]["finish_reason"], "length");
    assert_eq!(v["usage"]["completion_tokens"], 7);

    // Reasoning eats the budget first: no content at all.
    let mut body = chat("demo-reasoner", "Long one", true);
    body["max_completion_tokens"] = json!(10);
    let c = chunks(&stream_of(&sim, None, &body).await);
    assert_eq!(c.last().unwrap()["choices"][0]["finish_reason"], "length");
    assert_eq!(delta_text(&c, "content"), "");
    assert!(!delta_text(&c, "reasoning_content").is_empty());
}

#[tokio::test]
async fn tool_call_scenarios() {
    let sim = sim().await;
    let mut body = chat("demo-chat", "Weather in Tokyo?", true);
    body["tools"] = json!([{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}]);
    let c = chunks(&stream_of(&sim, Some("tool_calls_fragmented"), &body).await);
    assert_eq!(
        c[0]["choices"][0]["delta"]["tool_calls"][0]["function"]["name"],
        "lookup"
    );
    let args: String = c
        .iter()
        .filter_map(|x| {
            x.pointer("/choices/0/delta/tool_calls/0/function/arguments")?
                .as_str()
        })
        .collect();
    let parsed: Value = serde_json::from_str(&args).unwrap();
    assert_eq!(parsed["location"], "Tokyo");
    assert_eq!(
        c.last().unwrap()["choices"][0]["finish_reason"],
        "tool_calls"
    );

    let c = chunks(&stream_of(&sim, Some("parallel_tool_calls"), &body).await);
    let indexes: Vec<u64> = c
        .iter()
        .filter_map(|x| x.pointer("/choices/0/delta/tool_calls/0/index")?.as_u64())
        .collect();
    assert!(
        indexes.windows(2).any(|w| w[0] != w[1]),
        "calls interleave: {indexes:?}"
    );

    body["stream"] = json!(false);
    let v: Value = post_chat(&sim, Some("tool_calls_whole"), &body)
        .await
        .json()
        .await
        .unwrap();
    let call = &v["choices"][0]["message"]["tool_calls"][0];
    assert_eq!(call["type"], "function");
    assert!(serde_json::from_str::<Value>(call["function"]["arguments"].as_str().unwrap()).is_ok());
    assert_eq!(v["choices"][0]["finish_reason"], "tool_calls");

    // After a tool result the turn ends in text.
    body["messages"]
        .as_array_mut()
        .unwrap()
        .push(json!({"role": "tool", "tool_call_id": "call_1", "content": "sunny"}));
    let v: Value = post_chat(&sim, Some("tool_calls_whole"), &body)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["choices"][0]["finish_reason"], "stop");
    assert!(v["choices"][0]["message"]["content"]
        .as_str()
        .unwrap()
        .contains("Weather in Tokyo?"));
}

#[tokio::test]
async fn chunks_arrive_incrementally_not_at_the_end() {
    let sim = sim().await;
    let resp = post_chat(
        &sim,
        None,
        &chat("demo-chat", "slowly sim:words=10 sim:delay=60", true),
    )
    .await;
    let start = Instant::now();
    let mut stream = resp.bytes_stream();
    let first = stream.next().await.unwrap().unwrap();
    let first_at = start.elapsed();
    assert!(String::from_utf8_lossy(&first).contains("\"role\":\"assistant\""));
    let mut reads = 1;
    while let Some(item) = stream.next().await {
        item.unwrap();
        reads += 1;
    }
    let total = start.elapsed();
    assert!(
        total >= Duration::from_millis(600),
        "12 chunks 60 ms apart took {total:?}"
    );
    assert!(
        first_at < total / 3,
        "first chunk after {first_at:?} of {total:?}"
    );
    assert!(reads >= 10, "one read per delayed chunk, got {reads}");
}

#[tokio::test]
async fn configured_delay_and_words_per_chunk_apply() {
    let sim = sim_with(SimConfig {
        chunk_delay: Duration::from_millis(20),
        words_per_chunk: 4,
        ..SimConfig::default()
    })
    .await;
    let start = Instant::now();
    let c = chunks(&stream_of(&sim, None, &chat("demo-chat", "grouped sim:words=40", true)).await);
    assert!(start.elapsed() >= Duration::from_millis(200));
    let content: Vec<&str> = c
        .iter()
        .filter_map(|x| x.pointer("/choices/0/delta/content")?.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(content.len(), 10);
}

/// Not a timed test: the benchmark-sized stream must complete, whole and in
/// order. Only the ends are parsed as JSON, to keep the debug build quick.
#[tokio::test]
async fn fifty_thousand_chunks_stream_without_delay() {
    let sim = sim().await;
    let start = Instant::now();
    let resp = post_chat(
        &sim,
        None,
        &chat("demo-chat", "bench sim:words=50000", true),
    )
    .await;
    let parsed = parse_sse(&common::body_bytes(resp).await);
    let events = &parsed.events;
    assert_eq!(
        events.len(),
        50_003,
        "role + 50,000 content + finish + [DONE]"
    );
    let content = events
        .iter()
        .filter(|e| e.data.contains(r#""delta":{"content":"#))
        .count();
    assert_eq!(content, 50_000);
    assert_eq!(
        events[0].json().unwrap()["choices"][0]["delta"]["role"],
        "assistant"
    );
    let finish = events[events.len() - 2].json().unwrap();
    assert_eq!(finish["choices"][0]["finish_reason"], "stop");
    assert!(has_done(&parsed));
    eprintln!("50,000 chunks in {:?}", start.elapsed());
}
