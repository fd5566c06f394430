//! Conversations: settings, pinning, the active branch's leaf, and keyset-paged listing.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use portico_types::{
    ChatParams, Conversation, ConversationPage, ConversationSettings, ErrorReason, NewConversation,
};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::codec;
use crate::db::{new_id, Store};
use crate::error::{Result, StoreError};

const TABLE: &str = "conversations";
pub(crate) const COLUMNS: &str = "id, title, provider_id, model, params_json, pinned,
     active_leaf_id, message_count, created_at, updated_at";
/// Pages are at most this long, whatever the caller asks.
pub const MAX_PAGE: u32 = 200;

struct RawConversation {
    id: String,
    title: String,
    provider_id: Option<String>,
    model: Option<String>,
    params_json: String,
    pinned: bool,
    active_leaf_id: Option<String>,
    message_count: i64,
    created_at: i64,
    updated_at: i64,
}

impl RawConversation {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<RawConversation> {
        Ok(RawConversation {
            id: r.get(0)?,
            title: r.get(1)?,
            provider_id: r.get(2)?,
            model: r.get(3)?,
            params_json: r.get(4)?,
            pinned: r.get(5)?,
            active_leaf_id: r.get(6)?,
            message_count: r.get(7)?,
            created_at: r.get(8)?,
            updated_at: r.get(9)?,
        })
    }

    fn decode(self) -> Result<Conversation> {
        let params: ChatParams = codec::json(TABLE, &self.id, "params_json", &self.params_json)?;
        let message_count = u32::try_from(self.message_count).map_err(|_| {
            StoreError::corrupt(
                TABLE,
                &self.id,
                format!("message_count {}", self.message_count),
            )
        })?;
        Ok(Conversation {
            id: self.id,
            title: self.title,
            provider_id: self.provider_id,
            model: self.model,
            params,
            pinned: self.pinned,
            active_leaf_id: self.active_leaf_id,
            message_count,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

pub(crate) fn get_in(conn: &Connection, id: &str) -> Result<Conversation> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM conversations WHERE id = ?1"
    ))?;
    stmt.query_row([id], RawConversation::from_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("conversation", id))?
        .decode()
}

/// Fails with NotFound when the conversation does not exist.
pub(crate) fn ensure_exists(conn: &Connection, id: &str) -> Result<()> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM conversations WHERE id = ?1")?;
    if stmt.exists([id])? {
        Ok(())
    } else {
        Err(StoreError::not_found("conversation", id))
    }
}

/// Point the conversation at a new leaf; `bump` also marks it as just active.
pub(crate) fn set_leaf_in(
    conn: &Connection,
    conversation_id: &str,
    leaf: Option<&str>,
    bump: Option<i64>,
) -> Result<()> {
    let n = match bump {
        Some(now) => conn.execute(
            "UPDATE conversations SET active_leaf_id = ?2, updated_at = ?3 WHERE id = ?1",
            params![conversation_id, leaf, now],
        )?,
        None => conn.execute(
            "UPDATE conversations SET active_leaf_id = ?2 WHERE id = ?1",
            params![conversation_id, leaf],
        )?,
    };
    if n == 0 {
        return Err(StoreError::not_found("conversation", conversation_id));
    }
    Ok(())
}

fn ensure_provider(conn: &Connection, provider_id: Option<&str>) -> Result<()> {
    if let Some(p) = provider_id {
        let mut stmt = conn.prepare_cached("SELECT 1 FROM providers WHERE id = ?1")?;
        if !stmt.exists([p])? {
            return Err(StoreError::not_found("provider", p));
        }
    }
    Ok(())
}

/// The keyset position of a row in the list order (pinned DESC, updated_at DESC, id DESC).
#[derive(Debug, PartialEq)]
struct Cursor {
    pinned: bool,
    updated_at: i64,
    id: String,
}

impl Cursor {
    fn encode(&self) -> String {
        let raw = format!(
            "v1:{}:{}:{}",
            u8::from(self.pinned),
            self.updated_at,
            self.id
        );
        URL_SAFE_NO_PAD.encode(raw)
    }

    fn decode(text: &str) -> Result<Cursor> {
        let bad = || {
            StoreError::refused(
                ErrorReason::StaleListPosition,
                "The list position is invalid; reload the list.",
            )
        };
        let bytes = URL_SAFE_NO_PAD.decode(text).map_err(|_| bad())?;
        let raw = String::from_utf8(bytes).map_err(|_| bad())?;
        let mut parts = raw.splitn(4, ':');
        if parts.next() != Some("v1") {
            return Err(bad());
        }
        let pinned = match parts.next() {
            Some("0") => false,
            Some("1") => true,
            _ => return Err(bad()),
        };
        let updated_at = parts.next().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
        let id = parts.next().filter(|s| !s.is_empty()).ok_or_else(bad)?;
        Ok(Cursor {
            pinned,
            updated_at,
            id: id.to_owned(),
        })
    }
}

/// Conversation queries: `store.conversations()`.
pub struct Conversations<'a> {
    store: &'a Store,
}

impl Store {
    pub fn conversations(&self) -> Conversations<'_> {
        Conversations { store: self }
    }
}

