//! One chat request, read from its JSON body, and the completion the simulator
//! gives it: reasoning and content words, finish reason and usage. Pure: no I/O.

use axum::response::Response;
use serde_json::{json, Value};

use crate::chunks::{Meta, Usage, FINGERPRINT};
use crate::errors;
use crate::models::Style;
use crate::reply::{self, Prompt};
use crate::scenario::{Plan, ReasoningOverride};
use crate::text::count_words;

/// The parts of a Chat Completions request the simulator acts on.
#[derive(Debug, Clone)]
pub struct ChatRequest {
    pub model: String,
    pub stream: bool,
    pub include_usage: bool,
    /// `max_completion_tokens`, else `max_tokens`.
    pub max_tokens: Option<usize>,
    /// The last user message.
    pub prompt: Prompt,
    pub prompt_tokens: usize,
    /// The last message is a tool result, so the turn should end in text.
    pub answering_tool: bool,
    pub tool_names: Vec<String>,
}

/// Text of a message's `content`: a string, or the text parts of an array.
fn content_text(content: &Value) -> String {
    match content {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts
            .iter()
            .filter_map(|p| p.get("text").and_then(Value::as_str))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

/// Why a request body was refused: a 400 naming the field (`param`).
#[derive(Debug)]
pub struct BadRequest {
    pub message: &'static str,
    pub param: Option<&'static str>,
}

impl BadRequest {
    pub fn into_response(self) -> Response {
        errors::bad_request(self.message, self.param)
    }
}

impl ChatRequest {
    pub fn parse(body: &[u8]) -> Result<Self, BadRequest> {
        let bad = |message, param| BadRequest { message, param };
        let v: Value = serde_json::from_slice(body).map_err(|_| {
            bad(
                "We could not parse the JSON body of your request. The body must be valid JSON.",
                None,
            )
        })?;
        let model = v
            .get("model")
            .and_then(Value::as_str)
            .ok_or_else(|| bad("you must provide a model parameter", Some("model")))?;
        let messages = v
            .get("messages")
            .and_then(Value::as_array)
            .filter(|m| !m.is_empty())
            .ok_or_else(|| bad("'messages' must be a non-empty array", Some("messages")))?;
        fn role(m: &Value) -> &str {
            m.get("role").and_then(Value::as_str).unwrap_or("")
        }
        let text = |m: &Value| content_text(m.get("content").unwrap_or(&Value::Null));
        let last_user = messages
            .iter()
            .rev()
            .find(|m| role(m) == "user")
            .map(text)
            .unwrap_or_default();
        let max = |key: &str| v.get(key).and_then(Value::as_u64).map(|n| n as usize);
        Ok(Self {
            model: model.to_string(),
            stream: v.get("stream").and_then(Value::as_bool).unwrap_or(false),
            include_usage: v
                .pointer("/stream_options/include_usage")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            max_tokens: max("max_completion_tokens").or_else(|| max("max_tokens")),
            prompt: Prompt::parse(&last_user),
            prompt_tokens: messages.iter().map(|m| count_words(&text(m))).sum(),
            answering_tool: messages.last().map(role) == Some("tool"),
            tool_names: v
                .get("tools")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|t| t.pointer("/function/name").and_then(Value::as_str))
                .map(String::from)
                .collect(),
        })
    }
}

/// Which delta field a run of words goes out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    ReasoningContent,
    Reasoning,
    Content,
}

/// A run of words sent in one channel. Tag pieces are not counted as tokens and
/// always go out one per chunk, so `<think>` is split whatever the chunk size.
#[derive(Debug)]
pub struct Segment<'a> {
    pub channel: Channel,
    pub words: Vec<&'a str>,
    pub is_tag: bool,
    pub is_reasoning: bool,
}

const THINK_OPEN: [&str; 2] = ["<thi", "nk>\n"];
const THINK_CLOSE: [&str; 2] = ["\n</th", "ink>\n\n"];

#[derive(Debug, Clone)]
pub struct Completion {
    pub style: Style,
    pub reasoning: Vec<String>,
    /// False when the token budget ran out inside the reasoning.
    pub reasoning_done: bool,
    pub content: Vec<String>,
    pub finish: &'static str,
    pub prompt_tokens: usize,
}

