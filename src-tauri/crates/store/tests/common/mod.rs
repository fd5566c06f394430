//! Helpers shared by the integration tests: a store on a real file in a temp folder.
#![allow(dead_code)]

use portico_store::{Finish, Store};
use portico_types::{
    AuthScheme, ChatParams, Message, MessageStatus, NewConversation, ProviderInput,
};

pub struct TestDb {
    pub store: Store,
    pub dir: tempfile::TempDir,
}

impl TestDb {
    pub fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("portico.db")
    }

    /// A raw connection to the same file, for writing what the API never would.
    pub fn raw(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.path()).unwrap()
    }
}

pub fn open() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("portico.db")).unwrap();
    TestDb { store, dir }
}

/// A store whose clock ticks one millisecond per reading, from 1,000.
pub fn open_ticking() -> TestDb {
    use std::sync::atomic::{AtomicI64, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let tick = AtomicI64::new(1_000);
    let store = Store::open(dir.path().join("portico.db"))
        .unwrap()
        .with_clock(move || tick.fetch_add(1, Ordering::SeqCst));
    TestDb { store, dir }
}

pub fn provider_input(name: &str) -> ProviderInput {
    ProviderInput {
        name: name.to_owned(),
        preset_id: "custom".to_owned(),
        base_url: "https://gateway.example/v1".to_owned(),
        exact_base_url: false,
        auth: AuthScheme::Bearer,
        extra_headers: vec![],
        default_model: Some("gpt-4o-mini".to_owned()),
    }
}

pub fn new_conversation() -> NewConversation {
    NewConversation {
        provider_id: None,
        model: Some("gpt-4o-mini".to_owned()),
        params: ChatParams::default(),
    }
}

pub fn complete(text: &str) -> Finish {
    Finish {
        status: MessageStatus::Complete,
        text: text.to_owned(),
        reasoning: None,
        usage: None,
        timings: None,
        finish_reason: Some("stop".to_owned()),
        error: None,
    }
}

/// Send `user` under `parent` and finish the reply with `reply`; returns (user, assistant).
pub fn exchange(
    store: &Store,
    conv: &str,
    parent: Option<&str>,
    user: &str,
    reply: &str,
) -> (Message, Message) {
    let (u, a) = store
        .messages()
        .insert_exchange(conv, parent, user, "prov", "model-x")
        .unwrap();
    let a = store.messages().finish(&a.id, &complete(reply)).unwrap();
    (u, a)
}
