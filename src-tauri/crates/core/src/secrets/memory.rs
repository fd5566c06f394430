//! An in-memory secret store for unit tests (and nothing else).

use std::collections::HashMap;
use std::sync::Mutex;

use super::{SecretError, SecretStore};

#[derive(Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<String, String>>,
    unavailable: bool,
}

impl MemoryStore {
    /// A store that behaves like a machine with no keychain.
    pub fn unavailable() -> Self {
        Self {
            entries: Mutex::default(),
            unavailable: true,
        }
    }

    fn check(&self) -> Result<(), SecretError> {
        if self.unavailable {
            Err(SecretError::Unavailable("no keychain in this test".into()))
        } else {
            Ok(())
        }
    }
}

impl SecretStore for MemoryStore {
    fn backend_name(&self) -> String {
        "memory (tests)".into()
    }
    fn probe(&self) -> Result<(), SecretError> {
        self.check()
    }
    fn get(&self, account: &str) -> Result<Option<String>, SecretError> {
        self.check()?;
        Ok(self.entries.lock().unwrap().get(account).cloned())
    }
    fn set(&self, account: &str, secret: &str) -> Result<(), SecretError> {
        self.check()?;
        self.entries
            .lock()
            .unwrap()
            .insert(account.into(), secret.into());
        Ok(())
    }
    fn delete(&self, account: &str) -> Result<(), SecretError> {
        self.check()?;
        self.entries.lock().unwrap().remove(account);
        Ok(())
    }
}
