//! Global full-text search over message text and conversation titles.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Marks a match inside `SearchHit::snippet`: text between START and END matched.
/// Private-use characters, so they can never come from a gateway or be mistaken for markup.
pub const HIGHLIGHT_START: char = '\u{E000}';
pub const HIGHLIGHT_END: char = '\u{E001}';

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchRequest {
    pub query: String,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub conversation_id: String,
    pub conversation_title: String,
    /// Absent when the title matched.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// Text around the match, matches wrapped in U+E000 ... U+E001.
    pub snippet: String,
    pub created_at: i64,
    /// For a message: at each fork from the first message down to it, which alternative its
    /// branch takes, so the same text found in two branches reads as two different hits. Empty
    /// (absent) for titles and for messages with no alternative at or above them.
    #[ts(optional, as = "Option<Vec<BranchPosition>>")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forks: Vec<BranchPosition>,
}

/// At a message with siblings (a regenerated reply, an edited question), the branch taken is the
/// `index`-th (from 1, oldest first) of `count`: the "2/3" the thread's arrows show there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BranchPosition {
    pub index: u32,
    pub count: u32,
}
