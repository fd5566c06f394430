//! portico-sim: a local imitation of an OpenAI-compatible AI gateway, faithful
//! enough to test a client against (PROTOCOLS.md sections 1, 2 and 10).
//!
//! It serves `GET models` and `POST chat/completions` under every base spelling
//! (`/v1`, `/openai/v1`, `/openai`, none), checks keys, and injects faults by
//! scenario: per request with the `x-sim-scenario` header (comma-separated to
//! combine), or by default with [`SimHandle::set_scenario`] or
//! `POST /__sim/scenario`. Replies are a pure function of the last user message.
//!
//! It deliberately depends on no other portico crate, so a protocol bug cannot
//! hide in code shared with the client.

mod admin;
mod auth;
mod body;
mod chat;
mod chunks;
mod completion;
mod config;
mod errors;
mod faults;
mod models;
mod record;
mod reply;
mod router;
mod scenario;
mod server;
mod sse;
mod stream;
mod text;
mod tools;

pub use config::SimConfig;
pub use record::RecordedRequest;
pub use scenario::SCENARIOS;
pub use server::{start, start_on, SimHandle};

/// Model ids served by `GET models`.
pub fn model_ids() -> Vec<&'static str> {
    models::MODELS.iter().map(|m| m.id).collect()
}

/// The reference word a reply to `prompt` contains (`ref` + 6 letters), so a
/// test can find the reply without hard-coding it. `sim:` directives are ignored.
pub fn reference_word(prompt: &str) -> String {
    reply::Prompt::parse(prompt).reference()
}
