//! App-wide settings the backend owns, one JSON value per key (`store.settings()`). Typed
//! access lives with the service that owns each key; this module only stores and decodes.

use rusqlite::{params, OptionalExtension};
use serde::{de::DeserializeOwned, Serialize};

use crate::codec;
use crate::db::Store;
use crate::error::Result;

const TABLE: &str = "app_settings";

/// Setting queries: `store.settings()`.
pub struct Settings<'a> {
    store: &'a Store,
}

impl Store {
    pub fn settings(&self) -> Settings<'_> {
        Settings { store: self }
    }
}

impl Settings<'_> {
    /// The value under `key`, or `None` when it was never set. A value that does not decode
    /// as `T` is `StoreError::Corrupt`.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let raw: Option<String> = self.store.read(|tx| {
            Ok(tx
                .query_row(
                    "SELECT value_json FROM app_settings WHERE name = ?1",
                    [key],
                    |r| r.get(0),
                )
                .optional()?)
        })?;
        raw.map(|json| codec::json(TABLE, key, "value_json", &json))
            .transpose()
    }

    pub fn set<T: Serialize>(&self, key: &str, value: &T) -> Result<()> {
        let json = codec::to_json(value)?;
        let now = self.store.now();
        self.store.write(|tx| {
            tx.execute(
                "INSERT INTO app_settings (name, value_json, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET value_json = ?2, updated_at = ?3",
                params![key, json, now],
            )?;
            Ok(())
        })
    }

    /// Forget `key` (reading it gives `None` again). Removing an unset key is not an error.
    pub fn remove(&self, key: &str) -> Result<()> {
        self.store.write(|tx| {
            tx.execute("DELETE FROM app_settings WHERE name = ?1", [key])?;
            Ok(())
        })
    }
}
