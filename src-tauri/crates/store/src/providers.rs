//! Gateway profiles. No column ever holds a key: keys live in the OS keychain, keyed by the
//! provider id, and the caller joins them in with [`ProviderRecord::into_provider`].

use portico_types::{
    AuthScheme, ErrorReason, HeaderPair, KeyState, ModelInfo, ModelKind, Provider, ProviderInput,
};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Deserialize;

use crate::codec;
use crate::db::{new_id, Store};
use crate::error::{Result, StoreError};

const TABLE: &str = "providers";
const COLUMNS: &str = "id, name, preset_id, base_url, exact_base_url, auth, extra_headers_json,
     default_model, models_json, created_at, updated_at";

/// A provider as stored (everything but the key's state).
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderRecord {
    pub id: String,
    pub name: String,
    pub preset_id: String,
    pub base_url: String,
    pub exact_base_url: bool,
    pub auth: AuthScheme,
    pub extra_headers: Vec<HeaderPair>,
    pub default_model: Option<String>,
    pub models: Vec<CachedModel>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// One entry of `models_json`. Rows written before models had kinds hold plain id strings;
/// those decode with no kind, and the caller classifies them by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedModel {
    pub id: String,
    pub owned_by: Option<String>,
    pub kind: Option<ModelKind>,
}

impl<'de> Deserialize<'de> for CachedModel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Id(String),
            Info(ModelInfo),
        }
        Ok(match Stored::deserialize(d)? {
            Stored::Id(id) => CachedModel {
                id,
                owned_by: None,
                kind: None,
            },
            Stored::Info(m) => CachedModel {
                id: m.id,
                owned_by: m.owned_by,
                kind: Some(m.kind),
            },
        })
    }
}

