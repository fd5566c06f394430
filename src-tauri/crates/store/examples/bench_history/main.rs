//! Builds a large chat history and measures what users feel on it: full-text search and
//! opening a long conversation.
//!
//! ```text
//! cargo run --release -p portico-store --example bench_history -- \
//!     [--conversations 10000] [--messages 1000000] [--path DIR] [--queries 200] [--reuse]
//! ```
//!
//! `--reuse` measures an existing `DIR/bench_history.db` instead of building it again.
//!
//! The history is deterministic (seeded): varied English, Chinese and mixed text of about 300
//! characters, regenerated replies here and there, one conversation of 5,000 messages. It is
//! written with large transactions through the same schema, triggers and FTS index the app
//! uses. Without `--path` it goes to a temporary folder that is removed at the end.
//!
//! Almost all of the build time is FTS5 trigram indexing (about 90% of the CPU, measured by
//! dropping the index trigger with `BENCH_NO_FTS=1`). Other experiment knobs, off by default:
//! `BENCH_CACHE_MB`, `BENCH_HASHSIZE`, `BENCH_AUTOMERGE`, `BENCH_DETAIL=none|column`,
//! `BENCH_BUILD_ONLY=1`.

use std::path::PathBuf;
use std::time::Instant;

use portico_store::{new_id, title_from_text, Store};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

mod measure;
mod text;
use measure::{apply_knobs, cpu_seconds, file_mb, report};
use text::{message_text, queries};

const BIG_CONVERSATION: usize = 5_000;
const BATCH: usize = 25_000;

struct Args {
    conversations: usize,
    messages: usize,
    path: Option<PathBuf>,
    queries: usize,
    reuse: bool,
}

fn parse_args() -> Args {
    let mut args = Args {
        conversations: 10_000,
        messages: 1_000_000,
        path: None,
        queries: 200,
        reuse: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--conversations" => args.conversations = value().parse().expect("a number"),
            "--messages" => args.messages = value().parse().expect("a number"),
            "--path" => args.path = Some(PathBuf::from(value())),
            "--queries" => args.queries = value().parse().expect("a number"),
            "--reuse" => args.reuse = true,
            other => panic!("unknown argument {other}"),
        }
    }
    assert!(args.conversations >= 2, "need at least 2 conversations");
    assert!(
        args.messages >= BIG_CONVERSATION + 2 * (args.conversations - 1),
        "need at least {} messages",
        BIG_CONVERSATION + 2 * (args.conversations - 1)
    );
    args
}

/// Builds every conversation; returns the id of the big one.
fn build(store: &Store, args: &Args, rng: &mut StdRng) -> String {
    // Message budget per conversation: the big one, then the rest spread unevenly.
    let others = args.conversations - 1;
    let rest = args.messages - BIG_CONVERSATION;
    let mut sizes = vec![BIG_CONVERSATION];
    let mut left = rest;
    for i in 0..others {
        let remaining_convs = others - i;
        let size = if remaining_convs == 1 {
            left
        } else {
            let avg = left / remaining_convs;
            let lo = 2usize;
            let hi = (avg * 2).saturating_sub(2).max(lo + 1);
            rng.random_range(lo..hi)
                .min(left - 2 * (remaining_convs - 1))
        };
        sizes.push(size);
        left -= size;
    }

    let mut clock: i64 = 1_704_067_200_000; // 2024-01-01
    let mut big_id = String::new();
    let mut conv_iter = sizes.into_iter().enumerate().peekable();
    while conv_iter.peek().is_some() {
        store
            .write(|tx| {
                let mut conv_stmt = tx.prepare_cached(
                    "INSERT INTO conversations (id, title, model, params_json, pinned, created_at, updated_at)
                     VALUES (?1, ?2, 'gpt-4o-mini', '{}', ?3, ?4, ?4)",
                )?;
                let mut msg_stmt = tx.prepare_cached(
                    "INSERT INTO messages (id, conversation_id, parent_id, role, status, text,
                         provider_id, model, usage_json, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, 'complete', ?5, ?6, ?7, ?8, ?9, ?9)",
                )?;
                let mut leaf_stmt = tx.prepare_cached(
                    "UPDATE conversations SET active_leaf_id = ?2, updated_at = ?3, title = ?4 WHERE id = ?1",
                )?;
                let mut written = 0;
                while written < BATCH {
                    let Some((index, size)) = conv_iter.next() else { break };
                    let conv_id = new_id();
                    if index == 0 {
                        big_id = conv_id.clone();
                    }
                    clock += rng.random_range(60_000..7_200_000);
                    conv_stmt.execute(rusqlite::params![conv_id, "", rng.random_bool(0.01), clock])?;
                    let mut parent: Option<String> = None;
                    let mut title = String::new();
                    let mut left = size;
                    let mut user = true;
                    while left > 0 {
                        if !user && left >= 2 && rng.random_bool(0.04) {
                            // A regenerated reply: an older sibling off the active branch.
                            insert_message(&mut msg_stmt, rng, &conv_id, parent.as_deref(), false, &mut clock)?;
                            left -= 1;
                            written += 1;
                        }
                        let (id, text) =
                            insert_message(&mut msg_stmt, rng, &conv_id, parent.as_deref(), user, &mut clock)?;
                        if parent.is_none() {
                            title = title_from_text(&text);
                        }
                        parent = Some(id);
                        left -= 1;
                        written += 1;
                        user = !user;
                    }
                    leaf_stmt.execute(rusqlite::params![conv_id, parent, clock, title])?;
                }
                Ok(())
            })
            .expect("batch written");
    }
    big_id
}

