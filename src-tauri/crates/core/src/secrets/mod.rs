//! API keys: in the OS keychain and nowhere else. Where no keychain answers, a key may be
//! kept in memory for this session only, and the UI says so; there is no plain-text fallback.

mod keychain;
mod memory;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

pub use keychain::OsKeychain;
pub use memory::MemoryStore;
use portico_types::{ErrorKind, ErrorReason, IpcError, KeyState, KeychainStatus};

/// Why the keychain refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretError {
    /// No keychain is reachable (no Secret Service on this desktop, locked, access denied).
    Unavailable(String),
    /// The keychain answered with a failure.
    Failed(String),
}

impl From<SecretError> for IpcError {
    fn from(e: SecretError) -> Self {
        match e {
            SecretError::Unavailable(why) => IpcError::new(
                ErrorKind::Keychain,
                "No system keychain is available, so the key can't be stored. You can keep it for this session only.",
            )
            .with_reason(ErrorReason::KeychainUnavailable)
            .with_detail(why),
            SecretError::Failed(why) => {
                IpcError::new(ErrorKind::Keychain, "The system keychain refused the request.")
                    .with_reason(ErrorReason::KeychainRefused)
                    .with_detail(why)
            }
        }
    }
}

/// Somewhere keys can live. Implemented by the OS keychain and, for tests, by memory.
pub trait SecretStore: Send + Sync {
    /// A name for people: "Secret Service", "macOS Keychain", ...
    fn backend_name(&self) -> String;
    /// Whether the store answers at all (a read of an entry that need not exist).
    fn probe(&self) -> Result<(), SecretError>;
    fn get(&self, account: &str) -> Result<Option<String>, SecretError>;
    fn set(&self, account: &str, secret: &str) -> Result<(), SecretError>;
    fn delete(&self, account: &str) -> Result<(), SecretError>;
}

/// The app's view of keys: the store, session-only keys, and a cache so that listing
/// providers does not ask the keychain every time. Keys are looked up by provider id.
pub struct Secrets {
    store: Arc<dyn SecretStore>,
    status: OnceLock<KeychainStatus>,
    /// provider id -> (key, session only). Filled on first use; the keychain stays the truth.
    cache: Mutex<HashMap<String, Option<(String, bool)>>>,
}

