//! Unsent composer text on disk: the UI writes it shortly after typing stops, reads it all
//! at launch, and clears it once the message is sent.

use std::sync::Arc;

use portico_store::{Store, StoreError, NEW_CHAT};
use portico_types::{Draft, IpcError};

use crate::blocking::db;

#[derive(Clone)]
pub struct DraftService {
    store: Arc<Store>,
}

/// The store's key: a conversation id, or [`NEW_CHAT`] for the chat not created yet.
fn key(conversation_id: Option<String>) -> Result<String, IpcError> {
    match conversation_id {
        None => Ok(NEW_CHAT.to_string()),
        // "" is the new chat's key: an empty id would write its draft by accident.
        Some(id) if id.is_empty() => Err(IpcError::invalid("A conversation id can't be empty.")),
        Some(id) => Ok(id),
    }
}

/// A draft may only belong to a conversation that exists: a write that arrives after the
/// conversation was deleted would otherwise leave a row nothing shows.
fn ensure_conversation(store: &Store, id: &str) -> Result<(), StoreError> {
    if id == NEW_CHAT {
        return Ok(());
    }
    store.conversations().get(id).map(|_| ())
}

impl DraftService {
    pub fn new(store: Arc<Store>) -> Self {
        Self { store }
    }

    pub async fn list(&self) -> Result<Vec<Draft>, IpcError> {
        let records = db(&self.store, |s| s.drafts().list()).await?;
        Ok(records
            .into_iter()
            .map(|r| Draft {
                conversation_id: (r.conversation_id != NEW_CHAT).then_some(r.conversation_id),
                text: r.text,
                updated_at: r.updated_at,
            })
            .collect())
    }

    /// Saves `text` as the draft; empty text removes it.
    pub async fn save(
        &self,
        conversation_id: Option<String>,
        text: String,
    ) -> Result<(), IpcError> {
        let key = key(conversation_id)?;
        db(&self.store, move |s| {
            if !text.is_empty() {
                ensure_conversation(s, &key)?;
            }
            s.drafts().put(&key, &text)
        })
        .await
    }

    /// Moves the new chat's draft to the conversation the new chat became.
    pub async fn move_new_chat_to(&self, conversation_id: String) -> Result<(), IpcError> {
        let to = key(Some(conversation_id))?;
        db(&self.store, move |s| {
            ensure_conversation(s, &to)?;
            s.drafts().move_to(NEW_CHAT, &to)
        })
        .await
    }
}
