//! Which alternative a search hit's branch takes at each fork above it (`SearchHit::forks`), so
//! the same text found in two branches reads as two hits, not one shown twice.
//!
//! From the hit up to the first message, every message with siblings is a fork; the branch's
//! position there is that message's among its siblings (oldest first, as the thread's arrows
//! count). Most conversations never fork: one indexed scan per conversation says so, and only
//! the others are walked.

use std::collections::HashMap;

use portico_types::{BranchPosition, SearchHit};
use rusqlite::{params, Connection};

use crate::error::Result;

fn has_forks(conn: &Connection, conversation_id: &str) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (
             SELECT 1 FROM messages WHERE conversation_id = ?1
             GROUP BY parent_id HAVING COUNT(*) > 1
         )",
    )?;
    Ok(stmt.query_row([conversation_id], |r| r.get(0))?)
}

/// The forks above (and at) a message, from the first message down.
fn forks(
    conn: &Connection,
    conversation_id: &str,
    message_id: &str,
) -> Result<Vec<BranchPosition>> {
    // Siblings share conversation and parent (NULL for the first messages); `IS` compares
    // NULLs as equal. Order as the tree pages them: created_at, then id.
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE up (id, parent_id, created_at, depth) AS (
             SELECT id, parent_id, created_at, 0 FROM messages
             WHERE id = ?2 AND conversation_id = ?1
             UNION ALL
             SELECT m.id, m.parent_id, m.created_at, up.depth + 1
             FROM up CROSS JOIN messages m ON m.id = up.parent_id AND m.conversation_id = ?1
         ),
         counted AS (
             SELECT up.depth,
                    (SELECT COUNT(*) FROM messages s
                     WHERE s.conversation_id = ?1 AND s.parent_id IS up.parent_id) AS count,
                    (SELECT COUNT(*) FROM messages s
                     WHERE s.conversation_id = ?1 AND s.parent_id IS up.parent_id
                       AND (s.created_at < up.created_at
                            OR (s.created_at = up.created_at AND s.id <= up.id))) AS idx
             FROM up
         )
         SELECT idx, count FROM counted WHERE count > 1 ORDER BY depth DESC",
    )?;
    let rows = stmt.query_map(params![conversation_id, message_id], |r| {
        Ok(BranchPosition {
            index: u32::try_from(r.get::<_, i64>(0)?).unwrap_or(u32::MAX),
            count: u32::try_from(r.get::<_, i64>(1)?).unwrap_or(u32::MAX),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Fills `forks` on every message hit whose conversation forks at or above it.
pub(crate) fn fill(conn: &Connection, hits: &mut [SearchHit]) -> Result<()> {
    let mut forked_conversations: HashMap<String, bool> = HashMap::new();
    for hit in hits.iter_mut() {
        let Some(message_id) = hit.message_id.as_deref() else {
            continue;
        };
        let forked = match forked_conversations.get(&hit.conversation_id) {
            Some(known) => *known,
            None => {
                let known = has_forks(conn, &hit.conversation_id)?;
                forked_conversations.insert(hit.conversation_id.clone(), known);
                known
            }
        };
        if forked {
            hit.forks = forks(conn, &hit.conversation_id, message_id)?;
        }
    }
    Ok(())
}
