use portico_types::{Draft, DraftMoveRequest, DraftSaveRequest, IpcError};
use tauri::State;

use crate::state::AppServices;

#[tauri::command]
pub async fn draft_list(state: State<'_, AppServices>) -> Result<Vec<Draft>, IpcError> {
    state.core.drafts.list().await
}

#[tauri::command]
pub async fn draft_save(
    state: State<'_, AppServices>,
    req: DraftSaveRequest,
) -> Result<(), IpcError> {
    state.core.drafts.save(req.conversation_id, req.text).await
}

#[tauri::command]
pub async fn draft_move(
    state: State<'_, AppServices>,
    req: DraftMoveRequest,
) -> Result<(), IpcError> {
    state
        .core
        .drafts
        .move_new_chat_to(req.conversation_id)
        .await
}
