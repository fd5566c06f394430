//! App-wide notifications, emitted as one Tauri event (not per-request streams, which use Channels).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The name of the Tauri event that carries [`AppEvent`]s.
pub const APP_EVENT: &str = "portico://app-event";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "type")]
pub enum AppEvent {
    /// Rows of these conversations changed (title, order, messages): refetch them.
    #[serde(rename_all = "camelCase")]
    ConversationsChanged { ids: Vec<String> },
    /// Providers or their keys changed.
    ProvidersChanged,
}

/// A request that names one thing by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdRequest {
    pub id: String,
}

/// Reattach a window to a run still streaming (after a reload).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttachRequest {
    pub run_id: String,
}

/// Facts about the running app for the About and first-run screens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    pub keychain: crate::KeychainStatus,
    /// No provider exists yet: show the first-run screen.
    pub first_run: bool,
}
