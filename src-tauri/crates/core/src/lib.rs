//! portico-core: the services the app shell calls. No Tauri here: the shell adapts
//! [`ChatSink`] to a Tauri Channel and [`Notifier`] to a window event.

mod blocking;
pub mod chat;
mod conversations;
mod drafts;
mod key_checks;
pub mod notify;
pub mod presets;
mod providers;
pub mod secrets;

use std::path::PathBuf;
use std::sync::Arc;

pub use chat::{ChatService, ChatSink, ChatTuning};
pub use conversations::ConversationService;
pub use drafts::DraftService;
pub use notify::{Notifier, NullNotifier};
use portico_gateway::GatewayClient;
use portico_store::Store;
use portico_types::{AppInfo, IpcError};
pub use providers::ProviderService;
use secrets::{SecretStore, Secrets};

/// What the shell decides when it builds the core.
pub struct CoreConfig {
    /// Where the database lives (created if missing).
    pub data_dir: PathBuf,
    /// Base URL of the built-in simulator that serves the Offline demo provider.
    pub demo_base_url: Option<String>,
    pub secret_store: Arc<dyn SecretStore>,
    pub notifier: Arc<dyn Notifier>,
    pub gateway: GatewayClient,
    pub tuning: ChatTuning,
}

/// Every service, sharing one store, one HTTP client and one secrets cache.
pub struct Core {
    pub providers: ProviderService,
    pub conversations: ConversationService,
    pub chat: ChatService,
    pub drafts: DraftService,
    store: Arc<Store>,
    secrets: Arc<Secrets>,
    data_dir: PathBuf,
}

impl Core {
    /// Opens (or creates and migrates) the database, and turns replies left streaming by a
    /// crash into `interrupted` ones, their checkpointed text kept.
    pub fn open(config: CoreConfig) -> Result<Core, IpcError> {
        std::fs::create_dir_all(&config.data_dir).map_err(|e| {
            IpcError::new(
                portico_types::ErrorKind::Storage,
                "Portico can't create its data folder.",
            )
            .with_reason(portico_types::ErrorReason::DataFolderUnavailable)
            .with_detail(format!("{}: {e}", config.data_dir.display()))
        })?;
        let store = Arc::new(Store::open(config.data_dir.join("portico.db"))?);
        let interrupted = store.messages().mark_interrupted_at_startup()?;
        if interrupted > 0 {
            tracing::info!("{interrupted} replies were interrupted by the last exit");
        }
        let secrets = Arc::new(Secrets::new(config.secret_store));
        // Probe the keychain now, beside start-up: on Linux the first call may have D-Bus
        // start the Secret Service, and the first screen would otherwise wait for it.
        let probe = secrets.clone();
        let _ = std::thread::Builder::new()
            .name("keychain-probe".into())
            .spawn(move || probe.status());
        let providers = ProviderService::new(
            store.clone(),
            secrets.clone(),
            config.gateway.clone(),
            config.demo_base_url,
            config.notifier.clone(),
        );
        let conversations = ConversationService::new(store.clone(), config.notifier.clone());
        let chat = ChatService::new(
            store.clone(),
            providers.clone(),
            config.gateway,
            config.notifier,
            config.tuning,
        );
        let drafts = DraftService::new(store.clone());
        Ok(Core {
            providers,
            conversations,
            chat,
            drafts,
            store,
            secrets,
            data_dir: config.data_dir,
        })
    }

    pub async fn app_info(&self) -> Result<AppInfo, IpcError> {
        let secrets = self.secrets.clone();
        let keychain = tokio::task::spawn_blocking(move || secrets.status())
            .await
            .map_err(|e| IpcError::internal(e.to_string()))?;
        let count = blocking::db(&self.store, |s| s.providers().count()).await?;
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir: self.data_dir.display().to_string(),
            keychain,
            first_run: count == 0,
        })
    }

    pub fn store(&self) -> &Arc<Store> {
        &self.store
    }
}
