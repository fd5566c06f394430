//! portico-gateway: talks to AI gateways over HTTP.
//!
//! - [`GatewayClient`] sends requests (one reqwest client, three timeouts, cancellation, retries
//!   for idempotent calls only): [`GatewayClient::stream_chat`] and [`GatewayClient::list_models`].
//! - [`sse::SseDecoder`] turns bytes into events; [`openai_chat`] maps OpenAI chat chunks and
//!   responses to protocol-neutral [`StreamEvent`]s.
//! - [`GatewayError`] says what went wrong in words a user can act on, converts to
//!   `portico_types::IpcError`, and never carries a key ([`redact`], [`ApiKey`]).

pub mod chat;
mod chat_stream;
mod client;
pub mod error;
mod error_map;
mod error_page;
mod http;
pub mod model_kind;
pub mod models;
pub mod openai_chat;
pub mod redact;
pub mod retry;
pub mod sse;

pub use chat::{ChatMessage, ChatRequest, StreamEvent, ToolCall, ToolCallAccumulator};
pub use chat_stream::ChatStream;
pub use client::{GatewayClient, Timeouts};
pub use error::GatewayError;
pub use http::{join_url, Endpoint};
pub use redact::{redact, ApiKey};
pub use retry::RetryPolicy;
