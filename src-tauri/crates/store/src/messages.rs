//! Messages: writing exchanges, streaming checkpoints and final states. The tree queries
//! (thread pages, branches, subtree deletion) are in `tree.rs`.

use portico_types::{ErrorReason, IpcError, Message, MessageStatus, Role, Timings, Usage};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::codec;
use crate::conversations;
use crate::db::{new_id, Store};
use crate::error::{Result, StoreError};

const TABLE: &str = "messages";
/// Column list for `SELECT`, read by [`RawMessage::from_row`]; queries alias the table as `m`.
pub(crate) const COLUMNS: &str = "m.id, m.conversation_id, m.parent_id, m.role, m.status, m.text,
     m.reasoning, m.error_json, m.provider_id, m.model, m.usage_json, m.timings_json,
     m.finish_reason, m.created_at, m.updated_at";
/// How long a title taken from the first message may be, in characters.
pub const TITLE_MAX_CHARS: usize = 60;

/// The final state of a reply, written by [`Messages::finish`].
#[derive(Debug, Clone, PartialEq)]
pub struct Finish {
    /// Complete, Error, Canceled or Interrupted (never Streaming).
    pub status: MessageStatus,
    pub text: String,
    pub reasoning: Option<String>,
    pub usage: Option<Usage>,
    pub timings: Option<Timings>,
    pub finish_reason: Option<String>,
    pub error: Option<IpcError>,
}

pub(crate) struct RawMessage {
    id: String,
    conversation_id: String,
    parent_id: Option<String>,
    role: String,
    status: String,
    text: String,
    reasoning: Option<String>,
    error_json: Option<String>,
    provider_id: Option<String>,
    model: Option<String>,
    usage_json: Option<String>,
    timings_json: Option<String>,
    finish_reason: Option<String>,
    created_at: i64,
    updated_at: i64,
}

impl RawMessage {
    /// Reads the [`COLUMNS`] starting at column `at`.
    pub(crate) fn from_row_at(r: &Row<'_>, at: usize) -> rusqlite::Result<RawMessage> {
        Ok(RawMessage {
            id: r.get(at)?,
            conversation_id: r.get(at + 1)?,
            parent_id: r.get(at + 2)?,
            role: r.get(at + 3)?,
            status: r.get(at + 4)?,
            text: r.get(at + 5)?,
            reasoning: r.get(at + 6)?,
            error_json: r.get(at + 7)?,
            provider_id: r.get(at + 8)?,
            model: r.get(at + 9)?,
            usage_json: r.get(at + 10)?,
            timings_json: r.get(at + 11)?,
            finish_reason: r.get(at + 12)?,
            created_at: r.get(at + 13)?,
            updated_at: r.get(at + 14)?,
        })
    }

    pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<RawMessage> {
        Self::from_row_at(r, 0)
    }

