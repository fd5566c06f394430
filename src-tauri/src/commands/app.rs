use portico_types::{AppInfo, IpcError, KeychainStatus};
use tauri::State;

use crate::state::AppServices;

#[tauri::command]
pub async fn app_info(state: State<'_, AppServices>) -> Result<AppInfo, IpcError> {
    state.core.app_info().await
}

#[tauri::command]
pub async fn keychain_status(state: State<'_, AppServices>) -> Result<KeychainStatus, IpcError> {
    Ok(state.core.providers.keychain_status())
}
