//! App-wide change events, batched: a burst of writes (a run finishing, a rename) becomes
//! one `portico://app-event` per kind every 50 ms, with conversation ids deduplicated.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use portico_core::Notifier;
use portico_types::{AppEvent, APP_EVENT};
use tauri::{AppHandle, Emitter, Runtime};

#[derive(Default)]
struct Pending {
    conversations: BTreeSet<String>,
    providers: bool,
    scheduled: bool,
}

pub struct BatchedNotifier<R: Runtime> {
    app: AppHandle<R>,
    pending: Arc<Mutex<Pending>>,
}

impl<R: Runtime> BatchedNotifier<R> {
    pub fn new(app: AppHandle<R>) -> Self {
        Self {
            app,
            pending: Arc::default(),
        }
    }
}

impl<R: Runtime> Notifier for BatchedNotifier<R> {
    fn notify(&self, event: AppEvent) {
        let mut p = self.pending.lock().unwrap();
        match event {
            AppEvent::ConversationsChanged { ids } => p.conversations.extend(ids),
            AppEvent::ProvidersChanged => p.providers = true,
        }
        if p.scheduled {
            return;
        }
        p.scheduled = true;
        let (app, pending) = (self.app.clone(), self.pending.clone());
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let batch = std::mem::take(&mut *pending.lock().unwrap());
            if !batch.conversations.is_empty() {
                let ids = batch.conversations.into_iter().collect();
                let _ = app.emit(APP_EVENT, AppEvent::ConversationsChanged { ids });
            }
            if batch.providers {
                let _ = app.emit(APP_EVENT, AppEvent::ProvidersChanged);
            }
        });
    }
}
