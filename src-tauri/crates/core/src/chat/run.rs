//! One reply being written: request, stream, coalesce, checkpoint, finish. The message row
//! exists before the request is sent, its text is checkpointed about once a second, and
//! the final state is written whatever happens (complete, error, canceled, interrupted).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use portico_gateway::{ChatRequest, Endpoint, GatewayClient, StreamEvent};
use portico_store::{Finish, Store};
use portico_types::{
    AppEvent, ChatStreamEvent, ErrorKind, IpcError, Message, MessageStatus, Timings, Usage,
};

use super::registry::{Registry, RunEntry};
use crate::blocking::db;
use crate::key_checks::KeyChecks;
use crate::notify::Notifier;

/// How often deltas go to the window and text goes to disk.
#[derive(Debug, Clone, Copy)]
pub struct ChatTuning {
    pub coalesce: Duration,
    pub checkpoint: Duration,
}

impl Default for ChatTuning {
    fn default() -> Self {
        Self {
            coalesce: Duration::from_millis(40),
            checkpoint: Duration::from_secs(1),
        }
    }
}

/// Where a reply is requested from.
pub(crate) struct Target {
    pub provider_id: String,
    pub endpoint: Endpoint,
}

pub(crate) struct RunContext {
    pub run_id: String,
    pub store: Arc<Store>,
    pub gateway: GatewayClient,
    pub target: Target,
    pub key_checks: Arc<KeyChecks>,
    pub request: ChatRequest,
    /// The assistant row as written before sending (its text is kept when continuing).
    pub message: Message,
    pub entry: Arc<RunEntry>,
    pub registry: Registry,
    pub notifier: Arc<dyn Notifier>,
    pub tuning: ChatTuning,
    /// Set when the app is quitting: the reply ends `interrupted`, to be continued.
    pub shutting_down: Arc<AtomicBool>,
}

enum Outcome {
    Complete,
    Canceled,
    Failed(IpcError),
}

/// What the stream has produced so far, and what the window has not been sent yet.
struct Progress {
    pending_text: String,
    pending_reasoning: String,
    usage: Option<Usage>,
    finish_reason: Option<String>,
    first_byte: Option<Duration>,
    first_token: Option<Duration>,
    reasoning_started: Option<Duration>,
    reasoning_ended: Option<Duration>,
}

pub(crate) async fn run(ctx: RunContext) {
    let started = Instant::now();
    let mut progress = Progress {
        pending_text: String::new(),
        pending_reasoning: String::new(),
        usage: None,
        finish_reason: None,
        first_byte: None,
        first_token: None,
        reasoning_started: None,
        reasoning_ended: None,
    };
    let outcome = stream_reply(&ctx, &mut progress, started).await;
    flush(&ctx, &mut progress);
    let total = started.elapsed();

    let (text, reasoning) = {
        let live = ctx.entry.live.lock().unwrap();
        (live.text.clone(), live.reasoning.clone())
    };
    let interrupted = ctx.shutting_down.load(Ordering::SeqCst);
    let (status, error) = match outcome {
        Outcome::Complete => (MessageStatus::Complete, None),
        Outcome::Canceled if interrupted => (MessageStatus::Interrupted, None),
        Outcome::Canceled => (MessageStatus::Canceled, None),
        Outcome::Failed(e) if e.kind == ErrorKind::Canceled => (MessageStatus::Canceled, None),
        Outcome::Failed(e) => (MessageStatus::Error, Some(e)),
    };
    let finish = Finish {
        status,
        text,
        reasoning: (!reasoning.is_empty()).then_some(reasoning),
        usage: progress.usage.clone(),
        timings: Some(timings(&progress, total)),
        finish_reason: progress.finish_reason.clone(),
        error,
    };
    let id = ctx.message.id.clone();
    let to_write = finish.clone();
    let message = match db(&ctx.store, move |s| s.messages().finish(&id, &to_write)).await {
        Ok(m) => m,
        Err(storage) => {
            // The disk refused the final write: the window still gets the whole reply to copy.
            tracing::error!("final write of a reply failed: {}", storage.message);
            unsaved(&ctx.message, finish, storage)
        }
    };
    ctx.entry.sink.send(ChatStreamEvent::Finished {
        message: Box::new(message),
    });
    ctx.registry.remove(&ctx.run_id);
    ctx.notifier.notify(AppEvent::ConversationsChanged {
        ids: vec![ctx.message.conversation_id.clone()],
    });
}

