//! A non-streamed chat response (PROTOCOLS 2.3) turned into the same events a stream gives, in
//! order: reasoning, text, tool calls, usage, finish. The consumer has one path for both.

use portico_types::ErrorReason;

use crate::chat::StreamEvent;
use crate::error::GatewayError;
use crate::error_map;

use super::think::ThinkSplitter;
use super::wire::ChunkWire;

/// Map a 2xx JSON body. An error body (`{"error":...}` on a 200) is an `Err`.
pub fn map_response(body: &str) -> Result<Vec<StreamEvent>, GatewayError> {
    let wire: ChunkWire<'_> = serde_json::from_str(body).map_err(|_| {
        GatewayError::invalid_response(
            ErrorReason::UnreadableReply,
            "The gateway's reply is not valid JSON, so it could not be read.",
            body,
        )
    })?;
    if wire.is_error() {
        return Err(error_map::from_http(
            200,
            Some("application/json"),
            None,
            body.as_bytes(),
        ));
    }
    let Some(choices) = wire.choices.as_ref() else {
        if let Some(u) = wire.usage.as_ref().and_then(|u| u.to_usage()) {
            return Ok(vec![StreamEvent::Usage(u)]);
        }
        return Err(GatewayError::invalid_response(
            ErrorReason::UnreadableReply,
            "The gateway's reply has no choices; it is not an OpenAI chat completion.",
            body,
        ));
    };
    let mut out = Vec::new();
    let mut finish = None;
    if let Some(choice) = choices.0.as_ref() {
        if let Some(msg) = choice.message.as_deref().or(choice.delta.as_ref()) {
            let reasoning = [
                &msg.reasoning_content,
                &msg.reasoning,
                &msg.reasoning_details,
            ]
            .into_iter()
            .flatten()
            .map(|t| t.as_str())
            .find(|t| !t.is_empty());
            let mut content = Vec::new();
            let mut think = ThinkSplitter::new();
            if let Some(c) = &msg.content {
                think.push(c.as_str(), &mut content);
            }
            think.finish(&mut content);
            if let Some(r) = reasoning {
                out.push(StreamEvent::ReasoningDelta(r.to_owned()));
            }
            out.extend(content);
            for (pos, call) in msg.tool_calls.iter().flatten().enumerate() {
                let f = call.function.as_ref();
                let args = f.map(|f| f.arguments_text()).unwrap_or_default();
                out.push(StreamEvent::ToolCallDelta {
                    index: call.index.unwrap_or(pos as u32),
                    id: call.id.as_deref().map(str::to_owned),
                    name: f.and_then(|f| f.name.as_deref()).map(str::to_owned),
                    arguments: args,
                });
            }
            if let Some(f) = &msg.function_call {
                out.push(StreamEvent::ToolCallDelta {
                    index: 0,
                    id: None,
                    name: f.name.as_deref().map(str::to_owned),
                    arguments: f.arguments_text(),
                });
            }
        }
        finish = choice
            .finish_reason
            .as_deref()
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
    }
    if let Some(u) = wire.usage.as_ref().and_then(|u| u.to_usage()) {
        out.push(StreamEvent::Usage(u));
    }
    if let Some(reason) = finish {
        out.push(StreamEvent::Finish { reason });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use portico_types::{ErrorKind, Usage};

    use super::*;

    #[test]
    fn spec_response_in_event_order() {
        let body = r#"{"id":"chatcmpl-e30f5ae7","object":"chat.completion","created":1749600000,"model":"qwen3.6-flash",
          "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
            "message":{"role":"assistant","content":"Idempotency means ...","reasoning_content":"The core ...",
                       "refusal":null,"tool_calls":null,"annotations":[]}}],
          "usage":{"prompt_tokens":14,"completion_tokens":185,"total_tokens":199,
            "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
            "completion_tokens_details":{"reasoning_tokens":148,"audio_tokens":0}}}"#;
        let ev = map_response(body).unwrap();
        assert_eq!(
            ev,
            vec![
                StreamEvent::ReasoningDelta("The core ...".into()),
                StreamEvent::TextDelta("Idempotency means ...".into()),
                StreamEvent::Usage(Usage {
                    prompt_tokens: Some(14),
                    completion_tokens: Some(185),
                    total_tokens: Some(199),
                    cached_tokens: Some(0),
                    reasoning_tokens: Some(148),
                }),
                StreamEvent::Finish {
                    reason: "stop".into()
                },
            ]
        );
    }

    #[test]
    fn think_tags_and_reasoning_field() {
        let ev = map_response(r#"{"choices":[{"message":{"content":"<think>hmm</think>\nYes."},"finish_reason":"STOP"}]}"#).unwrap();
        assert_eq!(
            ev,
            vec![
                StreamEvent::ReasoningDelta("hmm".into()),
                StreamEvent::TextDelta("Yes.".into()),
                StreamEvent::Finish {
                    reason: "STOP".into()
                },
            ]
        );
        let ev =
            map_response(r#"{"choices":[{"message":{"content":"A","reasoning":"R"}}]}"#).unwrap();
        assert_eq!(
            ev,
            vec![
                StreamEvent::ReasoningDelta("R".into()),
                StreamEvent::TextDelta("A".into())
            ]
        );
    }

    #[test]
    fn tool_calls_whole() {
        let ev = map_response(r#"{"choices":[{"message":{"content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]},"finish_reason":"tool_calls"}]}"#).unwrap();
        assert_eq!(
            ev[0],
            StreamEvent::ToolCallDelta {
                index: 0,
                id: Some("c1".into()),
                name: Some("f".into()),
                arguments: r#"{"a":1}"#.into()
            }
        );
    }

    #[test]
    fn error_bodies_and_garbage() {
        let e = map_response(
            r#"{"error":{"message":"Incorrect API key provided","code":"invalid_api_key"}}"#,
        )
        .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Auth);
        assert_eq!(e.status, Some(200));
        let e = map_response("not json at all").unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidResponse);
        assert_eq!(e.detail.as_deref(), Some("not json at all"));
        let e = map_response(r#"{"object":"list"}"#).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidResponse);
        assert_eq!(map_response(r#"{"choices":[]}"#).unwrap(), vec![]);
    }
}
