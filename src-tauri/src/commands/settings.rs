use portico_types::{DefaultProvider, IpcError, SetDefaultProvider};
use tauri::State;

use crate::state::AppServices;

#[tauri::command]
pub async fn default_provider_get(
    state: State<'_, AppServices>,
) -> Result<DefaultProvider, IpcError> {
    state.core.providers.default_provider().await
}

#[tauri::command]
pub async fn default_provider_set(
    state: State<'_, AppServices>,
    req: SetDefaultProvider,
) -> Result<DefaultProvider, IpcError> {
    state
        .core
        .providers
        .set_default_provider(req.provider_id, req.model)
        .await
}