impl Secrets {
    pub fn new(store: Arc<dyn SecretStore>) -> Self {
        Self {
            store,
            status: OnceLock::new(),
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// Whether a keychain answers; probed once per launch.
    pub fn status(&self) -> KeychainStatus {
        self.status
            .get_or_init(|| {
                let backend = self.store.backend_name();
                match self.store.probe() {
                    Ok(()) => KeychainStatus {
                        available: true,
                        backend,
                        error: None,
                    },
                    Err(SecretError::Unavailable(e) | SecretError::Failed(e)) => {
                        tracing::warn!("keychain unavailable: {e}");
                        KeychainStatus {
                            available: false,
                            backend,
                            error: Some(e),
                        }
                    }
                }
            })
            .clone()
    }

    /// The key for a provider, if any (session-only keys included).
    pub fn key(&self, provider_id: &str) -> Result<Option<String>, SecretError> {
        if let Some(hit) = self.cache.lock().unwrap().get(provider_id) {
            return Ok(hit.as_ref().map(|(k, _)| k.clone()));
        }
        let found = if self.status().available {
            self.store.get(provider_id)?
        } else {
            None
        };
        // A set or clear that landed while the keychain was read is newer: keep it.
        let mut cache = self.cache.lock().unwrap();
        let entry = cache
            .entry(provider_id.to_string())
            .or_insert(found.map(|k| (k, false)));
        Ok(entry.as_ref().map(|(k, _)| k.clone()))
    }

    /// What the UI may see of a provider's key. Errors read as "no key".
    pub fn key_state(&self, provider_id: &str) -> KeyState {
        let key = self.key(provider_id).ok().flatten();
        let session_only = matches!(
            self.cache.lock().unwrap().get(provider_id),
            Some(Some((_, true)))
        );
        KeyState {
            is_set: key.is_some(),
            last_four: key.as_deref().map(last_four),
            session_only,
        }
    }

    /// Stores a key in the keychain, or in memory when `session_only` is asked for.
    pub fn set_key(
        &self,
        provider_id: &str,
        key: &str,
        session_only: bool,
    ) -> Result<(), SecretError> {
        if !session_only {
            self.store.set(provider_id, key)?;
        }
        self.cache.lock().unwrap().insert(
            provider_id.to_string(),
            Some((key.to_string(), session_only)),
        );
        tracing::info!(provider_id, session_only, "API key stored");
        Ok(())
    }

    pub fn clear_key(&self, provider_id: &str) -> Result<(), SecretError> {
        let was_session_only = matches!(
            self.cache.lock().unwrap().get(provider_id),
            Some(Some((_, true)))
        );
        if !was_session_only && self.status().available {
            self.store.delete(provider_id)?;
        }
        self.cache
            .lock()
            .unwrap()
            .insert(provider_id.to_string(), None);
        Ok(())
    }
}

/// The last four characters, for "•••• abcd". Short keys show less so most stays hidden.
pub fn last_four(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    let shown = if chars.len() >= 12 {
        4
    } else {
        chars.len() / 4
    };
    chars[chars.len() - shown..].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_four_hides_most_of_short_keys() {
        assert_eq!(last_four("sk-test-1234567890abcd"), "abcd");
        assert_eq!(last_four("abcdefgh"), "gh");
        assert_eq!(last_four("abc"), "");
    }

    #[test]
    fn session_only_keys_never_reach_the_store() {
        let store = Arc::new(MemoryStore::default());
        let secrets = Secrets::new(store.clone());
        secrets
            .set_key("p1", "sk-session-only-key-0001", true)
            .unwrap();
        assert_eq!(store.get("p1").unwrap(), None);
        let state = secrets.key_state("p1");
        assert!(state.is_set && state.session_only);
        assert_eq!(state.last_four.as_deref(), Some("0001"));
        secrets.clear_key("p1").unwrap();
        assert!(!secrets.key_state("p1").is_set);
    }

    #[test]
    fn keychain_keys_round_trip_and_clear() {
        let store = Arc::new(MemoryStore::default());
        let secrets = Secrets::new(store.clone());
        secrets
            .set_key("p2", "sk-stored-in-keychain-9876", false)
            .unwrap();
        assert_eq!(
            store.get("p2").unwrap().as_deref(),
            Some("sk-stored-in-keychain-9876")
        );
        // A fresh Secrets (new launch) reads it back from the store.
        let again = Secrets::new(store.clone());
        assert_eq!(
            again.key("p2").unwrap().as_deref(),
            Some("sk-stored-in-keychain-9876")
        );
        again.clear_key("p2").unwrap();
        assert_eq!(store.get("p2").unwrap(), None);
    }

    #[test]
    fn an_unavailable_keychain_is_reported_and_refuses_to_store() {
        let secrets = Secrets::new(Arc::new(MemoryStore::unavailable()));
        let status = secrets.status();
        assert!(!status.available);
        assert!(status.error.is_some());
        let err = secrets
            .set_key("p3", "sk-whatever-123456", false)
            .unwrap_err();
        assert!(matches!(err, SecretError::Unavailable(_)));
        let ipc: IpcError = err.into();
        assert_eq!(ipc.kind, ErrorKind::Keychain);
        assert!(!ipc.message.contains("sk-whatever"));
        // Session-only still works.
        secrets.set_key("p3", "sk-whatever-123456", true).unwrap();
        assert_eq!(
            secrets.key("p3").unwrap().as_deref(),
            Some("sk-whatever-123456")
        );
    }
}
