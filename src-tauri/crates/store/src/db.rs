//! Opening the database, the connections (one writer, a few readers) and the transaction
//! helpers every query goes through.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::Result;
use crate::migrate;

/// How many read connections a file database keeps at most. WAL lets them read while the
/// writer writes; the app has two cores, a handful of IPC calls in flight and a few services.
const MAX_READERS: usize = 4;
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// The SQLite store. `Send + Sync`: share it in an `Arc` and call it from
/// `spawn_blocking`. Writes are serialized on one connection; reads use a small pool of
/// read-only connections (a file database) or the writer (an in-memory one).
pub struct Store {
    // Readers are declared (so dropped) first: the writer, closing last, checkpoints the WAL
    // into the main file and removes it.
    readers: Option<ReaderPool>,
    writer: Mutex<Connection>,
    path: Option<PathBuf>,
    clock: Clock,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Milliseconds since the Unix epoch from the system clock: the only place the store reads it
/// (unless a test installs its own clock with [`Store::with_clock`]).
pub fn system_now_ms() -> i64 {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// A new id: a uuid v7 string (time-ordered, so ids sort by creation within this process).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

impl Store {
    /// Open (creating if needed) the database file at `path`, migrate it to the latest schema,
    /// and prepare the reader pool. The folder is created when missing.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
        let mut writer = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&writer, false)?;
        migrate::migrate(&mut writer, system_now_ms())?;
        let readers = ReaderPool::new(path.clone(), MAX_READERS);
        // Open one reader now so a broken file fails here, not on the first query.
        drop(readers.get()?);
        Ok(Store {
            writer: Mutex::new(writer),
            readers: Some(readers),
            path: Some(path),
            clock: Arc::new(system_now_ms),
        })
    }

    /// A private in-memory database (reads go through the writer). For pure unit tests.
    pub fn open_in_memory() -> Result<Store> {
        let mut writer = Connection::open_in_memory()?;
        configure(&writer, false)?;
        migrate::migrate(&mut writer, system_now_ms())?;
        Ok(Store {
            writer: Mutex::new(writer),
            readers: None,
            path: None,
            clock: Arc::new(system_now_ms),
        })
    }

    /// Replace the clock (tests that need exact timestamps).
    pub fn with_clock(mut self, clock: impl Fn() -> i64 + Send + Sync + 'static) -> Store {
        self.clock = Arc::new(clock);
        self
    }

    /// The database file, or `None` for an in-memory store.
    pub fn file_path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Now, in milliseconds since the Unix epoch, from the store's clock.
    pub fn now(&self) -> i64 {
        (self.clock)()
    }

    /// Run `f` in an IMMEDIATE transaction on the writer: committed when `f` returns `Ok`,
    /// rolled back when it returns `Err` (or panics). The entity modules use this; bulk tools
    /// and tests may too. Do not call the store from inside `f`: the writer is not reentrant.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.lock_writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Run `f` in a read transaction (one consistent snapshot for all its queries). Do not call
    /// the store from inside `f` (an in-memory store reads through the writer).
    pub fn read<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        match &self.readers {
            Some(pool) => {
                let mut conn = pool.get()?;
                let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
                let value = f(&tx)?;
                tx.commit()?;
                Ok(value)
            }
            None => {
                let mut conn = self.lock_writer();
                let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
                let value = f(&tx)?;
                tx.commit()?;
                Ok(value)
            }
        }
    }

    fn lock_writer(&self) -> MutexGuard<'_, Connection> {
        // A panic inside `write` drops its transaction (a rollback) before the lock is
        // released, so the connection behind a poisoned lock is still sound.
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Per-connection settings (SQLite keeps none of these but journal_mode across connections).
fn configure(conn: &Connection, read_only: bool) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if !read_only {
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
            tracing::warn!(mode, "SQLite refused WAL mode");
        }
    }
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -16000;",
    )?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// A tiny pool of read-only connections: opened on demand up to `max`, then callers wait.
struct ReaderPool {
    path: PathBuf,
    max: usize,
    state: Mutex<PoolState>,
    returned: Condvar,
}

struct PoolState {
    idle: Vec<Connection>,
    open: usize,
}

impl ReaderPool {
    fn new(path: PathBuf, max: usize) -> ReaderPool {
        ReaderPool {
            path,
            max,
            state: Mutex::new(PoolState {
                idle: Vec::new(),
                open: 0,
            }),
            returned: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, PoolState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn get(&self) -> Result<PooledReader<'_>> {
        let mut state = self.lock();
        loop {
            if let Some(conn) = state.idle.pop() {
                return Ok(PooledReader {
                    pool: self,
                    conn: Some(conn),
                });
            }
            if state.open < self.max {
                state.open += 1;
                drop(state);
                return match self.open_one() {
                    Ok(conn) => Ok(PooledReader {
                        pool: self,
                        conn: Some(conn),
                    }),
                    Err(e) => {
                        self.lock().open -= 1;
                        self.returned.notify_one();
                        Err(e)
                    }
                };
            }
            state = self.returned.wait(state).unwrap_or_else(|p| p.into_inner());
        }
    }

    fn open_one(&self) -> Result<Connection> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn, true)?;
        Ok(conn)
    }
}

struct PooledReader<'a> {
    pool: &'a ReaderPool,
    conn: Option<Connection>,
}

impl std::ops::Deref for PooledReader<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn.as_ref().expect("connection present until drop")
    }
}

impl std::ops::DerefMut for PooledReader<'_> {
    fn deref_mut(&mut self) -> &mut Connection {
        self.conn.as_mut().expect("connection present until drop")
    }
}

impl Drop for PooledReader<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            if conn.is_autocommit() {
                self.pool.lock().idle.push(conn);
            } else {
                // A transaction was left open (a panic mid-read): do not reuse the connection.
                self.pool.lock().open -= 1;
            }
            self.pool.returned.notify_one();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::StoreError;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn store_is_send_and_sync() {
        assert_send_sync::<Store>();
    }

    #[test]
    fn write_rolls_back_on_err() {
        let store = Store::open_in_memory().unwrap();
        let r: Result<()> = store.write(|tx| {
            tx.execute(
                "INSERT INTO providers (id, name, preset_id, base_url, auth, created_at, updated_at)
                 VALUES ('p', 'n', 'custom', '', 'bearer', 0, 0)",
                [],
            )?;
            Err(StoreError::invalid("stop"))
        });
        assert!(r.is_err());
        let n: i64 = store
            .read(|tx| Ok(tx.query_row("SELECT COUNT(*) FROM providers", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn ids_are_time_ordered() {
        let a = new_id();
        let b = new_id();
        assert!(a < b, "{a} {b}");
        assert_eq!(a.len(), 36);
    }
}
