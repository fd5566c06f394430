//! Gateway profiles: create, edit, keys (keychain only), test the connection, fetch models,
//! and resolve a profile into the endpoint a request is sent to.

mod default;

use std::sync::Arc;
use std::time::Instant;

use portico_gateway::model_kind::kind_from_id;
use portico_gateway::{ApiKey, Endpoint, GatewayClient};
use portico_store::Store;
use portico_types::{
    AppEvent, ConnectionTest, ErrorKind, ErrorReason, IpcError, ModelInfo, ModelKind, Provider,
    ProviderInput, ProviderPreset,
};

use crate::blocking::{db, run};
use crate::key_checks::KeyChecks;
use crate::notify::Notifier;
use crate::presets::{self, OFFLINE_DEMO};
use crate::secrets::Secrets;

#[derive(Clone)]
pub struct ProviderService {
    store: Arc<Store>,
    secrets: Arc<Secrets>,
    gateway: GatewayClient,
    demo_base_url: Option<String>,
    notifier: Arc<dyn Notifier>,
    key_checks: Arc<KeyChecks>,
}

impl ProviderService {
    pub(crate) fn new(
        store: Arc<Store>,
        secrets: Arc<Secrets>,
        gateway: GatewayClient,
        demo_base_url: Option<String>,
        notifier: Arc<dyn Notifier>,
    ) -> Self {
        Self {
            store,
            secrets,
            gateway,
            demo_base_url,
            notifier,
            key_checks: Arc::default(),
        }
    }

    /// Which keys changed since the gateway last accepted them (shared with chat runs).
    pub(crate) fn key_checks(&self) -> Arc<KeyChecks> {
        self.key_checks.clone()
    }

    pub fn presets(&self) -> Vec<ProviderPreset> {
        presets::presets().to_vec()
    }

    pub fn keychain_status(&self) -> portico_types::KeychainStatus {
        self.secrets.status()
    }

    async fn with_key(&self, record: portico_store::ProviderRecord) -> Result<Provider, IpcError> {
        let secrets = self.secrets.clone();
        let id = record.id.clone();
        let key = run(move || Ok(secrets.key_state(&id))).await?;
        Ok(record.into_provider(key, kind_from_id))
    }

    fn changed(&self) {
        self.notifier.notify(AppEvent::ProvidersChanged);
    }

    pub async fn list(&self) -> Result<Vec<Provider>, IpcError> {
        let records = db(&self.store, |s| s.providers().list()).await?;
        let mut out = Vec::with_capacity(records.len());
        for r in records {
            out.push(self.with_key(r).await?);
        }
        Ok(out)
    }

    pub async fn get(&self, id: &str) -> Result<Provider, IpcError> {
        let id = id.to_string();
        let record = db(&self.store, move |s| s.providers().get(&id)).await?;
        self.with_key(record).await
    }

    pub async fn create(&self, input: ProviderInput) -> Result<Provider, IpcError> {
        let input = validate(input)?;
        let offline_demo = input.preset_id == OFFLINE_DEMO;
        let record = db(&self.store, move |s| {
            let record = s.providers().create(&input)?;
            default::adopt_if_first_gateway(s, &record)?;
            Ok(record)
        })
        .await?;
        if offline_demo {
            // The demo is local and instant: fill its model picker right away.
            if let Err(e) = self.fetch_models(record.id.clone()).await {
                tracing::warn!(
                    "the Offline demo's models could not be listed: {}",
                    e.message
                );
            }
            return self.get(&record.id).await;
        }
        self.changed();
        self.with_key(record).await
    }

    pub async fn update(&self, id: String, input: ProviderInput) -> Result<Provider, IpcError> {
        let input = validate(input)?;
        let record = db(&self.store, move |s| s.providers().update(&id, &input)).await?;
        self.changed();
        self.with_key(record).await
    }

    /// Deletes the profile and its key; its conversations stay.
    pub async fn delete(&self, id: String) -> Result<(), IpcError> {
        let secrets = self.secrets.clone();
        let for_key = id.clone();
        db(&self.store, move |s| {
            s.providers().delete(&id)?;
            default::forget_if_default(s, &id)
        })
        .await?;
        // The profile is gone either way; a keychain that refuses leaves an orphan entry only.
        if let Err(e) = run(move || secrets.clear_key(&for_key).map_err(IpcError::from)).await {
            tracing::warn!("key of a deleted provider not removed: {}", e.message);
        }
        self.changed();
        Ok(())
    }

