//! portico-types: the IPC contract between Portico's Rust core and its UI.
//!
//! Every type here derives `ts_rs::TS`; `export_bindings` writes them, with the command table,
//! to `ui/src/shared/bindings/`. A test fails when the committed bindings are stale.

mod chat;
mod commands;
mod conversation;
mod draft;
mod error;
mod error_reason;
mod events;
mod message;
mod provider;
mod search;

pub use chat::*;
pub use commands::{export_bindings, COMMAND_NAMES};
pub use conversation::*;
pub use draft::*;
pub use error::*;
pub use error_reason::*;
pub use events::*;
pub use message::*;
pub use provider::*;
pub use search::*;
