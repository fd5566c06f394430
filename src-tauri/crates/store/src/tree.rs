//! The message tree: the path to a message, pages of the active branch, switching branches
//! and deleting subtrees. Every walk is a recursive CTE over the `messages_tree` index
//! (conversation_id, parent_id, created_at) or the unique index on `id`, so its cost grows with
//! the page or the branch, not with the conversation.

use portico_types::{Conversation, Message, ThreadMessage, ThreadPage};
use rusqlite::{params, Connection, OptionalExtension};

use crate::conversations;
use crate::error::{Result, StoreError};
use crate::messages::{get_in, Messages, RawMessage, COLUMNS};

/// Pages of a thread are at most this long, whatever the caller asks.
pub const MAX_THREAD_PAGE: u32 = 500;

/// Up to `limit` messages from `start` towards the root, oldest first.
fn walk_up(
    conn: &Connection,
    conversation_id: &str,
    start: &str,
    limit: i64,
) -> Result<Vec<Message>> {
    let mut stmt = conn.prepare_cached(&format!(
        "WITH RECURSIVE up (seq, parent_id, depth) AS (
             SELECT seq, parent_id, 1 FROM messages WHERE id = ?1 AND conversation_id = ?2
             UNION ALL
             SELECT m.seq, m.parent_id, up.depth + 1
             FROM up CROSS JOIN messages m ON m.id = up.parent_id AND m.conversation_id = ?2
             WHERE up.depth < ?3
         )
         SELECT {COLUMNS} FROM up CROSS JOIN messages m ON m.seq = up.seq
         ORDER BY up.depth DESC"
    ))?;
    let raws = stmt
        .query_map(params![start, conversation_id, limit], RawMessage::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    raws.into_iter().map(RawMessage::decode).collect()
}

/// Ids of the messages under `parent` (the roots when `None`), oldest first.
fn children(conn: &Connection, conversation_id: &str, parent: Option<&str>) -> Result<Vec<String>> {
    let rows = match parent {
        Some(p) => {
            let mut stmt = conn.prepare_cached(
                "SELECT id FROM messages WHERE conversation_id = ?1 AND parent_id = ?2
                 ORDER BY created_at, id",
            )?;
            let rows = stmt.query_map([conversation_id, p], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<Vec<String>>>()?
        }
        None => {
            let mut stmt = conn.prepare_cached(
                "SELECT id FROM messages WHERE conversation_id = ?1 AND parent_id IS NULL
                 ORDER BY created_at, id",
            )?;
            let rows = stmt.query_map([conversation_id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<Vec<String>>>()?
        }
    };
    Ok(rows)
}

/// The deepest descendant of `start`, taking the most recently created child at each step
/// (`start` itself when it has no children).
fn latest_leaf_under(conn: &Connection, conversation_id: &str, start: &str) -> Result<String> {
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE down (id, depth) AS (
             SELECT ?2, 0
             UNION ALL
             SELECT (SELECT c.id FROM messages c
                     WHERE c.conversation_id = ?1 AND c.parent_id = down.id
                     ORDER BY c.created_at DESC, c.id DESC LIMIT 1),
                    down.depth + 1
             FROM down WHERE down.id IS NOT NULL
         )
         SELECT id FROM down WHERE id IS NOT NULL ORDER BY depth DESC LIMIT 1",
    )?;
    Ok(stmt.query_row([conversation_id, start], |r| r.get(0))?)
}

fn latest_root(conn: &Connection, conversation_id: &str) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM messages WHERE conversation_id = ?1 AND parent_id IS NULL
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )?;
    Ok(stmt.query_row([conversation_id], |r| r.get(0)).optional()?)
}

/// Whether `ancestor` is `id` or one of its ancestors.
fn is_on_path(conn: &Connection, conversation_id: &str, id: &str, ancestor: &str) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE up (id, parent_id) AS (
             SELECT id, parent_id FROM messages WHERE id = ?1 AND conversation_id = ?2
             UNION ALL
             SELECT m.id, m.parent_id
             FROM up CROSS JOIN messages m ON m.id = up.parent_id AND m.conversation_id = ?2
         )
         SELECT EXISTS (SELECT 1 FROM up WHERE id = ?3)",
    )?;
    Ok(stmt.query_row([id, conversation_id, ancestor], |r| r.get(0))?)
}