impl ProviderRecord {
    /// The IPC shape, with what the keychain says about the key; `classify` gives the kind of
    /// a model cached before kinds were stored.
    pub fn into_provider(self, key: KeyState, classify: impl Fn(&str) -> ModelKind) -> Provider {
        let models = self
            .models
            .into_iter()
            .map(|m| ModelInfo {
                kind: m.kind.unwrap_or_else(|| classify(&m.id)),
                id: m.id,
                owned_by: m.owned_by,
            })
            .collect();
        Provider {
            id: self.id,
            name: self.name,
            preset_id: self.preset_id,
            base_url: self.base_url,
            exact_base_url: self.exact_base_url,
            auth: self.auth,
            extra_headers: self.extra_headers,
            default_model: self.default_model,
            models,
            key,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Columns as read, before the JSON and enum text are decoded.
struct RawProvider {
    id: String,
    name: String,
    preset_id: String,
    base_url: String,
    exact_base_url: bool,
    auth: String,
    extra_headers_json: String,
    default_model: Option<String>,
    models_json: String,
    created_at: i64,
    updated_at: i64,
}

impl RawProvider {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<RawProvider> {
        Ok(RawProvider {
            id: r.get(0)?,
            name: r.get(1)?,
            preset_id: r.get(2)?,
            base_url: r.get(3)?,
            exact_base_url: r.get(4)?,
            auth: r.get(5)?,
            extra_headers_json: r.get(6)?,
            default_model: r.get(7)?,
            models_json: r.get(8)?,
            created_at: r.get(9)?,
            updated_at: r.get(10)?,
        })
    }

    fn decode(self) -> Result<ProviderRecord> {
        let id = self.id;
        Ok(ProviderRecord {
            auth: codec::enum_text(TABLE, &id, "auth", &self.auth)?,
            extra_headers: codec::json(TABLE, &id, "extra_headers_json", &self.extra_headers_json)?,
            models: codec::json(TABLE, &id, "models_json", &self.models_json)?,
            id,
            name: self.name,
            preset_id: self.preset_id,
            base_url: self.base_url,
            exact_base_url: self.exact_base_url,
            default_model: self.default_model,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

fn validate(input: &ProviderInput) -> Result<()> {
    if input.name.trim().is_empty() {
        return Err(StoreError::refused(
            ErrorReason::EmptyName,
            "A provider needs a name.",
        ));
    }
    if input.extra_headers.iter().any(|h| h.name.trim().is_empty()) {
        return Err(StoreError::refused(
            ErrorReason::BadHeaderName,
            "Every extra header needs a name.",
        ));
    }
    Ok(())
}

pub(crate) fn get_in(conn: &Connection, id: &str) -> Result<ProviderRecord> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM providers WHERE id = ?1"))?;
    let raw = stmt
        .query_row([id], RawProvider::from_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("provider", id))?;
    raw.decode()
}

/// Provider queries: `store.providers()`.
pub struct Providers<'a> {
    store: &'a Store,
}

impl Store {
    pub fn providers(&self) -> Providers<'_> {
        Providers { store: self }
    }
}

impl Providers<'_> {
    pub fn create(&self, input: &ProviderInput) -> Result<ProviderRecord> {
        validate(input)?;
        let id = new_id();
        let now = self.store.now();
        self.store.write(|tx| {
            tx.execute(
                "INSERT INTO providers (id, name, preset_id, base_url, exact_base_url, auth,
                     extra_headers_json, default_model, models_json, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '[]', ?9, ?9)",
                params![
                    id,
                    input.name.trim(),
                    input.preset_id,
                    input.base_url.trim(),
                    input.exact_base_url,
                    codec::to_enum_text(&input.auth),
                    codec::to_json(&input.extra_headers)?,
                    input.default_model,
                    now,
                ],
            )?;
            get_in(tx, &id)
        })
    }

    /// Replace what the user edits; the cached model list is kept.
    pub fn update(&self, id: &str, input: &ProviderInput) -> Result<ProviderRecord> {
        validate(input)?;
        let now = self.store.now();
        self.store.write(|tx| {
            let n = tx.execute(
                "UPDATE providers SET name = ?2, preset_id = ?3, base_url = ?4, exact_base_url = ?5,
                     auth = ?6, extra_headers_json = ?7, default_model = ?8, updated_at = ?9
                 WHERE id = ?1",
                params![
                    id,
                    input.name.trim(),
                    input.preset_id,
                    input.base_url.trim(),
                    input.exact_base_url,
                    codec::to_enum_text(&input.auth),
                    codec::to_json(&input.extra_headers)?,
                    input.default_model,
                    now,
                ],
            )?;
            if n == 0 {
                return Err(StoreError::not_found("provider", id));
            }
            get_in(tx, id)
        })
    }

    /// Delete the profile. Its conversations stay, with no provider; messages keep the id of
    /// the provider that wrote them as a historical record.
    pub fn delete(&self, id: &str) -> Result<()> {
        self.store.write(|tx| {
            let n = tx.execute("DELETE FROM providers WHERE id = ?1", [id])?;
            if n == 0 {
                return Err(StoreError::not_found("provider", id));
            }
            Ok(())
        })
    }

    pub fn get(&self, id: &str) -> Result<ProviderRecord> {
        self.store.read(|tx| get_in(tx, id))
    }

    /// All providers, oldest first.
    pub fn list(&self) -> Result<Vec<ProviderRecord>> {
        self.store.read(|tx| {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM providers ORDER BY created_at, id"
            ))?;
            let raws = stmt
                .query_map([], RawProvider::from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            raws.into_iter().map(RawProvider::decode).collect()
        })
    }

    /// Cache the models fetched from the gateway, with their kinds.
    pub fn set_models(&self, id: &str, models: &[ModelInfo]) -> Result<ProviderRecord> {
        let now = self.store.now();
        self.store.write(|tx| {
            let n = tx.execute(
                "UPDATE providers SET models_json = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, codec::to_json(&models)?, now],
            )?;
            if n == 0 {
                return Err(StoreError::not_found("provider", id));
            }
            get_in(tx, id)
        })
    }

    /// Set only the default model (the picker and General settings choose it).
    pub fn set_default_model(&self, id: &str, model: Option<&str>) -> Result<ProviderRecord> {
        let now = self.store.now();
        self.store.write(|tx| {
            let n = tx.execute(
                "UPDATE providers SET default_model = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, model, now],
            )?;
            if n == 0 {
                return Err(StoreError::not_found("provider", id));
            }
            get_in(tx, id)
        })
    }

    pub fn count(&self) -> Result<u32> {
        self.store
            .read(|tx| Ok(tx.query_row("SELECT COUNT(*) FROM providers", [], |r| r.get(0))?))
    }
}
