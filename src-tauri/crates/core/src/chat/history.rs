//! Turns the stored branch into the messages a request carries.

use portico_gateway::{ChatMessage, ChatRequest};
use portico_types::{ChatParams, Message, MessageStatus, Role};

/// The request for a reply after `path` (root first). The system prompt goes first; empty
/// messages and failed replies with no text are left out (gateways refuse empty turns).
pub fn build_request(model: &str, params: &ChatParams, path: &[Message]) -> ChatRequest {
    let messages = path
        .iter()
        .filter(|m| !m.text.trim().is_empty())
        .filter(|m| {
            !(m.role == Role::Assistant && m.status == MessageStatus::Error && m.text.is_empty())
        })
        .map(|m| ChatMessage {
            role: m.role,
            text: m.text.clone(),
        })
        .collect();
    ChatRequest {
        model: model.to_string(),
        messages,
        params: params.clone(),
        stream: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(role: Role, text: &str, status: MessageStatus) -> Message {
        Message {
            id: text.into(),
            conversation_id: "c".into(),
            parent_id: None,
            role,
            text: text.into(),
            reasoning: Some("hidden thoughts".into()),
            status,
            error: None,
            provider_id: None,
            model: None,
            usage: None,
            timings: None,
            finish_reason: None,
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn keeps_turns_in_order_and_drops_empty_ones_and_reasoning() {
        let path = vec![
            msg(Role::User, "hello", MessageStatus::Complete),
            msg(Role::Assistant, "", MessageStatus::Error),
            msg(Role::Assistant, "partial answer", MessageStatus::Canceled),
            msg(Role::User, "go on", MessageStatus::Complete),
        ];
        let req = build_request("m", &ChatParams::default(), &path);
        let texts: Vec<_> = req.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["hello", "partial answer", "go on"]);
        assert!(req
            .messages
            .iter()
            .all(|m| !m.text.contains("hidden thoughts")));
        assert!(req.stream);
    }
}
