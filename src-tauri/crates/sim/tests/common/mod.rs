//! Helpers for talking to the simulator over real loopback HTTP, with an SSE
//! parser of their own (WHATWG rules) so the tests do not trust the server's framing.

#![allow(dead_code)]

use bytes::Bytes;
use futures_util::StreamExt;
use portico_sim::{SimConfig, SimHandle};
use serde_json::{json, Value};

pub async fn sim() -> SimHandle {
    sim_with(SimConfig::default()).await
}

pub async fn sim_with(config: SimConfig) -> SimHandle {
    portico_sim::start(config).await.expect("simulator starts")
}

/// A client that shows the wire as sent: in a workspace build reqwest gains the gateway's
/// `gzip` feature and would otherwise decode gzip bodies and drop their header.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_gzip().build().unwrap()
}

pub fn chat(model: &str, prompt: &str, stream: bool) -> Value {
    json!({
        "model": model,
        "stream": stream,
        "messages": [
            {"role": "system", "content": "You are helpful."},
            {"role": "user", "content": prompt}
        ]
    })
}

/// POST `/v1/chat/completions`, with a scenario header when given.
pub async fn post_chat(sim: &SimHandle, scenario: Option<&str>, body: &Value) -> reqwest::Response {
    let mut req = client()
        .post(format!("{}/v1/chat/completions", sim.base_url()))
        .json(body);
    if let Some(s) = scenario {
        req = req.header("x-sim-scenario", s);
    }
    req.send().await.expect("request sent")
}

/// Every body read as delivered, and the error that ended the body, if any.
pub async fn reads(resp: reqwest::Response) -> (Vec<Bytes>, Option<reqwest::Error>) {
    let mut stream = resp.bytes_stream();
    let mut out = Vec::new();
    while let Some(item) = stream.next().await {
        match item {
            Ok(b) => out.push(b),
            Err(e) => return (out, Some(e)),
        }
    }
    (out, None)
}

pub async fn body_bytes(resp: reqwest::Response) -> Vec<u8> {
    let (parts, err) = reads(resp).await;
    assert!(err.is_none(), "body error: {err:?}");
    parts.concat()
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub event: Option<String>,
    pub data: String,
}

impl Event {
    pub fn json(&self) -> Option<Value> {
        serde_json::from_str(&self.data).ok()
    }
}

/// Parsed stream: dispatched events, comments seen, and data left pending at
/// EOF (an event without its blank line).
#[derive(Debug, Default)]
pub struct Parsed {
    pub events: Vec<Event>,
    pub comments: Vec<String>,
    pub pending: Option<String>,
}

pub fn parse_sse(bytes: &[u8]) -> Parsed {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).expect("stream is UTF-8 once whole");
    let mut out = Parsed::default();
    let (mut data, mut event): (Vec<String>, Option<String>) = (vec![], None);
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['\r', '\n']) {
        lines.push(&rest[..i]);
        let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[i + skip..];
    }
    for line in lines {
        if line.is_empty() {
            if !data.is_empty() || event.is_some() {
                out.events.push(Event {
                    event: event.take(),
                    data: data.join("\n"),
                });
                data.clear();
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix(':') {
            out.comments.push(comment.trim_start().to_string());
            continue;
        }
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value);
        match field {
            "data" => data.push(value.to_string()),
            "event" => event = Some(value.to_string()),
            _ => {}
        }
    }
    if !data.is_empty() {
        out.pending = Some(data.join("\n"));
    }
    out
}

/// JSON chunks up to (not including) `[DONE]`.
pub fn chunks(parsed: &Parsed) -> Vec<Value> {
    parsed
        .events
        .iter()
        .take_while(|e| !e.data.starts_with("[DONE]"))
        .filter_map(Event::json)
        .collect()
}

/// Concatenation of `delta.<field>` over all chunks.
pub fn delta_text(chunks: &[Value], field: &str) -> String {
    chunks
        .iter()
        .filter_map(|c| c.pointer(&format!("/choices/0/delta/{field}"))?.as_str())
        .collect()
}

pub fn has_done(parsed: &Parsed) -> bool {
    parsed.events.iter().any(|e| e.data == "[DONE]")
}

/// A streamed request's body, parsed.
pub async fn stream_of(sim: &SimHandle, scenario: Option<&str>, body: &Value) -> Parsed {
    let resp = post_chat(sim, scenario, body).await;
    assert_eq!(resp.status(), 200);
    parse_sse(&body_bytes(resp).await)
}
