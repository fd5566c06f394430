//! Sending, streaming and stopping a chat reply.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ChatParams, IpcError, Message, Usage};

/// Send a user message and stream the assistant's reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChatSendRequest {
    /// Absent: start a new conversation with this message.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// The message this one answers; absent: after the active branch's last message.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// Edit and resend: a new branch beside this user message (same parent, even the root).
    /// Takes precedence over `parent_id`.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit_of: Option<String>,
    pub text: String,
    pub provider_id: String,
    pub model: String,
    pub params: ChatParams,
}

/// What `chat_send`, `chat_regenerate` and `chat_continue` return at once, before any token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChatRunStarted {
    pub run_id: String,
    pub conversation_id: String,
    /// The user message written (absent for regenerate and continue).
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_message_id: Option<String>,
    pub assistant_message_id: String,
}

/// Answer again: a new sibling of this assistant message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegenerateRequest {
    pub message_id: String,
    /// Use another provider or model for the new answer; absent: the conversation's.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_id: Option<String>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
}

/// Continue a reply that was interrupted, canceled or cut, appending to its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContinueRequest {
    pub message_id: String,
}

/// Events of one run, in order, over a Tauri Channel. Deltas are coalesced (~40 ms).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "event", content = "data")]
pub enum ChatStreamEvent {
    /// The request was sent and the first byte arrived.
    #[serde(rename_all = "camelCase")]
    Opened { message_id: String },
    /// Everything written so far; sent first to a window that reattaches to a running reply.
    #[serde(rename_all = "camelCase")]
    Snapshot {
        message_id: String,
        text: String,
        reasoning: String,
    },
    /// Text and reasoning appended since the last delta.
    #[serde(rename_all = "camelCase")]
    Delta {
        message_id: String,
        text: String,
        reasoning: String,
    },
    #[serde(rename_all = "camelCase")]
    Usage { message_id: String, usage: Usage },
    /// The final, persisted message: complete, error or canceled.
    #[serde(rename_all = "camelCase")]
    Finished { message: Box<Message> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CancelRequest {
    pub run_id: String,
}

/// Runs still streaming, so a reloaded window can reattach its spinners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActiveRun {
    pub run_id: String,
    pub conversation_id: String,
    pub message_id: String,
}

/// The error half of a finished message, for UIs that only need the failure.
pub type RunError = IpcError;
