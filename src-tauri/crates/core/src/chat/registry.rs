//! Runs in flight: one cancellation token and one live text buffer per run, so that
//! `chat_cancel` can stop it and a reattaching window can get what was written so far.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use portico_types::{ActiveRun, ChatStreamEvent};
use tokio_util::sync::CancellationToken;

use super::sink::{ChatSink, SharedSink};

/// Text written so far by a run (the checkpoint in SQLite may be up to a second older).
#[derive(Default)]
pub(crate) struct LiveText {
    pub text: String,
    pub reasoning: String,
}

pub(crate) struct RunEntry {
    pub conversation_id: String,
    pub message_id: String,
    pub cancel: CancellationToken,
    pub sink: SharedSink,
    pub live: Arc<Mutex<LiveText>>,
}

#[derive(Clone, Default)]
pub(crate) struct Registry(Arc<Mutex<HashMap<String, Arc<RunEntry>>>>);

impl Registry {
    pub fn insert(&self, run_id: String, entry: RunEntry) -> Arc<RunEntry> {
        let entry = Arc::new(entry);
        self.0.lock().unwrap().insert(run_id, entry.clone());
        entry
    }

    pub fn remove(&self, run_id: &str) {
        self.0.lock().unwrap().remove(run_id);
    }

    /// Whether a run is writing this message now.
    pub fn is_writing(&self, message_id: &str) -> bool {
        self.0
            .lock()
            .unwrap()
            .values()
            .any(|e| e.message_id == message_id)
    }

    pub fn cancel(&self, run_id: &str) -> bool {
        match self.0.lock().unwrap().get(run_id) {
            Some(e) => {
                e.cancel.cancel();
                true
            }
            None => false,
        }
    }

    /// Points a run's events at a new sink, first sending it everything written so far.
    pub fn attach(&self, run_id: &str, sink: Arc<dyn ChatSink>) -> bool {
        let Some(entry) = self.0.lock().unwrap().get(run_id).cloned() else {
            return false;
        };
        // Under the live lock, as the run's flush: no delta slips between snapshot and switch.
        let live = entry.live.lock().unwrap();
        sink.send(ChatStreamEvent::Snapshot {
            message_id: entry.message_id.clone(),
            text: live.text.clone(),
            reasoning: live.reasoning.clone(),
        });
        entry.sink.replace(sink);
        true
    }

    pub fn active(&self) -> Vec<ActiveRun> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .map(|(run_id, e)| ActiveRun {
                run_id: run_id.clone(),
                conversation_id: e.conversation_id.clone(),
                message_id: e.message_id.clone(),
            })
            .collect()
    }

    pub fn cancel_all(&self) {
        for e in self.0.lock().unwrap().values() {
            e.cancel.cancel();
        }
    }
}
