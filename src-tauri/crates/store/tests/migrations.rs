//! Migrations on real files: a database made at every earlier schema upgrades to the latest
//! with its data intact; a database from a newer build is refused without being touched.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use portico_store::migrate::{self, MIGRATIONS};
use portico_store::{Store, StoreError};
use portico_types::{AuthScheme, MessageStatus};
use rusqlite::Connection;

/// Rows each schema version's code would have written, applied right after that migration.
/// Add `fixtures/seed_NNNN.sql` and a check below with every new migration.
const SEEDS: &[(i64, &str)] = &[
    (1, include_str!("fixtures/seed_0001.sql")),
    (2, include_str!("fixtures/seed_0002.sql")),
];

/// What the seeds of versions `..=version` must look like through today's API.
fn check_seeds(store: &Store, version: i64) {
    if version >= 1 {
        let p = store.providers().get("seed-provider-1").unwrap();
        assert_eq!(p.name, "Seed Gateway");
        assert_eq!(p.auth, AuthScheme::Bearer);
        assert_eq!(p.extra_headers[0].name, "X-Org");
        // Cached before models had kinds: plain ids, which still decode (kind left to classify).
        let ids: Vec<_> = p.models.iter().map(|m| (m.id.as_str(), m.kind)).collect();
        assert_eq!(ids, [("gpt-4o", None), ("gpt-4o-mini", None)]);

        let c = store.conversations().get("seed-conv-1").unwrap();
        assert_eq!(c.title, "Seeded chat about lighthouses");
        assert_eq!(c.params.system_prompt.as_deref(), Some("Be brief."));
        assert!(c.pinned);
        assert_eq!(c.message_count, 3);

        let page = store
            .messages()
            .thread_page("seed-conv-1", None, 10)
            .unwrap();
        let ids: Vec<_> = page
            .messages
            .iter()
            .map(|m| m.message.id.as_str())
            .collect();
        assert_eq!(ids, ["seed-m1", "seed-m3"]);
        assert_eq!(page.messages[1].sibling_ids, ["seed-m2", "seed-m3"]);

        let m2 = store.messages().get("seed-m2").unwrap();
        assert_eq!(m2.usage.unwrap().completion_tokens, Some(9));

        let hits = store.search("灯塔指引", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].message_id.as_deref(), Some("seed-m2"));
        assert_eq!(store.search("lighthouses", 10).unwrap().len(), 3);
    }
    if version >= 2 {
        let default: Option<String> = store.settings().get("defaultProviderId").unwrap();
        assert_eq!(default.as_deref(), Some("seed-provider-1"));
        let drafts = store.drafts().list().unwrap();
        let texts: Vec<_> = drafts
            .iter()
            .map(|d| (d.conversation_id.as_str(), d.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("", "A new chat's draft"),
                ("seed-conv-1", "A draft about 灯塔 not sent yet")
            ]
        );
    }
}

