use portico_types::{
    ConnectionTest, IdRequest, IpcError, ModelInfo, Provider, ProviderInput, ProviderPreset,
    ProviderUpdate, SetKeyRequest,
};
use tauri::State;

use crate::state::AppServices;

#[tauri::command]
pub async fn provider_presets(
    state: State<'_, AppServices>,
) -> Result<Vec<ProviderPreset>, IpcError> {
    Ok(state.core.providers.presets())
}

#[tauri::command]
pub async fn provider_list(state: State<'_, AppServices>) -> Result<Vec<Provider>, IpcError> {
    state.core.providers.list().await
}

#[tauri::command]
pub async fn provider_create(
    state: State<'_, AppServices>,
    req: ProviderInput,
) -> Result<Provider, IpcError> {
    state.core.providers.create(req).await
}

#[tauri::command]
pub async fn provider_update(
    state: State<'_, AppServices>,
    req: ProviderUpdate,
) -> Result<Provider, IpcError> {
    state.core.providers.update(req.id, req.input).await
}

#[tauri::command]
pub async fn provider_delete(
    state: State<'_, AppServices>,
    req: IdRequest,
) -> Result<(), IpcError> {
    state.core.providers.delete(req.id).await
}

#[tauri::command]
pub async fn provider_set_key(
    state: State<'_, AppServices>,
    req: SetKeyRequest,
) -> Result<Provider, IpcError> {
    state
        .core
        .providers
        .set_key(req.provider_id, req.key, req.session_only)
        .await
}

#[tauri::command]
pub async fn provider_clear_key(
    state: State<'_, AppServices>,
    req: IdRequest,
) -> Result<Provider, IpcError> {
    state.core.providers.clear_key(req.id).await
}

#[tauri::command]
pub async fn provider_test(
    state: State<'_, AppServices>,
    req: IdRequest,
) -> Result<ConnectionTest, IpcError> {
    Ok(state.core.providers.test(req.id).await)
}

#[tauri::command]
pub async fn provider_fetch_models(
    state: State<'_, AppServices>,
    req: IdRequest,
) -> Result<Vec<ModelInfo>, IpcError> {
    state.core.providers.fetch_models(req.id).await
}