async fn stream_reply(ctx: &RunContext, p: &mut Progress, started: Instant) -> Outcome {
    let cancel = ctx.entry.cancel.clone();
    let opened = tokio::select! {
        _ = cancel.cancelled() => return Outcome::Canceled,
        r = ctx.gateway.stream_chat(&ctx.target.endpoint, &ctx.request, cancel.clone()) => r,
    };
    let provider_id = &ctx.target.provider_id;
    let mut stream = match opened {
        Ok(s) => s,
        Err(e) => return Outcome::Failed(ctx.key_checks.explain(provider_id, false, e.into())),
    };
    // The gateway took the request, so it took the key.
    ctx.key_checks.key_accepted(provider_id);
    p.first_byte = Some(started.elapsed());
    ctx.entry.sink.send(ChatStreamEvent::Opened {
        message_id: ctx.message.id.clone(),
    });

    let mut flush_at: Option<tokio::time::Instant> = None;
    // Due when text arrived since the last checkpoint; time-driven, so a stalled stream's
    // text still reaches the disk.
    let mut checkpoint_at: Option<tokio::time::Instant> = None;
    loop {
        let next = tokio::select! {
            biased;
            _ = cancel.cancelled() => return Outcome::Canceled,
            _ = sleep_until(flush_at), if flush_at.is_some() => {
                flush(ctx, p);
                flush_at = None;
                continue;
            }
            _ = sleep_until(checkpoint_at), if checkpoint_at.is_some() => {
                flush(ctx, p);
                flush_at = None;
                checkpoint_at = None;
                checkpoint(ctx).await;
                continue;
            }
            ev = stream.next() => ev,
        };
        let at = started.elapsed();
        match next {
            None => return Outcome::Complete,
            Some(Ok(StreamEvent::TextDelta(t))) => {
                p.first_token.get_or_insert(at);
                if p.reasoning_started.is_some() {
                    p.reasoning_ended.get_or_insert(at);
                }
                p.pending_text.push_str(&t);
            }
            Some(Ok(StreamEvent::ReasoningDelta(r))) => {
                p.first_token.get_or_insert(at);
                p.reasoning_started.get_or_insert(at);
                p.pending_reasoning.push_str(&r);
            }
            Some(Ok(StreamEvent::Usage(u))) => {
                // Gateways send usage once, on every chunk, or cumulatively: keep the last.
                ctx.entry.sink.send(ChatStreamEvent::Usage {
                    message_id: ctx.message.id.clone(),
                    usage: u.clone(),
                });
                p.usage = Some(u);
            }
            Some(Ok(StreamEvent::Finish { reason })) => p.finish_reason = Some(reason),
            // No tools are offered in requests yet, so a tool call is only ever noise here.
            Some(Ok(StreamEvent::ToolCallDelta { .. })) => {}
            Some(Ok(StreamEvent::Error(e))) | Some(Err(e)) => return Outcome::Failed(e.into()),
        }
        if !p.pending_text.is_empty() || !p.pending_reasoning.is_empty() {
            let now = tokio::time::Instant::now();
            flush_at.get_or_insert(now + ctx.tuning.coalesce);
            checkpoint_at.get_or_insert(now + ctx.tuning.checkpoint);
        }
    }
}

async fn sleep_until(at: Option<tokio::time::Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// Moves the text gathered since the last delta into the live buffer and sends it as one
/// event. Both happen under the live lock, so a window attaching at the same moment gets
/// either the snapshot with this text or the delta, never both.
fn flush(ctx: &RunContext, p: &mut Progress) {
    if p.pending_text.is_empty() && p.pending_reasoning.is_empty() {
        return;
    }
    let mut live = ctx.entry.live.lock().unwrap();
    live.text.push_str(&p.pending_text);
    live.reasoning.push_str(&p.pending_reasoning);
    ctx.entry.sink.send(ChatStreamEvent::Delta {
        message_id: ctx.message.id.clone(),
        text: std::mem::take(&mut p.pending_text),
        reasoning: std::mem::take(&mut p.pending_reasoning),
    });
}

async fn checkpoint(ctx: &RunContext) {
    let (text, reasoning) = {
        let live = ctx.entry.live.lock().unwrap();
        (live.text.clone(), live.reasoning.clone())
    };
    let id = ctx.message.id.clone();
    let result = db(&ctx.store, move |s| {
        s.messages().checkpoint(
            &id,
            &text,
            (!reasoning.is_empty()).then_some(reasoning.as_str()),
        )
    })
    .await;
    if let Err(e) = result {
        // The final write will try again; the live text is still in memory.
        tracing::warn!("checkpoint failed: {}", e.message);
    }
}

fn timings(p: &Progress, total: Duration) -> Timings {
    let ms = |d: Duration| d.as_millis() as u64;
    let reasoning_ms = p
        .reasoning_started
        .map(|s| ms(p.reasoning_ended.unwrap_or(total).saturating_sub(s)));
    let tokens_per_second = match (
        p.usage.as_ref().and_then(|u| u.completion_tokens),
        p.first_token,
    ) {
        (Some(tokens), Some(first)) if total > first && tokens > 0 => {
            Some(tokens as f32 / (total - first).as_secs_f32())
        }
        _ => None,
    };
    Timings {
        first_byte_ms: p.first_byte.map(ms),
        first_token_ms: p.first_token.map(ms),
        total_ms: Some(ms(total)),
        reasoning_ms,
        tokens_per_second,
    }
}

/// The reply as the window should show it when it could not be saved.
fn unsaved(row: &Message, finish: Finish, storage: IpcError) -> Message {
    Message {
        status: MessageStatus::Error,
        text: finish.text,
        reasoning: finish.reasoning,
        usage: finish.usage,
        timings: finish.timings,
        finish_reason: finish.finish_reason,
        error: Some(storage),
        ..row.clone()
    }
}