/// Tables, columns, indexes and triggers, by name (the SQL text of an altered table differs
/// from a freshly created one, so it is not compared).
fn schema_shape(conn: &Connection) -> BTreeMap<String, Vec<String>> {
    let mut stmt = conn
        .prepare(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .unwrap();
    let objects: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut shape = BTreeMap::new();
    for (kind, name) in objects {
        let columns = if kind == "table" {
            let mut stmt = conn
                .prepare(
                    "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1) ORDER BY cid",
                )
                .unwrap();
            stmt.query_map([&name], |r| {
                Ok(format!(
                    "{} {} notnull={} pk={}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
        } else {
            vec![]
        };
        shape.insert(format!("{kind} {name}"), columns);
    }
    shape
}

fn build_at(path: &Path, version: i64) {
    let mut conn = Connection::open(path).unwrap();
    for v in 1..=version {
        migrate::migrate_to(&mut conn, v, 1).unwrap();
        if let Some((_, sql)) = SEEDS.iter().find(|(s, _)| *s == v) {
            conn.execute_batch(sql).unwrap();
        }
    }
    assert_eq!(migrate::current_version(&conn).unwrap(), version);
}

#[test]
fn every_earlier_schema_upgrades_with_its_data() {
    assert_eq!(SEEDS.len(), MIGRATIONS.len(), "one seed per migration");
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = fresh_dir.path().join("fresh.db");
    drop(Store::open(&fresh).unwrap());
    let expected = schema_shape(&Connection::open(&fresh).unwrap());

    for version in 0..=migrate::latest_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        build_at(&path, version);

        let store = Store::open(&path).unwrap();
        check_seeds(&store, version);
        drop(store);

        let conn = Connection::open(&path).unwrap();
        assert_eq!(
            migrate::current_version(&conn).unwrap(),
            migrate::latest_version()
        );
        assert_eq!(
            schema_shape(&conn),
            expected,
            "schema after upgrading from {version}"
        );
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let fts: rusqlite::Result<()> = conn.execute_batch(
            "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1);
             INSERT INTO conversations_fts (conversations_fts, rank) VALUES ('integrity-check', 1);",
        );
        fts.unwrap();
    }
}

#[test]
fn reopening_changes_nothing_and_records_each_version_once() {
    let db = common::open();
    let path = db.path();
    drop(db.store);
    let store = Store::open(&path).unwrap();
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let rows: Vec<(i64, String)> = conn
        .prepare("SELECT version, name FROM schema_migrations ORDER BY version")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected: Vec<(i64, String)> = MIGRATIONS
        .iter()
        .map(|m| (m.version, m.name.to_owned()))
        .collect();
    assert_eq!(rows, expected);
}

#[test]
fn a_newer_schema_is_a_clear_error_and_the_file_is_untouched() {
    let db = common::open();
    let conv = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let path = db.path();
    drop(db.store);
    let future = migrate::latest_version() + 1;
    Connection::open(&path)
        .unwrap()
        .execute(
            "INSERT INTO schema_migrations VALUES (?1, '9999_future', 0)",
            [future],
        )
        .unwrap();

    let err = Store::open(&path).unwrap_err();
    match &err {
        StoreError::SchemaTooNew { found, supported } => {
            assert_eq!(*found, future);
            assert_eq!(*supported, migrate::latest_version());
        }
        other => panic!("expected SchemaTooNew, got {other:?}"),
    }
    let ipc: portico_types::IpcError = err.into();
    assert_eq!(ipc.kind, portico_types::ErrorKind::Storage);
    assert!(ipc.message.contains("newer version"), "{}", ipc.message);

    let conn = Connection::open(&path).unwrap();
    let still_there: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM conversations WHERE id = ?1",
            [&conv.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(still_there, 1);
}

#[test]
fn a_file_that_is_not_a_database_is_a_storage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portico.db");
    std::fs::write(&path, vec![b'x'; 8192]).unwrap();
    let err = Store::open(&path).unwrap_err();
    let ipc: portico_types::IpcError = err.into();
    assert_eq!(ipc.kind, portico_types::ErrorKind::Storage);
    assert!(ipc.message.contains("damaged"), "{}", ipc.message);
}

#[test]
fn connections_use_wal_normal_sync_busy_timeout_and_foreign_keys() {
    let db = common::open();
    let (mode, sync, fk, busy): (String, i64, i64, i64) = db
        .store
        .read(|tx| {
            Ok((
                tx.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
                tx.query_row("PRAGMA synchronous", [], |r| r.get(0))?,
                tx.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
                tx.query_row("PRAGMA busy_timeout", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 1, "NORMAL");
    assert_eq!(fk, 1);
    assert_eq!(busy, 5000);
    let fk_writer: i64 = db
        .store
        .write(|tx| Ok(tx.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(fk_writer, 1);
    assert_eq!(db.store.file_path(), Some(db.path().as_path()));
}

#[test]
fn the_seeded_streaming_reply_is_interrupted_at_startup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    build_at(&path, 1);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.messages().mark_interrupted_at_startup().unwrap(), 1);
    let m3 = store.messages().get("seed-m3").unwrap();
    assert_eq!(m3.status, MessageStatus::Interrupted);
    assert_eq!(m3.text, "A second answer in progress");
}
