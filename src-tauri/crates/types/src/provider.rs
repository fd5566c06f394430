//! Gateway profiles, the presets they start from, their models and the keychain's state.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::IpcError;

/// How the key is sent to the gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AuthScheme {
    /// `Authorization: Bearer <key>` (OpenAI and almost every gateway).
    Bearer,
    /// `api-key: <key>` (Azure style).
    ApiKeyHeader,
    /// No key at all (the Offline demo, a local server).
    None,
}

/// One extra HTTP header sent with every request to a provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeaderPair {
    pub name: String,
    pub value: String,
}

/// A provider template: bundled data, one row per gateway, never a class per vendor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderPreset {
    pub id: String,
    pub name: String,
    /// Empty for Custom; resolved at run time for the Offline demo.
    pub base_url: String,
    pub auth: AuthScheme,
    /// Use the base URL as given instead of adding `/v1`.
    pub exact_base_url: bool,
    pub needs_key: bool,
    /// The model new conversations use until the user picks another.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_model: Option<String>,
    /// Where the user gets a key; shown beside the key field.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_url: Option<String>,
    pub offline_demo: bool,
}

/// A gateway profile as stored (the key is in the keychain, not here).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub preset_id: String,
    pub base_url: String,
    pub exact_base_url: bool,
    pub auth: AuthScheme,
    pub extra_headers: Vec<HeaderPair>,
    /// The model new conversations start with.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_model: Option<String>,
    /// The models fetched from the gateway, cached for the picker.
    pub models: Vec<ModelInfo>,
    pub key: KeyState,
    pub created_at: i64,
    pub updated_at: i64,
}

/// What the UI may know of a stored key: whether it exists and its last four characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeyState {
    pub is_set: bool,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_four: Option<String>,
    /// The key lives only in memory for this session (no keychain answered).
    pub session_only: bool,
}

/// What the user edits when adding or changing a provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderInput {
    pub name: String,
    pub preset_id: String,
    pub base_url: String,
    pub exact_base_url: bool,
    pub auth: AuthScheme,
    pub extra_headers: Vec<HeaderPair>,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_model: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderUpdate {
    pub id: String,
    pub input: ProviderInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetKeyRequest {
    pub provider_id: String,
    pub key: String,
    /// Keep the key in memory only, for this session (when no keychain answers).
    pub session_only: bool,
}

/// What a model does, as far as the gateway's list and the id tell. The chat picker lists
/// `chat` models first and marks the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ModelKind {
    Chat,
    Embedding,
    Image,
    Video,
    /// Speech, transcription and music.
    Audio,
    Rerank,
    Moderation,
    /// Anything else the gateway lists (completions-only, tasks Portico does not know).
    Other,
}

/// A model offered by a gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModelInfo {
    pub id: String,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owned_by: Option<String>,
    pub kind: ModelKind,
}

/// The provider (and through its default model, the model) new chats start with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DefaultProvider {
    /// `None` only when there is no provider at all.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_id: Option<String>,
}

/// Make a provider the default for new chats, and optionally set its default model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetDefaultProvider {
    pub provider_id: String,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
}

/// The result of "Test connection": reached or not, how fast, how many models.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionTest {
    pub ok: bool,
    #[ts(type = "number")]
    pub latency_ms: u64,
    pub model_count: u32,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<IpcError>,
}

/// Whether an OS keychain answers on this machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeychainStatus {
    pub available: bool,
    /// "Secret Service", "macOS Keychain", "Windows Credential Manager", ...
    pub backend: String,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}
