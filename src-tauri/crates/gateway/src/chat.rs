//! Protocol-neutral chat types: the request the core hands us and the events every protocol
//! mapper produces, so the consumer has one path for streams and plain responses alike.

use portico_types::{ChatParams, Role, Usage};

use crate::error::GatewayError;

#[derive(Debug, Clone, PartialEq)]
pub struct ChatMessage {
    pub role: Role,
    pub text: String,
}

impl ChatMessage {
    pub fn new(role: Role, text: impl Into<String>) -> Self {
        Self {
            role,
            text: text.into(),
        }
    }
}

/// A normalized chat request. `params.system_prompt` becomes the first system message.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatRequest {
    pub model: String,
    pub messages: Vec<ChatMessage>,
    pub params: ChatParams,
    pub stream: bool,
}

/// One normalized piece of a reply, in arrival order.
///
/// `Usage` may come several times (some gateways send cumulative usage on every chunk): keep the
/// last one, never sum. `Finish` comes at most once per reply.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamEvent {
    TextDelta(String),
    ReasoningDelta(String),
    /// A fragment of a tool call, keyed by `index` (PROTOCOLS 2.6). The first fragment of a call
    /// usually carries `id` and `name`; `arguments` fragments are raw JSON text to concatenate.
    ToolCallDelta {
        index: u32,
        id: Option<String>,
        name: Option<String>,
        arguments: String,
    },
    Usage(Usage),
    /// The gateway's finish reason as sent (`stop`, `length`, `STOP`, anything).
    Finish {
        reason: String,
    },
    /// The gateway reported an error; the reply ends here (partial output stays valid).
    Error(GatewayError),
}

/// A tool call assembled from its deltas.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ToolCall {
    pub index: u32,
    pub id: Option<String>,
    pub name: String,
    /// Raw JSON text; `{}` when the gateway sent none.
    pub arguments: String,
}

/// Optional helper: folds `ToolCallDelta`s into whole calls (ids and names replace, arguments
/// append; parse `arguments` only after the finish reason).
#[derive(Debug, Default)]
pub struct ToolCallAccumulator {
    calls: Vec<ToolCall>,
}

impl ToolCallAccumulator {
    pub fn push(&mut self, event: &StreamEvent) {
        let StreamEvent::ToolCallDelta {
            index,
            id,
            name,
            arguments,
        } = event
        else {
            return;
        };
        let pos = match self.calls.iter().position(|c| c.index == *index) {
            Some(p) => p,
            None => {
                self.calls.push(ToolCall {
                    index: *index,
                    ..ToolCall::default()
                });
                self.calls.len() - 1
            }
        };
        let call = &mut self.calls[pos];
        if let Some(id) = id.as_ref().filter(|s| !s.is_empty()) {
            call.id = Some(id.clone());
        }
        if let Some(name) = name.as_ref().filter(|s| !s.is_empty()) {
            // Some gateways repeat the name on every chunk: replace, never append.
            call.name = name.clone();
        }
        call.arguments.push_str(arguments);
    }

    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }

    /// The calls ordered by index; empty arguments become `{}`.
    pub fn finish(mut self) -> Vec<ToolCall> {
        self.calls.sort_by_key(|c| c.index);
        for c in &mut self.calls {
            if c.arguments.trim().is_empty() {
                c.arguments = "{}".to_owned();
            }
        }
        self.calls
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delta(index: u32, id: Option<&str>, name: Option<&str>, args: &str) -> StreamEvent {
        StreamEvent::ToolCallDelta {
            index,
            id: id.map(Into::into),
            name: name.map(Into::into),
            arguments: args.into(),
        }
    }

    #[test]
    fn accumulates_interleaved_calls() {
        let mut acc = ToolCallAccumulator::default();
        for ev in [
            delta(0, Some("call_a"), Some("get_weather"), ""),
            delta(0, None, None, "{\"loc"),
            delta(1, Some("call_b"), Some("get_time"), ""),
            delta(0, Some("call_a"), Some("get_weather"), "ation\":\"Tokyo\"}"),
            StreamEvent::TextDelta("ignored".into()),
        ] {
            acc.push(&ev);
        }
        let calls = acc.finish();
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[0].name, "get_weather");
        assert_eq!(calls[0].id.as_deref(), Some("call_a"));
        assert_eq!(calls[0].arguments, "{\"location\":\"Tokyo\"}");
        assert_eq!(calls[1].arguments, "{}");
    }
}
