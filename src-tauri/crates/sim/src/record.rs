//! What the simulator remembers about each request, so tests can assert on
//! exactly what a client sent (URL spelling, auth header, body).

use serde::{Deserialize, Serialize};

/// One request as received, before any scenario or key check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedRequest {
    pub method: String,
    /// Path as sent, including any `/v1` or `/openai` prefix.
    pub path: String,
    pub query: Option<String>,
    /// Header names are lowercase; values that are not UTF-8 are converted lossily.
    pub headers: Vec<(String, String)>,
    /// Body as UTF-8 (lossy for binary bodies).
    pub body: String,
}

impl RecordedRequest {
    /// First value of a header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON, if it is JSON.
    pub fn body_json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.body).ok()
    }
}
