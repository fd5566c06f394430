//! How a simulator instance behaves before any scenario is applied.

use std::time::Duration;

/// Settings fixed for the lifetime of one simulator.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// `None`: accept any key or none (Offline demo). `Some(k)`: require
    /// `Authorization: Bearer k`; the raw key without `Bearer ` is accepted too,
    /// because Nexconn's docs show it that way.
    pub required_key: Option<String>,
    /// Pause between streamed chunks (0 for tests; the Offline demo uses ~25 ms).
    pub chunk_delay: Duration,
    /// Words per streamed content chunk (a "word" includes its trailing space).
    pub words_per_chunk: usize,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            required_key: None,
            chunk_delay: Duration::ZERO,
            words_per_chunk: 1,
        }
    }
}