    pub async fn set_key(
        &self,
        id: String,
        key: String,
        session_only: bool,
    ) -> Result<Provider, IpcError> {
        let key = key.trim().to_string();
        if key.is_empty() {
            return Err(IpcError::refused(
                ErrorReason::EmptyKey,
                "The key is empty.",
            ));
        }
        if key.chars().any(|c| c.is_control() || c == ' ') {
            return Err(IpcError::refused(
                ErrorReason::KeyHasSpaces,
                "The key contains spaces or control characters; paste it again.",
            ));
        }
        let provider = self.get(&id).await?; // must exist
        let secrets = self.secrets.clone();
        run(move || {
            secrets
                .set_key(&provider.id, &key, session_only)
                .map_err(IpcError::from)
        })
        .await?;
        self.key_checks.key_changed(&id);
        self.changed();
        self.get(&id).await
    }

    pub async fn clear_key(&self, id: String) -> Result<Provider, IpcError> {
        let secrets = self.secrets.clone();
        let for_key = id.clone();
        run(move || secrets.clear_key(&for_key).map_err(IpcError::from)).await?;
        self.key_checks.key_changed(&id);
        self.changed();
        self.get(&id).await
    }

    /// The endpoint requests for this provider go to, with its key.
    pub async fn endpoint(&self, id: &str) -> Result<Endpoint, IpcError> {
        let id = id.to_string();
        let record = db(&self.store, move |s| s.providers().get(&id)).await?;
        let (base_url, exact) = if record.preset_id == OFFLINE_DEMO {
            let url = self.demo_base_url.clone().ok_or_else(|| {
                IpcError::new(
                    ErrorKind::GatewayDown,
                    "The Offline demo isn't running in this build.",
                )
                .with_reason(ErrorReason::DemoNotRunning)
            })?;
            (url, false)
        } else {
            (record.base_url.clone(), record.exact_base_url)
        };
        let secrets = self.secrets.clone();
        let rid = record.id.clone();
        let key = run(move || secrets.key(&rid).map_err(IpcError::from)).await?;
        let needs_key = record.auth != portico_types::AuthScheme::None;
        if needs_key && key.is_none() {
            return Err(IpcError::new(
                ErrorKind::Auth,
                format!(
                    "No API key is set for “{}”. Add one in Settings → Providers.",
                    record.name
                ),
            )
            .with_reason(ErrorReason::NoKey)
            .with_detail(format!("provider: {}", record.name)));
        }
        Ok(Endpoint {
            base_url,
            exact_base_url: exact,
            auth: record.auth,
            key: key.map(ApiKey::new),
            extra_headers: record.extra_headers,
        })
    }

    /// Fetches the model list and caches it on the profile for the picker. A profile without
    /// a default model gets its first chat model, so a new chat has something to send to.
    pub async fn fetch_models(&self, id: String) -> Result<Vec<ModelInfo>, IpcError> {
        self.list_models(id, false).await
    }

    /// `testing`: a connection test, where a plain 400 most likely means a wrong key.
    async fn list_models(&self, id: String, testing: bool) -> Result<Vec<ModelInfo>, IpcError> {
        let endpoint = self.endpoint(&id).await?;
        let models = match self.gateway.list_models(&endpoint).await {
            Ok(models) => models,
            Err(e) => return Err(self.key_checks.explain(&id, testing, e.into())),
        };
        self.key_checks.key_accepted(&id);
        let cached = models.clone();
        db(&self.store, move |s| {
            let record = s.providers().set_models(&id, &cached)?;
            let first_chat = cached.iter().find(|m| m.kind == ModelKind::Chat);
            if let (None, Some(model)) = (&record.default_model, first_chat) {
                s.providers().set_default_model(&id, Some(&model.id))?;
            }
            Ok(())
        })
        .await?;
        self.changed();
        Ok(models)
    }

