//! A sink that timestamps every event the way a window would receive it.

use std::sync::Mutex;
use std::time::Instant;

use portico_core::ChatSink;
use portico_types::{ChatStreamEvent, MessageStatus};
use tokio::sync::Notify;

/// One `Delta` as received: when, and how long the reply text was after it.
#[derive(Clone, Copy)]
pub struct Received {
    pub at: Instant,
    pub text_len: usize,
}

pub struct Finished {
    pub at: Instant,
    pub status: MessageStatus,
    pub text_len: usize,
}

#[derive(Default)]
pub struct TimedSink {
    deltas: Mutex<Vec<Received>>,
    finished: Mutex<Option<Finished>>,
    done: Notify,
}

impl TimedSink {
    /// Waits for `Finished`; returns it with every delta in order.
    pub async fn wait(&self) -> (Finished, Vec<Received>) {
        let limit = std::time::Duration::from_secs(120);
        tokio::time::timeout(limit, self.done.notified())
            .await
            .expect("the run finishes within 2 minutes");
        let finished = self.finished.lock().unwrap().take().expect("finished");
        (finished, std::mem::take(&mut *self.deltas.lock().unwrap()))
    }
}

impl ChatSink for TimedSink {
    fn send(&self, event: ChatStreamEvent) -> bool {
        // Read the clock first: the bookkeeping below is the bench's cost, not the pipeline's.
        let at = Instant::now();
        match event {
            ChatStreamEvent::Delta { text, .. } => {
                let mut deltas = self.deltas.lock().unwrap();
                let text_len = deltas.last().map_or(0, |d| d.text_len) + text.len();
                deltas.push(Received { at, text_len });
            }
            ChatStreamEvent::Finished { message } => {
                *self.finished.lock().unwrap() = Some(Finished {
                    at,
                    status: message.status,
                    text_len: message.text.len(),
                });
                // Stores a permit if nobody waits yet, so an early finish is not lost.
                self.done.notify_one();
            }
            _ => {}
        }
        true
    }
}
