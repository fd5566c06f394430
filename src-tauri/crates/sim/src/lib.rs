//! portico-sim: a local imitation of an OpenAI-compatible AI gateway, faithful
//! enough to test a client against (PROTOCOLS.md sections 1, 2 and 10). It
//! deliberately depends on no other portico crate, so a protocol bug cannot
//! hide in code shared with the client.
//!
//! # Routes
//! Every base spelling is served: `/v1/...`, `/openai/v1/...`, `/openai/...`, `/...`.
//! - `GET models`, `GET models/{id}`: OpenAI list shape; see [`model_ids`].
//! - `POST chat/completions`: stream and not, reasoning, tool calls, usage.
//! - `/__sim/scenario` (POST `{"scenario":"name"}`, GET), `/__sim/scenarios`,
//!   `/__sim/requests` (GET, DELETE), `/__sim/reset` (POST): no key, not recorded.
//!
//! # Controls
//! - Header `x-sim-scenario: name[,name...]` picks the scenario(s) for one
//!   request, else the default ([`SimHandle::set_scenario`]). Unknown names get
//!   a 400 with code `unknown_scenario`. See [`SCENARIOS`].
//! - Header `x-sim-fail-times: N` (default 1): `retry_after_*` and `flaky_500`
//!   fail N times, then succeed once, then start over (counted per scenario
//!   string; `set_scenario` and `/__sim/reset` restart the counts).
//! - Header `x-sim-retry-after: N`: the advertised delay (seconds, or ms for
//!   `retry_after_ms`; default 1 s, 200 ms, and now + 2 s for the date form).
//! - Header `x-sim-first-byte-ms` (`slow_first_byte`, default 2000) and
//!   `x-sim-keepalive-ms` (`keepalive_long`, default 2000).
//! - In the last user message: `sim:words=N` (reply length in words, max
//!   200000), `sim:delay=MS` (per-chunk delay), `sim:reasoning=N` (reasoning
//!   words). Directives are removed before the reply is derived.
//! - `sim:hostile=NAME` in the last user message: the reply is one of the
//!   hostile texts in [`HOSTILE_REPLIES`] (megabytes on one line, nesting
//!   thousands deep, raw HTML and `javascript:` links...), streamed in at most
//!   about 400 irregular pieces; an unknown name gets a 400. Payloads that run
//!   set `window.__porticoHostile` ([`HOSTILE_MARKER`]).
//!
//! # Replies
//! A pure function of the last user message: the same prompt gives the same
//! text, streamed or not, on any model. Markdown with a quote of the prompt, a
//! reference word ([`reference_word`]), paragraphs, a code block, a table and
//! `$E = mc^2$`; Chinese prompts get Chinese text. Token counts are word
//! counts (a CJK character is a word); `max_tokens`/`max_completion_tokens`
//! cut reasoning first, then content, with `finish_reason: "length"`.
//! Chunk ids (`chatcmpl-sim...`) are unique per request; `created` is real time.

mod admin;
mod auth;
mod body;
mod chat;
mod chunks;
mod completion;
mod config;
mod errors;
mod faults;
mod hostile;
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
pub use hostile::{reply_text as hostile_reply, HOSTILE_REPLIES, MARKER as HOSTILE_MARKER};
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