    /// "Test connection": can we reach the gateway with this key, and how fast.
    pub async fn test(&self, id: String) -> ConnectionTest {
        let started = Instant::now();
        match self.list_models(id, true).await {
            Ok(models) => ConnectionTest {
                ok: true,
                latency_ms: started.elapsed().as_millis() as u64,
                model_count: models.len() as u32,
                error: None,
            },
            Err(error) => ConnectionTest {
                ok: false,
                latency_ms: started.elapsed().as_millis() as u64,
                model_count: 0,
                error: Some(error),
            },
        }
    }
}

/// Trims and checks what the user typed; a bad URL or header is refused before it is stored.
fn validate(mut input: ProviderInput) -> Result<ProviderInput, IpcError> {
    input.name = input.name.trim().to_string();
    input.base_url = input.base_url.trim().trim_end_matches('/').to_string();
    if input.name.is_empty() {
        return Err(IpcError::refused(
            ErrorReason::EmptyName,
            "Give the provider a name.",
        ));
    }
    let preset = presets::preset(&input.preset_id).ok_or_else(|| {
        IpcError::refused(
            ErrorReason::UnknownPreset,
            format!("Unknown preset “{}”.", input.preset_id),
        )
        .with_detail(format!("preset: {}", input.preset_id))
    })?;
    if preset.offline_demo {
        input.base_url.clear();
        input.auth = portico_types::AuthScheme::None;
    } else if !(input.base_url.starts_with("https://") || input.base_url.starts_with("http://"))
        || input.base_url.len() < "http://x".len()
        || input.base_url.contains(char::is_whitespace)
    {
        return Err(IpcError::refused(
            ErrorReason::InvalidBaseUrl,
            "The base URL must start with https:// (or http:// for a local server).",
        ));
    }
    for h in &mut input.extra_headers {
        h.name = h.name.trim().to_string();
        h.value = h.value.trim().to_string();
        let valid_name = !h.name.is_empty()
            && h.name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !valid_name {
            return Err(IpcError::refused(
                ErrorReason::BadHeaderName,
                format!("“{}” is not a valid header name.", h.name),
            )
            .with_detail(format!("header: {}", h.name)));
        }
        if h.value.chars().any(|c| c.is_control()) {
            return Err(IpcError::refused(
                ErrorReason::BadHeaderValue,
                format!("The value of header “{}” has control characters.", h.name),
            )
            .with_detail(format!("header: {}", h.name)));
        }
        if h.name.eq_ignore_ascii_case("authorization") {
            return Err(IpcError::refused(
                ErrorReason::KeyInHeader,
                "Put the key in the API key field, not in a header: only the keychain may hold it.",
            ));
        }
    }
    input.extra_headers.retain(|h| !h.name.is_empty());
    input.default_model = match input.default_model.as_deref().map(str::trim) {
        Some("") | None => preset.default_model.clone(),
        Some(model) => Some(model.to_string()),
    };
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;
    use portico_types::{AuthScheme, HeaderPair};

    fn input(url: &str) -> ProviderInput {
        ProviderInput {
            name: " My gateway ".into(),
            preset_id: "custom".into(),
            base_url: url.into(),
            exact_base_url: false,
            auth: AuthScheme::Bearer,
            extra_headers: vec![],
            default_model: Some(" ".into()),
        }
    }

    #[test]
    fn validation_trims_and_refuses_bad_input() {
        let ok = validate(input("https://gw.example.com/v1/ ")).unwrap();
        assert_eq!(ok.name, "My gateway");
        assert_eq!(ok.base_url, "https://gw.example.com/v1");
        assert_eq!(ok.default_model, None, "Custom has no default model");
        assert!(validate(input("gw.example.com")).is_err());
        assert!(validate(input("ftp://x")).is_err());
        let mut bad_header = input("https://gw.example.com");
        bad_header.extra_headers = vec![HeaderPair {
            name: "Bad Header".into(),
            value: "v".into(),
        }];
        assert!(validate(bad_header).is_err());
        let mut auth_header = input("https://gw.example.com");
        auth_header.extra_headers = vec![HeaderPair {
            name: "Authorization".into(),
            value: "Bearer x".into(),
        }];
        assert!(validate(auth_header).is_err());
        let mut unknown = input("https://gw.example.com");
        unknown.preset_id = "nope".into();
        assert!(validate(unknown).is_err());
    }
}
