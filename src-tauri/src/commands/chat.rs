use std::sync::Arc;

use portico_types::{
    ActiveRun, AttachRequest, CancelRequest, ChatRunStarted, ChatSendRequest, ChatStreamEvent,
    ContinueRequest, IpcError, RegenerateRequest,
};
use tauri::ipc::Channel;
use tauri::State;

use crate::ipc::ChannelSink;
use crate::state::AppServices;

#[tauri::command]
pub async fn chat_send(
    state: State<'_, AppServices>,
    req: ChatSendRequest,
    on_event: Channel<ChatStreamEvent>,
) -> Result<ChatRunStarted, IpcError> {
    state
        .core
        .chat
        .send(req, Arc::new(ChannelSink(on_event)))
        .await
}

#[tauri::command]
pub async fn chat_regenerate(
    state: State<'_, AppServices>,
    req: RegenerateRequest,
    on_event: Channel<ChatStreamEvent>,
) -> Result<ChatRunStarted, IpcError> {
    state
        .core
        .chat
        .regenerate(req, Arc::new(ChannelSink(on_event)))
        .await
}

#[tauri::command]
pub async fn chat_continue(
    state: State<'_, AppServices>,
    req: ContinueRequest,
    on_event: Channel<ChatStreamEvent>,
) -> Result<ChatRunStarted, IpcError> {
    state
        .core
        .chat
        .continue_reply(req, Arc::new(ChannelSink(on_event)))
        .await
}

#[tauri::command]
pub async fn chat_attach(
    state: State<'_, AppServices>,
    req: AttachRequest,
    on_event: Channel<ChatStreamEvent>,
) -> Result<bool, IpcError> {
    Ok(state
        .core
        .chat
        .attach(&req.run_id, Arc::new(ChannelSink(on_event))))
}

#[tauri::command]
pub async fn chat_cancel(
    state: State<'_, AppServices>,
    req: CancelRequest,
) -> Result<(), IpcError> {
    state.core.chat.cancel(&req.run_id);
    Ok(())
}

#[tauri::command]
pub async fn chat_active_runs(state: State<'_, AppServices>) -> Result<Vec<ActiveRun>, IpcError> {
    Ok(state.core.chat.active_runs())
}