impl Completion {
    pub fn build(req: &ChatRequest, model_style: Style, plan: &Plan) -> Self {
        let style = match (plan.reasoning, model_style) {
            (Some(ReasoningOverride::Content), _) => Style::ReasoningContent,
            (Some(ReasoningOverride::Think), _) => Style::Think,
            (None, Style::Plain) if plan.long_reasoning => Style::ReasoningContent,
            (None, s) => s,
        };
        let d = &req.prompt.directives;
        let reasoning_len = match style {
            Style::Plain => 0,
            _ if plan.long_reasoning => d.reasoning_words.unwrap_or(reply::LONG_REASONING_WORDS),
            _ => d.reasoning_words.unwrap_or(reply::DEFAULT_REASONING_WORDS),
        };
        let mut reasoning = reply::reasoning_words(&req.prompt, reasoning_len);
        let mut content = reply::reply_words(&req.prompt, d.words.unwrap_or(reply::DEFAULT_WORDS));
        // The budget covers reasoning first, as max_completion_tokens does upstream.
        let budget = req.max_tokens.unwrap_or(usize::MAX);
        let cut = reasoning.len() + content.len() > budget;
        let reasoning_done = reasoning.len() <= budget;
        reasoning.truncate(budget);
        content.truncate(budget - reasoning.len());
        Self {
            style,
            reasoning,
            reasoning_done,
            content,
            finish: if cut { "length" } else { "stop" },
            prompt_tokens: req.prompt_tokens,
        }
    }

    pub fn usage(&self) -> Usage {
        let r = self.reasoning.len();
        Usage::new(self.prompt_tokens, r + self.content.len(), r)
    }

    /// Everything to stream after the role chunk, in order.
    pub fn segments(&self) -> Vec<Segment<'_>> {
        fn words(w: &[String]) -> Vec<&str> {
            w.iter().map(String::as_str).collect()
        }
        let seg = |channel, words, is_tag, is_reasoning| Segment {
            channel,
            words,
            is_tag,
            is_reasoning,
        };
        let content = seg(Channel::Content, words(&self.content), false, false);
        match self.style {
            Style::Plain => vec![content],
            Style::ReasoningContent => vec![
                seg(
                    Channel::ReasoningContent,
                    words(&self.reasoning),
                    false,
                    true,
                ),
                content,
            ],
            Style::ReasoningField => vec![
                seg(Channel::Reasoning, words(&self.reasoning), false, true),
                content,
            ],
            Style::Think => {
                let mut out = vec![
                    seg(Channel::Content, THINK_OPEN.to_vec(), true, false),
                    seg(Channel::Content, words(&self.reasoning), false, true),
                ];
                if self.reasoning_done {
                    out.push(seg(Channel::Content, THINK_CLOSE.to_vec(), true, false));
                }
                out.push(content);
                out
            }
        }
    }

    fn text_of(&self, channel: Channel) -> String {
        let mut out = String::new();
        for s in self.segments().iter().filter(|s| s.channel == channel) {
            out.extend(s.words.iter().copied());
        }
        out
    }

    /// The non-streamed `chat.completion` object (PROTOCOLS 2.3).
    pub fn to_json(&self, meta: &Meta) -> Value {
        let mut message = json!({
            "role": "assistant",
            "content": self.text_of(Channel::Content),
            "refusal": null,
            "annotations": [],
        });
        match self.style {
            Style::ReasoningContent => {
                message["reasoning_content"] = json!(self.text_of(Channel::ReasoningContent))
            }
            Style::ReasoningField => message["reasoning"] = json!(self.text_of(Channel::Reasoning)),
            Style::Plain | Style::Think => {}
        }
        completion_json(meta, message, self.finish, self.usage())
    }
}

/// The envelope shared by text and tool-call completions.
pub fn completion_json(meta: &Meta, message: Value, finish: &str, usage: Usage) -> Value {
    json!({
        "id": meta.id,
        "object": "chat.completion",
        "created": meta.created,
        "model": meta.model,
        "system_fingerprint": FINGERPRINT,
        "service_tier": "default",
        "choices": [{
            "index": 0,
            "finish_reason": finish,
            "logprobs": null,
            "message": message,
        }],
        "usage": usage,
    })
}
