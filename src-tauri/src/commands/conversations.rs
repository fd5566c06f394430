use portico_types::{
    Conversation, ConversationListRequest, ConversationPage, ConversationSettings, IdRequest,
    IpcError, NewConversation, PinRequest, RenameRequest, SearchHit, SearchRequest,
    SwitchBranchRequest, ThreadPage, ThreadPageRequest,
};
use tauri::State;

use crate::state::AppServices;

#[tauri::command]
pub async fn conversation_list(
    state: State<'_, AppServices>,
    req: ConversationListRequest,
) -> Result<ConversationPage, IpcError> {
    state.core.conversations.list(req.cursor, req.limit).await
}

#[tauri::command]
pub async fn conversation_get(
    state: State<'_, AppServices>,
    req: IdRequest,
) -> Result<Conversation, IpcError> {
    state.core.conversations.get(req.id).await
}

#[tauri::command]
pub async fn conversation_create(
    state: State<'_, AppServices>,
    req: NewConversation,
) -> Result<Conversation, IpcError> {
    state.core.conversations.create(req).await
}

#[tauri::command]
pub async fn conversation_rename(
    state: State<'_, AppServices>,
    req: RenameRequest,
) -> Result<Conversation, IpcError> {
    state.core.conversations.rename(req.id, req.title).await
}

#[tauri::command]
pub async fn conversation_pin(
    state: State<'_, AppServices>,
    req: PinRequest,
) -> Result<Conversation, IpcError> {
    state.core.conversations.pin(req.id, req.pinned).await
}

#[tauri::command]
pub async fn conversation_update_settings(
    state: State<'_, AppServices>,
    req: ConversationSettings,
) -> Result<Conversation, IpcError> {
    state.core.conversations.update_settings(req).await
}

#[tauri::command]
pub async fn conversation_delete(
    state: State<'_, AppServices>,
    req: IdRequest,
) -> Result<(), IpcError> {
    state.core.conversations.delete(req.id).await
}

#[tauri::command]
pub async fn search(
    state: State<'_, AppServices>,
    req: SearchRequest,
) -> Result<Vec<SearchHit>, IpcError> {
    state.core.conversations.search(req.query, req.limit).await
}

#[tauri::command]
pub async fn thread_page(
    state: State<'_, AppServices>,
    req: ThreadPageRequest,
) -> Result<ThreadPage, IpcError> {
    state
        .core
        .conversations
        .thread_page(req.conversation_id, req.before_id, req.limit)
        .await
}

#[tauri::command]
pub async fn message_switch_branch(
    state: State<'_, AppServices>,
    req: SwitchBranchRequest,
) -> Result<Conversation, IpcError> {
    state.core.conversations.switch_branch(req.message_id).await
}

#[tauri::command]
pub async fn message_delete(
    state: State<'_, AppServices>,
    req: IdRequest,
) -> Result<Conversation, IpcError> {
    state.core.conversations.delete_message(req.id).await
}
