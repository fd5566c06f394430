//! The model catalog and `GET /models`. Each model stands for one way real
//! upstreams deliver reasoning.

use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// How a model delivers its chain of thought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// `reasoning_content` deltas before the content (DeepSeek, Qwen, GLM, Kimi).
    ReasoningContent,
    /// A `reasoning` field instead (OpenRouter-style gateways).
    ReasoningField,
    /// `<think>...</think>` at the start of the content, tags split across chunks.
    Think,
}

pub struct Model {
    pub id: &'static str,
    pub created: u64,
    pub owned_by: Option<&'static str>,
    pub style: Style,
}

const CREATED: u64 = 1_749_600_000;

const fn model(id: &'static str, style: Style) -> Model {
    Model {
        id,
        created: CREATED,
        owned_by: Some("portico-sim"),
        style,
    }
}

pub const MODELS: &[Model] = &[
    model("demo-chat", Style::Plain),
    model("demo-reasoner", Style::ReasoningContent),
    model("demo-reasoning-field", Style::ReasoningField),
    model("demo-think", Style::Think),
    model("demo-slow", Style::Plain),
    // Gateway quirks a client must tolerate: a provider/model id, `created: 0`, no `owned_by`.
    Model {
        id: "sim/demo-mini",
        created: 0,
        owned_by: None,
        style: Style::Plain,
    },
];

pub fn find(id: &str) -> Option<&'static Model> {
    MODELS.iter().find(|m| m.id == id)
}

fn entry(m: &Model) -> Value {
    let mut v = json!({
        "id": m.id,
        "object": "model",
        "created": m.created,
        // An extra field like new-api gateways add; clients must ignore it.
        "supported_endpoint_types": ["openai"],
    });
    if let Some(owner) = m.owned_by {
        v["owned_by"] = json!(owner);
    }
    v
}

pub fn list() -> Response {
    let data: Vec<Value> = MODELS.iter().map(entry).collect();
    Json(json!({ "object": "list", "data": data })).into_response()
}

pub fn retrieve(id: &str) -> Response {
    match find(id) {
        Some(m) => Json(entry(m)).into_response(),
        None => crate::errors::model_not_found(id),
    }
}
