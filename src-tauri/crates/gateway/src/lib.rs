//! portico-gateway: talks to AI gateways over HTTP.
pub mod chat;
pub mod error;
mod error_map;
pub mod openai_chat;
pub mod redact;
pub mod sse;

pub use chat::{ChatMessage, ChatRequest, StreamEvent, ToolCall, ToolCallAccumulator};
pub use error::GatewayError;
pub use redact::{redact, ApiKey};