fn insert_message(
    stmt: &mut rusqlite::CachedStatement<'_>,
    rng: &mut StdRng,
    conv_id: &str,
    parent: Option<&str>,
    user: bool,
    clock: &mut i64,
) -> portico_store::Result<(String, String)> {
    *clock += rng.random_range(1_000..90_000);
    let id = new_id();
    let text = message_text(rng, user);
    let usage = (!user).then(|| {
        format!(
            r#"{{"promptTokens":{},"completionTokens":{}}}"#,
            rng.random_range(10..4000),
            rng.random_range(10..900)
        )
    });
    stmt.execute(rusqlite::params![
        id,
        conv_id,
        parent,
        if user { "user" } else { "assistant" },
        text,
        (!user).then_some("bench-provider"),
        (!user).then_some("gpt-4o-mini"),
        usage,
        *clock,
    ])?;
    Ok((id, text))
}

/// Writes the history from scratch; `None` when only the build was asked for.
fn build_fresh(args: &Args, db: &std::path::Path, rng: &mut StdRng) -> Option<String> {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    println!(
        "building {} messages in {} conversations at {}",
        args.messages,
        args.conversations,
        db.display()
    );

    let started = Instant::now();
    let cpu_before = cpu_seconds();
    let store = Store::open(db).expect("open");
    apply_knobs(&store);
    let big = build(&store, args, rng);
    drop(store); // the last connection checkpoints the WAL into the file
    let build_time = started.elapsed();
    let cpu = cpu_seconds().zip(cpu_before).map(|(a, b)| a - b);
    println!(
        "build: {:.1} s wall, {} CPU",
        build_time.as_secs_f64(),
        cpu.map_or("?".to_owned(), |c| format!("{c:.1} s"))
    );
    if std::env::var("BENCH_BUILD_ONLY").is_ok() {
        println!("database size: {:.0} MB", file_mb(db));
        return None;
    }

    Some(big)
}

fn main() {
    let args = parse_args();
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = args
        .path
        .clone()
        .unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("folder");
    let db = dir.join("bench_history.db");
    let mut rng = StdRng::seed_from_u64(0x5eed_c0de);
    let big = if args.reuse && db.exists() {
        println!("reusing {}", db.display());
        let store = Store::open(&db).expect("open");
        store
            .read(|tx| {
                Ok(tx.query_row(
                    "SELECT id FROM conversations ORDER BY message_count DESC LIMIT 1",
                    [],
                    |r| r.get::<_, String>(0),
                )?)
            })
            .expect("big conversation")
    } else {
        match build_fresh(&args, &db, &mut rng) {
            Some(big) => big,
            None => return,
        }
    };
    println!(
        "database size: {:.0} MB (wal {:.1} MB)",
        file_mb(&db),
        file_mb(&PathBuf::from(format!("{}-wal", db.display())))
    );

    let t = Instant::now();
    let store = Store::open(&db).expect("reopen");
    let n = store
        .messages()
        .mark_interrupted_at_startup()
        .expect("startup");
    println!(
        "reopen + mark_interrupted_at_startup: {:.1} ms ({n} interrupted)",
        t.elapsed().as_secs_f64() * 1e3
    );
    let count: i64 = store
        .read(|tx| Ok(tx.query_row("SELECT COUNT(*) FROM messages", [], |r| r.get(0))?))
        .expect("count");
    let big_conv = store.conversations().get(&big).expect("big conversation");
    println!(
        "rows: {count} messages; big conversation has {} messages",
        big_conv.message_count
    );

    // Full-text search.
    let qs = queries(&mut StdRng::seed_from_u64(7), args.queries);
    for q in qs.iter().take(10) {
        store.search(q, 20).expect("warm-up");
    }
    let mut times = Vec::new();
    let mut total_hits = 0;
    let mut empty = 0;
    for q in &qs {
        let t = Instant::now();
        let hits = store.search(q, 20).expect("search");
        times.push(t.elapsed());
        total_hits += hits.len();
        empty += usize::from(hits.is_empty());
    }
    report(
        &format!(
            "search (limit 20, {} queries, {total_hits} hits, {empty} with none)",
            qs.len()
        ),
        times,
    );

    let short = [
        "AI", "你好", "数据", "go", "js", "缓存", "zq", "x", "模型", "db",
    ];
    let mut times = Vec::new();
    for q in short {
        let t = Instant::now();
        store.search(q, 20).expect("short search");
        times.push(t.elapsed());
    }
    report("search, queries under 3 characters (LIKE scan)", times);

    // Opening the long conversation.
    let mut times = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let page = store.messages().thread_page(&big, None, 50).expect("page");
        times.push(t.elapsed());
        assert_eq!(page.messages.len(), 50);
    }
    report(
        "thread_page first page (5,000-message conversation, limit 50)",
        times,
    );

    let mut times = Vec::new();
    let mut before: Option<String> = None;
    loop {
        let t = Instant::now();
        let page = store
            .messages()
            .thread_page(&big, before.as_deref(), 50)
            .expect("page");
        times.push(t.elapsed());
        if !page.has_more {
            break;
        }
        before = page.messages.first().map(|m| m.message.id.clone());
    }
    report("thread_page paging back to the root (limit 50)", times);

    let mut times = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..50 {
        let t = Instant::now();
        let page = store
            .conversations()
            .list_page(cursor.as_deref(), 50)
            .expect("list");
        times.push(t.elapsed());
        cursor = page.next_cursor;
    }
    report("conversation list pages (limit 50)", times);

    let leaf = big_conv.active_leaf_id.expect("leaf");
    let t = Instant::now();
    let path = store.messages().path_to(&leaf).expect("path");
    println!(
        "path_to(leaf of the big conversation): {} messages in {:.2} ms",
        path.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
}