impl Conversations<'_> {
    /// A new, empty conversation titled "" (the UI shows "New chat" until the first message).
    pub fn create(&self, new: &NewConversation) -> Result<Conversation> {
        let id = new_id();
        let now = self.store.now();
        let params_json = codec::to_json(&new.params)?;
        self.store.write(|tx| {
            ensure_provider(tx, new.provider_id.as_deref())?;
            tx.execute(
                "INSERT INTO conversations (id, title, provider_id, model, params_json, created_at, updated_at)
                 VALUES (?1, '', ?2, ?3, ?4, ?5, ?5)",
                params![id, new.provider_id, new.model, params_json, now],
            )?;
            get_in(tx, &id)
        })
    }

    pub fn get(&self, id: &str) -> Result<Conversation> {
        self.store.read(|tx| get_in(tx, id))
    }

    /// One page of the list: pinned first, then by last activity, newest first. Pass the
    /// previous page's `next_cursor` to continue; `limit` is clamped to 1..=[`MAX_PAGE`].
    pub fn list_page(&self, cursor: Option<&str>, limit: u32) -> Result<ConversationPage> {
        let limit = limit.clamp(1, MAX_PAGE);
        let after = cursor.map(Cursor::decode).transpose()?;
        self.store.read(|tx| {
            let fetch = i64::from(limit) + 1;
            let raws = match &after {
                None => {
                    let mut stmt = tx.prepare_cached(&format!(
                        "SELECT {COLUMNS} FROM conversations
                         ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?1"
                    ))?;
                    let rows = stmt.query_map([fetch], RawConversation::from_row)?;
                    rows.collect::<rusqlite::Result<Vec<_>>>()?
                }
                Some(c) => {
                    let mut stmt = tx.prepare_cached(&format!(
                        "SELECT {COLUMNS} FROM conversations
                         WHERE (pinned, updated_at, id) < (?1, ?2, ?3)
                         ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT ?4"
                    ))?;
                    let rows = stmt.query_map(
                        params![c.pinned, c.updated_at, c.id, fetch],
                        RawConversation::from_row,
                    )?;
                    rows.collect::<rusqlite::Result<Vec<_>>>()?
                }
            };
            let has_more = raws.len() > limit as usize;
            let items = raws
                .into_iter()
                .take(limit as usize)
                .map(RawConversation::decode)
                .collect::<Result<Vec<_>>>()?;
            let next_cursor = match items.last() {
                Some(last) if has_more => Some(
                    Cursor {
                        pinned: last.pinned,
                        updated_at: last.updated_at,
                        id: last.id.clone(),
                    }
                    .encode(),
                ),
                _ => None,
            };
            Ok(ConversationPage { items, next_cursor })
        })
    }

    pub fn rename(&self, id: &str, title: &str) -> Result<Conversation> {
        self.store.write(|tx| {
            let n = tx.execute(
                "UPDATE conversations SET title = ?2 WHERE id = ?1",
                params![id, title.trim()],
            )?;
            if n == 0 {
                return Err(StoreError::not_found("conversation", id));
            }
            get_in(tx, id)
        })
    }

    pub fn set_pinned(&self, id: &str, pinned: bool) -> Result<Conversation> {
        self.store.write(|tx| {
            let n = tx.execute(
                "UPDATE conversations SET pinned = ?2 WHERE id = ?1",
                params![id, pinned],
            )?;
            if n == 0 {
                return Err(StoreError::not_found("conversation", id));
            }
            get_in(tx, id)
        })
    }

    /// Change the provider, model and parameters used for the next replies.
    pub fn update_settings(&self, settings: &ConversationSettings) -> Result<Conversation> {
        let params_json = codec::to_json(&settings.params)?;
        self.store.write(|tx| {
            ensure_provider(tx, settings.provider_id.as_deref())?;
            let n = tx.execute(
                "UPDATE conversations SET provider_id = ?2, model = ?3, params_json = ?4 WHERE id = ?1",
                params![settings.id, settings.provider_id, settings.model, params_json],
            )?;
            if n == 0 {
                return Err(StoreError::not_found("conversation", &settings.id));
            }
            get_in(tx, &settings.id)
        })
    }

    /// Show another branch: `leaf` must be a message of this conversation (or `None`).
    /// Most callers want [`crate::Messages::switch_branch`], which finds the leaf.
    pub fn set_active_leaf(&self, id: &str, leaf: Option<&str>) -> Result<Conversation> {
        self.store.write(|tx| {
            ensure_exists(tx, id)?;
            if let Some(leaf) = leaf {
                crate::messages::ensure_in_conversation(tx, leaf, id)?;
            }
            set_leaf_in(tx, id, leaf, None)?;
            get_in(tx, id)
        })
    }

    /// Mark activity at `updated_at` (moves it up the list).
    pub fn touch(&self, id: &str, updated_at: i64) -> Result<()> {
        self.store.write(|tx| {
            let n = tx.execute(
                "UPDATE conversations SET updated_at = ?2 WHERE id = ?1",
                params![id, updated_at],
            )?;
            if n == 0 {
                return Err(StoreError::not_found("conversation", id));
            }
            Ok(())
        })
    }

    /// Delete the conversation with all its messages and their search entries.
    pub fn delete(&self, id: &str) -> Result<()> {
        self.store.write(|tx| {
            let n = tx.execute("DELETE FROM conversations WHERE id = ?1", [id])?;
            if n == 0 {
                return Err(StoreError::not_found("conversation", id));
            }
            Ok(())
        })
    }

    pub fn count(&self) -> Result<u32> {
        self.store
            .read(|tx| Ok(tx.query_row("SELECT COUNT(*) FROM conversations", [], |r| r.get(0))?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let c = Cursor {
            pinned: true,
            updated_at: 1_700_000_000_123,
            id: "0190-abc".into(),
        };
        assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
        for bad in ["", "!!", "djE6Mjox", &URL_SAFE_NO_PAD.encode("v1:1:x:id")] {
            assert!(
                matches!(Cursor::decode(bad), Err(StoreError::Invalid { .. })),
                "{bad}"
            );
        }
    }
}