    pub(crate) fn decode(self) -> Result<Message> {
        let id = self.id;
        Ok(Message {
            role: codec::enum_text(TABLE, &id, "role", &self.role)?,
            status: codec::enum_text(TABLE, &id, "status", &self.status)?,
            error: codec::json_opt(TABLE, &id, "error_json", self.error_json.as_deref())?,
            usage: codec::json_opt(TABLE, &id, "usage_json", self.usage_json.as_deref())?,
            timings: codec::json_opt(TABLE, &id, "timings_json", self.timings_json.as_deref())?,
            id,
            conversation_id: self.conversation_id,
            parent_id: self.parent_id,
            text: self.text,
            reasoning: self.reasoning,
            provider_id: self.provider_id,
            model: self.model,
            finish_reason: self.finish_reason,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

pub(crate) fn get_in(conn: &Connection, id: &str) -> Result<Message> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM messages m WHERE m.id = ?1"))?;
    stmt.query_row([id], RawMessage::from_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("message", id))?
        .decode()
}

/// NotFound unless message `id` exists in conversation `conversation_id`.
pub(crate) fn ensure_in_conversation(
    conn: &Connection,
    id: &str,
    conversation_id: &str,
) -> Result<()> {
    let mut stmt =
        conn.prepare_cached("SELECT 1 FROM messages WHERE id = ?1 AND conversation_id = ?2")?;
    if stmt.exists([id, conversation_id])? {
        Ok(())
    } else {
        Err(StoreError::not_found("message", id))
    }
}

struct NewMessage<'a> {
    conversation_id: &'a str,
    parent_id: Option<&'a str>,
    role: Role,
    status: MessageStatus,
    text: &'a str,
    provider_id: Option<&'a str>,
    model: Option<&'a str>,
    now: i64,
}

fn insert_in(conn: &Connection, m: &NewMessage<'_>) -> Result<String> {
    let id = new_id();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO messages (id, conversation_id, parent_id, role, status, text, provider_id,
             model, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?;
    stmt.execute(params![
        id,
        m.conversation_id,
        m.parent_id,
        codec::to_enum_text(&m.role),
        codec::to_enum_text(&m.status),
        m.text,
        m.provider_id,
        m.model,
        m.now,
    ])?;
    Ok(id)
}

/// A title from the first message: its first non-blank line, trimmed, at most
/// [`TITLE_MAX_CHARS`] characters (cut ones end with "…").
pub fn title_from_text(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let line: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= TITLE_MAX_CHARS {
        return line;
    }
    let mut cut: String = line.chars().take(TITLE_MAX_CHARS - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

fn status_text(s: MessageStatus) -> String {
    codec::to_enum_text(&s)
}

/// Message queries: `store.messages()`.
pub struct Messages<'a> {
    pub(crate) store: &'a Store,
}

impl Store {
    pub fn messages(&self) -> Messages<'_> {
        Messages { store: self }
    }
}

impl Messages<'_> {
    /// Write a user message under `parent_id` (`None`: a first message) and an empty assistant
    /// reply (`Streaming`) under it, in one transaction. The reply becomes the active leaf,
    /// the conversation moves to the top of the list, and an untitled conversation is titled
    /// from the user's text. Editing a message is this call with the edited message's parent.
    pub fn insert_exchange(
        &self,
        conversation_id: &str,
        parent_id: Option<&str>,
        user_text: &str,
        provider_id: &str,
        model: &str,
    ) -> Result<(Message, Message)> {
        if user_text.trim().is_empty() {
            return Err(StoreError::refused(
                ErrorReason::EmptyMessage,
                "The message is empty.",
            ));
        }
        let now = self.store.now();
        self.store.write(|tx| {
            conversations::ensure_exists(tx, conversation_id)?;
            if let Some(parent) = parent_id {
                ensure_in_conversation(tx, parent, conversation_id)?;
            }
            let user_id = insert_in(
                tx,
                &NewMessage {
                    conversation_id,
                    parent_id,
                    role: Role::User,
                    status: MessageStatus::Complete,
                    text: user_text,
                    provider_id: None,
                    model: None,
                    now,
                },
            )?;
            let assistant_id = insert_in(
                tx,
                &NewMessage {
                    conversation_id,
                    parent_id: Some(&user_id),
                    role: Role::Assistant,
                    status: MessageStatus::Streaming,
                    text: "",
                    provider_id: Some(provider_id),
                    model: Some(model),
                    now,
                },
            )?;
            conversations::set_leaf_in(tx, conversation_id, Some(&assistant_id), Some(now))?;
            tx.execute(
                "UPDATE conversations SET title = ?2 WHERE id = ?1 AND title = ''",
                params![conversation_id, title_from_text(user_text)],
            )?;
            Ok((get_in(tx, &user_id)?, get_in(tx, &assistant_id)?))
        })
    }

    /// Regenerate: a new empty `Streaming` reply beside assistant message `of_assistant_id`
    /// (same parent). It becomes the active leaf.
    pub fn insert_assistant_sibling(
        &self,
        of_assistant_id: &str,
        provider_id: &str,
        model: &str,
    ) -> Result<Message> {
        let now = self.store.now();
        self.store.write(|tx| {
            let of = get_in(tx, of_assistant_id)?;
            if of.role != Role::Assistant {
                return Err(StoreError::refused(
                    ErrorReason::NotAReply,
                    "Only a reply can be regenerated.",
                ));
            }
            let id = insert_in(
                tx,
                &NewMessage {
                    conversation_id: &of.conversation_id,
                    parent_id: of.parent_id.as_deref(),
                    role: Role::Assistant,
                    status: MessageStatus::Streaming,
                    text: "",
                    provider_id: Some(provider_id),
                    model: Some(model),
                    now,
                },
            )?;
            conversations::set_leaf_in(tx, &of.conversation_id, Some(&id), Some(now))?;
            get_in(tx, &id)
        })
    }

    pub fn get(&self, id: &str) -> Result<Message> {
        self.store.read(|tx| get_in(tx, id))
    }

    /// Save the partial text of a running reply (cheap: no search indexing while streaming).
    /// Invalid when the message is no longer streaming.
    pub fn checkpoint(&self, id: &str, text: &str, reasoning: Option<&str>) -> Result<()> {
        let now = self.store.now();
        self.store.write(|tx| {
            let mut stmt = tx.prepare_cached(
                "UPDATE messages SET text = ?2, reasoning = ?3, updated_at = ?4
                 WHERE id = ?1 AND status = 'streaming'",
            )?;
            if stmt.execute(params![id, text, reasoning, now])? == 0 {
                return Err(not_streaming(tx, id));
            }
            Ok(())
        })
    }

    /// Write the final state of a running reply and return it.
    pub fn finish(&self, id: &str, finish: &Finish) -> Result<Message> {
        if finish.status == MessageStatus::Streaming {
            return Err(StoreError::invalid("A finished reply cannot be streaming."));
        }
        let now = self.store.now();
        self.store.write(|tx| {
            let n = tx.execute(
                "UPDATE messages SET status = ?2, text = ?3, reasoning = ?4, usage_json = ?5,
                     timings_json = ?6, finish_reason = ?7, error_json = ?8, updated_at = ?9
                 WHERE id = ?1 AND status = 'streaming'",
                params![
                    id,
                    status_text(finish.status),
                    finish.text,
                    finish.reasoning,
                    codec::to_json_opt(finish.usage.as_ref())?,
                    codec::to_json_opt(finish.timings.as_ref())?,
                    finish.finish_reason,
                    codec::to_json_opt(finish.error.as_ref())?,
                    now,
                ],
            )?;
            if n == 0 {
                return Err(not_streaming(tx, id));
            }
            get_in(tx, id)
        })
    }

    /// Continue a reply that stopped (interrupted, canceled, cut, failed): it streams again,
    /// keeping its text; its error and finish reason are cleared until it finishes again.
    pub fn reopen_for_continue(&self, id: &str) -> Result<Message> {
        let now = self.store.now();
        self.store.write(|tx| {
            let m = get_in(tx, id)?;
            if m.role != Role::Assistant {
                return Err(StoreError::refused(
                    ErrorReason::NotAReply,
                    "Only a reply can be continued.",
                ));
            }
            if m.status == MessageStatus::Streaming {
                return Err(StoreError::refused(
                    ErrorReason::ReplyStillWriting,
                    "This reply is still being written.",
                ));
            }
            tx.execute(
                "UPDATE messages SET status = 'streaming', error_json = NULL, finish_reason = NULL,
                     updated_at = ?2
                 WHERE id = ?1",
                params![id, now],
            )?;
            get_in(tx, id)
        })
    }

    /// At launch: every reply a previous run left `Streaming` becomes `Interrupted`, keeping
    /// its checkpointed text. Returns how many there were. Call it once, before any run
    /// starts: it cannot tell a live run from a dead one.
    pub fn mark_interrupted_at_startup(&self) -> Result<usize> {
        let now = self.store.now();
        self.store.write(|tx| {
            Ok(tx.execute(
                "UPDATE messages SET status = 'interrupted', updated_at = ?1 WHERE status = 'streaming'",
                [now],
            )?)
        })
    }
}

/// The error for an update that matched no streaming row: NotFound or Invalid.
fn not_streaming(conn: &Connection, id: &str) -> StoreError {
    match get_in(conn, id) {
        Ok(_) => StoreError::refused(
            ErrorReason::ReplyFinished,
            "This reply has already finished.",
        ),
        Err(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_the_first_line() {
        assert_eq!(
            title_from_text("  \n  Hello   there \nsecond"),
            "Hello there"
        );
        let long = "x".repeat(100);
        let t = title_from_text(&long);
        assert_eq!(t.chars().count(), TITLE_MAX_CHARS);
        assert!(t.ends_with('…'));
        let zh = "你".repeat(80);
        assert_eq!(title_from_text(&zh).chars().count(), TITLE_MAX_CHARS);
    }
}