impl Messages<'_> {
    /// The path from the root to `id`, root first: the history a request is built from.
    pub fn path_to(&self, id: &str) -> Result<Vec<Message>> {
        self.store.read(|tx| {
            let m = get_in(tx, id)?;
            walk_up(tx, &m.conversation_id, id, i64::MAX)
        })
    }

    /// A page of the active branch (root to the conversation's active leaf), oldest first:
    /// the newest `limit` messages above `before_id` (or above and including the leaf when
    /// `None`), each with its siblings' ids for the branch arrows. `has_more` says whether
    /// older messages exist.
    pub fn thread_page(
        &self,
        conversation_id: &str,
        before_id: Option<&str>,
        limit: u32,
    ) -> Result<ThreadPage> {
        let limit = i64::from(limit.clamp(1, MAX_THREAD_PAGE));
        self.store.read(|tx| {
            let start = match before_id {
                Some(before) => {
                    conversations::ensure_exists(tx, conversation_id)?;
                    let b = get_in(tx, before)?;
                    if b.conversation_id != conversation_id {
                        return Err(StoreError::not_found("message", before));
                    }
                    b.parent_id
                }
                None => conversations::get_in(tx, conversation_id)?.active_leaf_id,
            };
            let Some(start) = start else {
                return Ok(ThreadPage {
                    messages: Vec::new(),
                    has_more: false,
                });
            };
            let path = walk_up(tx, conversation_id, &start, limit)?;
            let has_more = path.first().is_some_and(|m| m.parent_id.is_some());
            let messages = path
                .into_iter()
                .map(|message| {
                    let sibling_ids = children(tx, conversation_id, message.parent_id.as_deref())?;
                    Ok(ThreadMessage {
                        message,
                        sibling_ids,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(ThreadPage { messages, has_more })
        })
    }

    /// Show the branch through `message_id`: the active leaf becomes its deepest descendant,
    /// following the most recently created child at each step.
    pub fn switch_branch(&self, message_id: &str) -> Result<Conversation> {
        self.store.write(|tx| {
            let m = get_in(tx, message_id)?;
            let leaf = latest_leaf_under(tx, &m.conversation_id, message_id)?;
            conversations::set_leaf_in(tx, &m.conversation_id, Some(&leaf), None)?;
            conversations::get_in(tx, &m.conversation_id)
        })
    }

    /// Delete `message_id` and everything under it, with their search entries. When the active
    /// leaf was among them, the branch on screen becomes the parent's most recent remaining
    /// branch (the parent itself when it has no other children; for a first message, the most
    /// recent other first message's branch, or nothing). A reply still streaming in the
    /// subtree should be canceled first: its next checkpoint would find no message.
    pub fn delete_subtree(&self, message_id: &str) -> Result<Conversation> {
        self.store.write(|tx| {
            let m = get_in(tx, message_id)?;
            let conv_id = m.conversation_id.as_str();
            let conv = conversations::get_in(tx, conv_id)?;
            let leaf_inside = match conv.active_leaf_id.as_deref() {
                Some(leaf) => is_on_path(tx, conv_id, leaf, message_id)?,
                None => false,
            };
            tx.execute(
                "DELETE FROM messages WHERE seq IN (
                     WITH RECURSIVE sub (id, seq) AS (
                         SELECT id, seq FROM messages WHERE id = ?1 AND conversation_id = ?2
                         UNION ALL
                         SELECT c.id, c.seq
                         FROM sub CROSS JOIN messages c
                             ON c.conversation_id = ?2 AND c.parent_id = sub.id
                     )
                     SELECT seq FROM sub
                 )",
                params![message_id, conv_id],
            )?;
            if leaf_inside {
                let from = match m.parent_id.as_deref() {
                    Some(parent) => Some(parent.to_owned()),
                    None => latest_root(tx, conv_id)?,
                };
                let leaf = match from {
                    Some(from) => Some(latest_leaf_under(tx, conv_id, &from)?),
                    None => None,
                };
                conversations::set_leaf_in(tx, conv_id, leaf.as_deref(), None)?;
            }
            conversations::get_in(tx, conv_id)
        })
    }
}
