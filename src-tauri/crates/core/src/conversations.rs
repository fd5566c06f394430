//! Conversations and the message tree, as the UI asks for them.

use std::sync::Arc;

use portico_store::Store;
use portico_types::{
    AppEvent, Conversation, ConversationPage, ConversationSettings, IpcError, NewConversation,
    SearchHit, ThreadPage,
};

use crate::blocking::db;
use crate::notify::Notifier;

#[derive(Clone)]
pub struct ConversationService {
    store: Arc<Store>,
    notifier: Arc<dyn Notifier>,
}

impl ConversationService {
    pub fn new(store: Arc<Store>, notifier: Arc<dyn Notifier>) -> Self {
        Self { store, notifier }
    }

    fn changed(&self, id: &str) {
        self.notifier.notify(AppEvent::ConversationsChanged {
            ids: vec![id.to_string()],
        });
    }

    pub async fn list(
        &self,
        cursor: Option<String>,
        limit: u32,
    ) -> Result<ConversationPage, IpcError> {
        db(&self.store, move |s| {
            s.conversations().list_page(cursor.as_deref(), limit)
        })
        .await
    }

    pub async fn get(&self, id: String) -> Result<Conversation, IpcError> {
        db(&self.store, move |s| s.conversations().get(&id)).await
    }

    pub async fn create(&self, new: NewConversation) -> Result<Conversation, IpcError> {
        let c = db(&self.store, move |s| s.conversations().create(&new)).await?;
        self.changed(&c.id);
        Ok(c)
    }

    pub async fn rename(&self, id: String, title: String) -> Result<Conversation, IpcError> {
        let title = title.trim().to_string();
        if title.is_empty() {
            return Err(IpcError::refused(
                portico_types::ErrorReason::EmptyTitle,
                "A title can't be empty.",
            ));
        }
        let c = db(&self.store, move |s| s.conversations().rename(&id, &title)).await?;
        self.changed(&c.id);
        Ok(c)
    }

    pub async fn pin(&self, id: String, pinned: bool) -> Result<Conversation, IpcError> {
        let c = db(&self.store, move |s| {
            s.conversations().set_pinned(&id, pinned)
        })
        .await?;
        self.changed(&c.id);
        Ok(c)
    }

    pub async fn update_settings(
        &self,
        settings: ConversationSettings,
    ) -> Result<Conversation, IpcError> {
        let c = db(&self.store, move |s| {
            s.conversations().update_settings(&settings)
        })
        .await?;
        self.changed(&c.id);
        Ok(c)
    }

    pub async fn delete(&self, id: String) -> Result<(), IpcError> {
        let for_event = id.clone();
        db(&self.store, move |s| s.conversations().delete(&id)).await?;
        self.changed(&for_event);
        Ok(())
    }

    pub async fn search(&self, query: String, limit: u32) -> Result<Vec<SearchHit>, IpcError> {
        if query.trim().is_empty() {
            return Ok(Vec::new());
        }
        db(&self.store, move |s| s.search(query.trim(), limit)).await
    }

    pub async fn thread_page(
        &self,
        conversation_id: String,
        before_id: Option<String>,
        limit: u32,
    ) -> Result<ThreadPage, IpcError> {
        db(&self.store, move |s| {
            s.messages()
                .thread_page(&conversation_id, before_id.as_deref(), limit)
        })
        .await
    }

    pub async fn switch_branch(&self, message_id: String) -> Result<Conversation, IpcError> {
        let c = db(&self.store, move |s| {
            s.messages().switch_branch(&message_id)
        })
        .await?;
        self.changed(&c.id);
        Ok(c)
    }

    pub async fn delete_message(&self, message_id: String) -> Result<Conversation, IpcError> {
        let c = db(&self.store, move |s| {
            s.messages().delete_subtree(&message_id)
        })
        .await?;
        self.changed(&c.id);
        Ok(c)
    }
}
