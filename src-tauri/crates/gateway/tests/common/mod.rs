//! Shared helpers for the loopback tests against portico-sim.
#![allow(dead_code)]

use std::time::Duration;

use portico_gateway::{
    ApiKey, ChatMessage, ChatRequest, ChatStream, Endpoint, GatewayClient, GatewayError,
    RetryPolicy, StreamEvent, Timeouts, ToolCall, ToolCallAccumulator,
};
use portico_sim::{SimConfig, SimHandle};
use portico_types::{ChatParams, HeaderPair, Role, Usage};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

pub const KEY: &str = "sk-portico-test-0123456789abcdefSECRET";

pub async fn sim() -> SimHandle {
    portico_sim::start(SimConfig::default())
        .await
        .expect("sim starts")
}

pub async fn sim_with_key() -> SimHandle {
    portico_sim::start(SimConfig {
        required_key: Some(KEY.to_owned()),
        ..SimConfig::default()
    })
    .await
    .expect("sim starts")
}

/// An endpoint on the sim with the right key, choosing `scenario` per request.
pub fn endpoint(sim: &SimHandle, scenario: &str) -> Endpoint {
    let mut ep = Endpoint::bearer(sim.base_url(), Some(ApiKey::new(KEY)));
    if !scenario.is_empty() {
        ep.extra_headers.push(header("x-sim-scenario", scenario));
    }
    ep
}

pub fn header(name: &str, value: &str) -> HeaderPair {
    HeaderPair {
        name: name.to_owned(),
        value: value.to_owned(),
    }
}

pub fn client() -> GatewayClient {
    client_with(Timeouts::default())
}

pub fn client_with(timeouts: Timeouts) -> GatewayClient {
    let retry = RetryPolicy {
        base_delay: Duration::from_millis(20),
        ..RetryPolicy::default()
    };
    GatewayClient::with_config(timeouts, retry).expect("client")
}

pub fn request(model: &str, prompt: &str, stream: bool) -> ChatRequest {
    ChatRequest {
        model: model.to_owned(),
        messages: vec![ChatMessage::new(Role::User, prompt)],
        params: ChatParams::default(),
        stream,
    }
}

/// A reply as a consumer assembles it: deltas concatenated, last usage kept.
#[derive(Debug, Default)]
pub struct Reply {
    pub text: String,
    pub reasoning: String,
    pub usage: Option<Usage>,
    pub usage_events: usize,
    pub finish: Option<String>,
    pub error: Option<GatewayError>,
    pub tools: Vec<ToolCall>,
    /// Event kinds in order: 'r' reasoning, 't' text, 'c' tool call, 'u' usage, 'f' finish.
    pub order: String,
}

pub async fn collect(mut stream: ChatStream) -> Reply {
    let mut reply = Reply::default();
    let mut acc = ToolCallAccumulator::default();
    while let Some(item) = stream.next().await {
        match item {
            Ok(ev) => record(&mut reply, &mut acc, ev),
            Err(e) => {
                assert!(
                    reply.error.is_none(),
                    "a second error after {:?}",
                    reply.error
                );
                reply.error = Some(e);
            }
        }
    }
    reply.tools = acc.finish();
    reply
}

fn record(reply: &mut Reply, acc: &mut ToolCallAccumulator, ev: StreamEvent) {
    let kind = match &ev {
        StreamEvent::TextDelta(_) => 't',
        StreamEvent::ReasoningDelta(_) => 'r',
        StreamEvent::ToolCallDelta { .. } => 'c',
        StreamEvent::Usage(_) => 'u',
        StreamEvent::Finish { .. } => 'f',
        StreamEvent::Error(e) => panic!("ChatStream yielded Ok(Error): {e:?}"),
    };
    if !reply.order.ends_with(kind) {
        reply.order.push(kind);
    }
    acc.push(&ev);
    match ev {
        StreamEvent::TextDelta(t) => reply.text.push_str(&t),
        StreamEvent::ReasoningDelta(r) => reply.reasoning.push_str(&r),
        StreamEvent::Usage(u) => {
            reply.usage = Some(u);
            reply.usage_events += 1;
        }
        StreamEvent::Finish { reason } => {
            assert!(reply.finish.is_none(), "two finish events");
            reply.finish = Some(reason);
        }
        _ => {}
    }
}

pub async fn chat(
    client: &GatewayClient,
    ep: &Endpoint,
    req: &ChatRequest,
) -> Result<Reply, GatewayError> {
    let stream = client
        .stream_chat(ep, req, CancellationToken::new())
        .await?;
    Ok(collect(stream).await)
}

/// What the sim answers for this prompt, read without the crate under test: the plain JSON
/// reply via reqwest, as (reasoning, text). A `<think>` block is split off by hand.
pub async fn expected(sim: &SimHandle, model: &str, prompt: &str) -> (String, String) {
    expected_in(sim, model, prompt, "ok").await
}

/// Like `expected`, under a reply-shape scenario such as `think_tags`.
pub async fn expected_in(
    sim: &SimHandle,
    model: &str,
    prompt: &str,
    scenario: &str,
) -> (String, String) {
    let body = serde_json::json!({
        "model": model,
        "messages": [{"role": "user", "content": prompt}],
    });
    let v: Value = reqwest::Client::new()
        .post(format!("{}/v1/chat/completions", sim.base_url()))
        .bearer_auth(KEY)
        .header("x-sim-scenario", scenario)
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let msg = &v["choices"][0]["message"];
    let content = msg["content"].as_str().unwrap_or_default().to_owned();
    let reasoning = msg["reasoning_content"]
        .as_str()
        .or(msg["reasoning"].as_str())
        .unwrap_or_default()
        .to_owned();
    if let Some(rest) = content.strip_prefix("<think>") {
        let (r, t) = rest.split_once("</think>").expect("closed think block");
        return (r.trim().to_owned(), t.trim_start().to_owned());
    }
    (reasoning, content)
}
