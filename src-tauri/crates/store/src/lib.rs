//! portico-store: Portico's SQLite database.
//!
//! - [`Store`] opens a file (WAL, `synchronous=NORMAL`, 5 s busy timeout, foreign keys on),
//!   migrates it with the numbered SQL files in `migrations/` ([`migrate`]), and serves
//!   writes on one connection and reads on a small pool of read-only ones. It is a
//!   synchronous API: call it from `spawn_blocking`.
//! - One module per entity: [`Providers`] (`store.providers()`), [`Conversations`]
//!   (`store.conversations()`), [`Messages`] (`store.messages()`, with the tree queries), and
//!   [`Store::search`] for full-text search, [`Settings`] (`store.settings()`, app-wide values
//!   by key) and [`Drafts`] (`store.drafts()`, unsent composer text).
//! - Ids are uuid v7 strings; times are milliseconds since the Unix epoch from the store's
//!   clock ([`Store::now`]).
//! - A row that cannot be decoded is [`StoreError::Corrupt`], never a silent default.
//! - No column holds an API key: keys are in the OS keychain.

mod codec;
mod conversations;
mod db;
mod drafts;
mod error;
mod messages;
pub mod migrate;
mod providers;
mod search;
mod search_branch;
mod settings;
mod tree;

pub use conversations::{Conversations, MAX_PAGE};
pub use db::{new_id, system_now_ms, Store};
pub use drafts::{DraftRecord, Drafts, NEW_CHAT};
pub use error::{Result, StoreError};
pub use messages::{title_from_text, Finish, Messages, TITLE_MAX_CHARS};
pub use providers::{CachedModel, ProviderRecord, Providers};
pub use search::MAX_HITS;
pub use settings::Settings;
pub use tree::MAX_THREAD_PAGE;

/// The rusqlite this crate is built with, for callers of [`Store::read`] and [`Store::write`].
pub use rusqlite;
