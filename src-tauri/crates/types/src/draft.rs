//! Unsent composer text, kept on disk so a crash loses nothing typed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One saved draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    /// The conversation it belongs to; absent: the new chat, not created yet.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    pub text: String,
    pub updated_at: i64,
}

/// Save the composer's text; empty text removes the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftSaveRequest {
    /// Absent: the new chat.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    pub text: String,
}

/// Move the new chat's draft to the conversation the new chat became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftMoveRequest {
    pub conversation_id: String,
}
