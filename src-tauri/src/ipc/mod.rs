//! Tauri adapters for the core's outputs: a Channel per run, one batched app-wide event.

mod channel_sink;
mod notifier;

pub use channel_sink::ChannelSink;
pub use notifier::BatchedNotifier;
