//! The default provider: the one new chats start with, with its default model. Stored as the
//! app setting `defaultProviderId`; when it is unset or names a deleted provider, the oldest
//! gateway is the default, else the Offline demo.

use portico_store::{ProviderRecord, Store, StoreError};
use portico_types::{DefaultProvider, IpcError};

use super::ProviderService;
use crate::blocking::db;
use crate::presets::OFFLINE_DEMO;

pub(crate) const SETTING: &str = "defaultProviderId";

/// The default among `providers` (oldest first), given the stored setting.
fn resolve<'a>(
    stored: Option<&str>,
    providers: &'a [ProviderRecord],
) -> Option<&'a ProviderRecord> {
    stored
        .and_then(|id| providers.iter().find(|p| p.id == id))
        .or_else(|| providers.iter().find(|p| p.preset_id != OFFLINE_DEMO))
        .or_else(|| providers.first())
}

fn resolved_id(store: &Store) -> Result<Option<String>, StoreError> {
    let stored: Option<String> = store.settings().get(SETTING)?;
    let providers = store.providers().list()?;
    Ok(resolve(stored.as_deref(), &providers).map(|p| p.id.clone()))
}

/// After `added` was created: a gateway becomes the default when there was none but the
/// Offline demo (or none at all). The demo never takes the place of a gateway.
pub(crate) fn adopt_if_first_gateway(
    store: &Store,
    added: &ProviderRecord,
) -> Result<(), StoreError> {
    if added.preset_id == OFFLINE_DEMO {
        return Ok(());
    }
    let stored: Option<String> = store.settings().get(SETTING)?;
    let providers = store.providers().list()?;
    let others: Vec<ProviderRecord> = providers.into_iter().filter(|p| p.id != added.id).collect();
    let current = resolve(stored.as_deref(), &others);
    if current.is_none_or(|p| p.preset_id == OFFLINE_DEMO) {
        store.settings().set(SETTING, &added.id)?;
    }
    Ok(())
}

/// After `deleted` was removed: forget it as the default, so the oldest remaining gateway
/// (else the demo) takes its place.
pub(crate) fn forget_if_default(store: &Store, deleted: &str) -> Result<(), StoreError> {
    let stored: Option<String> = store.settings().get(SETTING)?;
    if stored.as_deref() == Some(deleted) {
        store.settings().remove(SETTING)?;
    }
    Ok(())
}

impl ProviderService {
    /// The provider new chats start with (`None` only when there are no providers).
    pub async fn default_provider(&self) -> Result<DefaultProvider, IpcError> {
        let provider_id = db(&self.store, resolved_id).await?;
        Ok(DefaultProvider { provider_id })
    }

    /// Make `id` the default for new chats and, when given, set its default model.
    pub async fn set_default_provider(
        &self,
        id: String,
        model: Option<String>,
    ) -> Result<DefaultProvider, IpcError> {
        let model = model.map(|m| m.trim().to_string());
        if model.as_deref() == Some("") {
            return Err(IpcError::invalid(
                "Choose a model for the default provider.",
            ));
        }
        let provider_id = db(&self.store, move |s| {
            s.providers().get(&id)?; // must exist
            if let Some(model) = &model {
                s.providers().set_default_model(&id, Some(model))?;
            }
            s.settings().set(SETTING, &id)?;
            resolved_id(s)
        })
        .await?;
        self.changed();
        Ok(DefaultProvider { provider_id })
    }
}
