use portico_core::ChatSink;
use portico_types::ChatStreamEvent;
use tauri::ipc::Channel;

/// A run's events over the Channel the window passed to `chat_send`.
pub struct ChannelSink(pub Channel<ChatStreamEvent>);

impl ChatSink for ChannelSink {
    fn send(&self, event: ChatStreamEvent) -> bool {
        // Fails once the window that made the channel is gone (reloaded or closed).
        self.0.send(event).is_ok()
    }
}
