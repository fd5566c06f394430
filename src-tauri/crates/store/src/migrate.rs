//! Numbered SQL migrations embedded in the binary, each applied in its own transaction and
//! recorded in `schema_migrations`.
//!
//! To change the schema, add `migrations/NNNN_what.sql` and one line to [`MIGRATIONS`]. Never
//! edit a migration that has shipped. Migrations run with foreign keys off (so a table can be
//! rebuilt the SQLite way: create new, copy, drop, rename) and `PRAGMA foreign_key_check` must
//! be clean before each one commits.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::error::{Result, StoreError};

/// One schema step. `version` is its 1-based position in [`MIGRATIONS`].
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every schema step this build knows, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_init",
        sql: include_str!("../migrations/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "0002_settings_drafts",
        sql: include_str!("../migrations/0002_settings_drafts.sql"),
    },
];

/// The newest schema version this build knows.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

const CREATE_TRACKING: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    applied_at  INTEGER NOT NULL
)";

/// The highest version recorded in the database (0 for a new one).
pub fn current_version(conn: &Connection) -> Result<i64> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations')",
        [],
        |r| r.get(0),
    )?;
    if !exists {
        return Ok(0);
    }
    let v: Option<i64> = conn
        .query_row("SELECT MAX(version) FROM schema_migrations", [], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    Ok(v.unwrap_or(0))
}

/// Bring the database to the latest schema. Refuses a database from a newer build.
pub fn migrate(conn: &mut Connection, now_ms: i64) -> Result<()> {
    migrate_to(conn, latest_version(), now_ms)
}

/// Apply the migrations up to and including `target` (used by tests that build a database at
/// every earlier schema). A database already past `target` is left alone, unless it is past
/// what this build knows at all, which is [`StoreError::SchemaTooNew`].
pub fn migrate_to(conn: &mut Connection, target: i64, now_ms: i64) -> Result<()> {
    if target > latest_version() || target < 0 {
        return Err(StoreError::invalid(format!(
            "no schema version {target} (this build knows 1..={})",
            latest_version()
        )));
    }
    let found = current_version(conn)?;
    if found > latest_version() {
        return Err(StoreError::SchemaTooNew {
            found,
            supported: latest_version(),
        });
    }
    let pending: Vec<&Migration> = MIGRATIONS
        .iter()
        .filter(|m| m.version > found && m.version <= target)
        .collect();
    if pending.is_empty() {
        return Ok(());
    }

    conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    let result = apply_all(conn, &pending, now_ms);
    // Restore the per-connection setting whatever happened.
    let restore = conn.execute_batch("PRAGMA foreign_keys = ON");
    result?;
    restore?;
    Ok(())
}

fn apply_all(conn: &mut Connection, pending: &[&Migration], now_ms: i64) -> Result<()> {
    for m in pending {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(CREATE_TRACKING)?;
        // Another process may have migrated between our read and this write lock.
        let already: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1)",
            [m.version],
            |r| r.get(0),
        )?;
        if already {
            continue;
        }
        tracing::info!(version = m.version, name = m.name, "applying migration");
        tx.execute_batch(m.sql)?;
        let violations: i64 =
            tx.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if violations > 0 {
            return Err(StoreError::invalid(format!(
                "migration {} would leave {violations} foreign key violations",
                m.name
            )));
        }
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
            params![m.version, m.name, now_ms],
        )?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_numbered_in_order_and_match_file_names() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1);
            assert!(
                m.name.starts_with(&format!("{:04}_", m.version)),
                "{}",
                m.name
            );
        }
    }

    #[test]
    fn migrate_is_idempotent_and_recorded() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, 1).unwrap();
        migrate(&mut conn, 2).unwrap();
        assert_eq!(current_version(&conn).unwrap(), latest_version());
        let n: i64 = conn
            .query_row("SELECT COUNT(*) FROM schema_migrations", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, MIGRATIONS.len() as i64);
        let fk: i64 = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }

    #[test]
    fn newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, 1).unwrap();
        conn.execute(
            "INSERT INTO schema_migrations VALUES (?1, 'from_the_future', 0)",
            [latest_version() + 1],
        )
        .unwrap();
        let err = migrate(&mut conn, 2).unwrap_err();
        assert!(matches!(err, StoreError::SchemaTooNew { .. }), "{err:?}");
    }
}
