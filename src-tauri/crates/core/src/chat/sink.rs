//! Where a run's events go: a Tauri Channel in the app, a Vec in tests. A window that
//! closes or reloads drops its sink; the run goes on and a new window may attach.

use std::sync::{Arc, Mutex};

use portico_types::ChatStreamEvent;

pub trait ChatSink: Send + Sync {
    /// Delivers one event; false when the receiver is gone.
    fn send(&self, event: ChatStreamEvent) -> bool;
}

/// The sink a run writes to, replaceable while it runs.
#[derive(Clone, Default)]
pub(crate) struct SharedSink(Arc<Mutex<Option<Arc<dyn ChatSink>>>>);

impl SharedSink {
    pub fn new(sink: Arc<dyn ChatSink>) -> Self {
        Self(Arc::new(Mutex::new(Some(sink))))
    }

    pub fn send(&self, event: ChatStreamEvent) {
        let sink = self.0.lock().unwrap().clone();
        if let Some(sink) = sink {
            if !sink.send(event) {
                // The window went away: stop sending, keep running.
                let mut slot = self.0.lock().unwrap();
                if slot.as_ref().is_some_and(|s| Arc::ptr_eq(s, &sink)) {
                    *slot = None;
                }
            }
        }
    }

    pub fn replace(&self, sink: Arc<dyn ChatSink>) {
        *self.0.lock().unwrap() = Some(sink);
    }
}

/// Collects events; for tests and tools.
#[derive(Default)]
pub struct VecSink(pub Mutex<Vec<ChatStreamEvent>>);

impl ChatSink for VecSink {
    fn send(&self, event: ChatStreamEvent) -> bool {
        self.0.lock().unwrap().push(event);
        true
    }
}
