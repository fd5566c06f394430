//! Unsent composer text (`store.drafts()`), one row per conversation; the chat not created
//! yet is [`NEW_CHAT`]. A draft of a deleted conversation goes with it (a trigger).

use rusqlite::params;

use crate::db::Store;
use crate::error::Result;

/// The draft key of the chat that has no conversation yet.
pub const NEW_CHAT: &str = "";

/// One saved draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRecord {
    /// A conversation id, or [`NEW_CHAT`].
    pub conversation_id: String,
    pub text: String,
    pub updated_at: i64,
}

/// Draft queries: `store.drafts()`.
pub struct Drafts<'a> {
    store: &'a Store,
}

impl Store {
    pub fn drafts(&self) -> Drafts<'_> {
        Drafts { store: self }
    }
}

impl Drafts<'_> {
    /// Save `text` as the draft of `conversation_id`; empty text deletes the draft.
    pub fn put(&self, conversation_id: &str, text: &str) -> Result<()> {
        if text.is_empty() {
            return self.delete(conversation_id);
        }
        let now = self.store.now();
        self.store.write(|tx| {
            tx.execute(
                "INSERT INTO drafts (conversation_id, text, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (conversation_id) DO UPDATE SET text = ?2, updated_at = ?3",
                params![conversation_id, text, now],
            )?;
            Ok(())
        })
    }

    pub fn delete(&self, conversation_id: &str) -> Result<()> {
        self.store.write(|tx| {
            tx.execute(
                "DELETE FROM drafts WHERE conversation_id = ?1",
                [conversation_id],
            )?;
            Ok(())
        })
    }

    /// Moves the draft of `from` to `to` in one transaction, replacing any draft `to` had
    /// (the new chat's draft, once the chat became a conversation). No draft at `from`:
    /// nothing changes.
    pub fn move_to(&self, from: &str, to: &str) -> Result<()> {
        if from == to {
            return Ok(());
        }
        let now = self.store.now();
        self.store.write(|tx| {
            let moved = tx.execute(
                "INSERT INTO drafts (conversation_id, text, attachments_json, updated_at)
                 SELECT ?2, text, attachments_json, ?3 FROM drafts WHERE conversation_id = ?1
                 ON CONFLICT (conversation_id) DO UPDATE
                 SET text = excluded.text, attachments_json = excluded.attachments_json,
                     updated_at = excluded.updated_at",
                params![from, to, now],
            )?;
            if moved > 0 {
                tx.execute("DELETE FROM drafts WHERE conversation_id = ?1", [from])?;
            }
            Ok(())
        })
    }

    /// Every saved draft, newest first.
    pub fn list(&self) -> Result<Vec<DraftRecord>> {
        self.store.read(|tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT conversation_id, text, updated_at FROM drafts
                 ORDER BY updated_at DESC, conversation_id",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(DraftRecord {
                        conversation_id: r.get(0)?,
                        text: r.get(1)?,
                        updated_at: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}
