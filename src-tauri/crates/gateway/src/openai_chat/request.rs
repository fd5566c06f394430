//! The JSON body of `POST /v1/chat/completions` from a normalized `ChatRequest` (PROTOCOLS 2.1).

use portico_types::Role;
use serde::Serialize;

use crate::chat::ChatRequest;

#[derive(Serialize)]
struct Body<'a> {
    model: &'a str,
    messages: Vec<Msg<'a>>,
    stream: bool,
    /// Only with `stream: true`: some upstreams reject it otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    stream_options: Option<StreamOptions>,
    #[serde(skip_serializing_if = "Option::is_none")]
    temperature: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top_p: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_tokens: Option<u32>,
}

#[derive(Serialize)]
struct StreamOptions {
    include_usage: bool,
}

#[derive(Serialize)]
struct Msg<'a> {
    role: &'static str,
    content: &'a str,
}

fn role(r: Role) -> &'static str {
    match r {
        Role::System => "system",
        Role::User => "user",
        Role::Assistant => "assistant",
    }
}

/// `0.7f32` would serialize as `0.699999988079071`; go through its shortest decimal form.
fn clean(f: Option<f32>) -> Option<f64> {
    let f = f.filter(|f| f.is_finite())?;
    Some(f.to_string().parse().unwrap_or(f as f64))
}

pub fn build_body(req: &ChatRequest) -> Vec<u8> {
    let system = req
        .params
        .system_prompt
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Msg {
            role: "system",
            content: s,
        });
    let messages = system
        .into_iter()
        .chain(req.messages.iter().map(|m| Msg {
            role: role(m.role),
            content: &m.text,
        }))
        .collect();
    let body = Body {
        model: &req.model,
        messages,
        stream: req.stream,
        stream_options: req.stream.then_some(StreamOptions {
            include_usage: true,
        }),
        temperature: clean(req.params.temperature),
        top_p: clean(req.params.top_p),
        max_tokens: req.params.max_tokens,
    };
    // Strings and finite numbers only: serialization cannot fail.
    serde_json::to_vec(&body).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use portico_types::ChatParams;
    use serde_json::{json, Value};

    use super::*;
    use crate::chat::ChatMessage;

    fn body(req: &ChatRequest) -> Value {
        serde_json::from_slice(&build_body(req)).unwrap()
    }

    #[test]
    fn streaming_request_with_all_params() {
        let req = ChatRequest {
            model: "deepseek/deepseek-r1".into(),
            messages: vec![
                ChatMessage::new(Role::User, "你好 🎉"),
                ChatMessage::new(Role::Assistant, "hi"),
                ChatMessage::new(Role::User, "again"),
            ],
            params: ChatParams {
                system_prompt: Some("Be brief.".into()),
                temperature: Some(0.7),
                top_p: Some(0.9),
                max_tokens: Some(256),
            },
            stream: true,
        };
        assert_eq!(
            body(&req),
            json!({
                "model": "deepseek/deepseek-r1",
                "messages": [
                    {"role":"system","content":"Be brief."},
                    {"role":"user","content":"你好 🎉"},
                    {"role":"assistant","content":"hi"},
                    {"role":"user","content":"again"}
                ],
                "stream": true,
                "stream_options": {"include_usage": true},
                "temperature": 0.7,
                "top_p": 0.9,
                "max_tokens": 256
            })
        );
        // UTF-8 on the wire, not \u escapes.
        assert!(String::from_utf8(build_body(&req))
            .unwrap()
            .contains("你好 🎉"));
    }

    #[test]
    fn unset_params_are_omitted() {
        let req = ChatRequest {
            model: "m".into(),
            messages: vec![ChatMessage::new(Role::User, "q")],
            params: ChatParams {
                system_prompt: Some("  ".into()),
                temperature: Some(f32::NAN),
                ..ChatParams::default()
            },
            stream: false,
        };
        assert_eq!(
            body(&req),
            json!({"model":"m","messages":[{"role":"user","content":"q"}],"stream":false})
        );
    }
}
