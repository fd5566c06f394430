//! The request the scenario tests share, and its content under `ok`.

#![allow(dead_code)]

use portico_sim::SimHandle;
use serde_json::{json, Value};

use crate::common::{chat, chunks, delta_text, stream_of};

pub const PROMPT: &str = "Framing test “quotes” 你好 sim:words=25";

pub fn stream_body() -> Value {
    let mut body = chat("demo-chat", PROMPT, true);
    body["stream_options"] = json!({"include_usage": true});
    body
}

/// The content of the same request under `ok`, for comparison.
pub async fn reference(sim: &SimHandle) -> String {
    delta_text(
        &chunks(&stream_of(sim, None, &stream_body()).await),
        "content",
    )
}
