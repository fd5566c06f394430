//! `ChatStream`: the reply of `stream_chat` as normalized events, read from the socket as the
//! consumer asks for them. It sniffs what the gateway actually sent (SSE, or one JSON body even
//! when a stream was asked for), applies the first-byte and idle timeouts, stops on cancel, and
//! ends a stream that just stops (no `[DONE]`, no finish reason) with a "truncated" error.

use std::collections::VecDeque;
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use portico_types::ErrorReason;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::chat::StreamEvent;
use crate::client::{first_byte_timeout, idle_timeout, Timeouts};
use crate::error::GatewayError;
use crate::openai_chat::{map_response, ChunkMapper};
use crate::sse::{SseDecoder, SseEvent};

pub(crate) type BodyStream = Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>;

/// A JSON reply larger than this is not a chat reply.
const MAX_JSON_BODY: usize = 256 * 1024 * 1024;

enum Mode {
    /// Content type said neither: decide on the first non-whitespace byte.
    Sniff(Vec<u8>),
    Sse,
    Json(Vec<u8>),
}

/// The events of one reply, in order.
///
/// Use [`ChatStream::next`] (`while let Some(item) = stream.next().await`) or
/// [`ChatStream::into_stream`] for a `futures::Stream`. Items are `Ok(event)` until the reply
/// ends; a failure is one final `Err` (never `Ok(StreamEvent::Error(_))`), after which `next`
/// returns `None`. Events before an error are valid partial output: keep them.
/// Dropping the stream closes the connection.
pub struct ChatStream {
    body: Option<BodyStream>,
    mode: Mode,
    decoder: SseDecoder,
    mapper: ChunkMapper,
    /// Scratch buffer the mapper writes into.
    scratch: Vec<StreamEvent>,
    queue: VecDeque<StreamEvent>,
    cancel: CancellationToken,
    timeouts: Timeouts,
    sent_at: Instant,
    headers_after: Duration,
    first_byte: Option<Duration>,
    key: Option<String>,
    /// The last item was handed out: only `None` from now on.
    finished: bool,
}

impl ChatStream {
    pub(crate) fn new(
        body: BodyStream,
        content_type: &str,
        cancel: CancellationToken,
        timeouts: Timeouts,
        sent_at: Instant,
        headers_after: Duration,
        key: Option<String>,
    ) -> Self {
        let mode = if content_type.contains("event-stream") {
            Mode::Sse
        } else if content_type.contains("json") {
            Mode::Json(Vec::new())
        } else {
            // text/plain, application/octet-stream or nothing: PROTOCOLS 10.1 #14.
            Mode::Sniff(Vec::new())
        };
        Self {
            body: Some(body),
            mode,
            decoder: SseDecoder::new(),
            mapper: ChunkMapper::new(),
            scratch: Vec::new(),
            queue: VecDeque::new(),
            cancel,
            timeouts,
            sent_at,
            headers_after,
            first_byte: None,
            key,
            finished: false,
        }
    }

    /// From sending the request to the response headers.
    pub fn headers_after(&self) -> Duration {
        self.headers_after
    }

    /// From sending the request to the first byte of the body; `None` until it arrives.
    pub fn first_byte(&self) -> Option<Duration> {
        self.first_byte
    }

    /// The next event, `None` at the end. Cancel-safe to race against other futures.
    pub async fn next(&mut self) -> Option<Result<StreamEvent, GatewayError>> {
        loop {
            if self.finished {
                return None;
            }
            if self.cancel.is_cancelled() {
                return Some(self.end_with(GatewayError::canceled()));
            }
            if let Some(ev) = self.queue.pop_front() {
                return Some(match ev {
                    StreamEvent::Error(e) => self.end_with(e),
                    ev => Ok(ev),
                });
            }
            let Some(body) = self.body.as_mut() else {
                self.finished = true;
                return None;
            };
            let (deadline, limit_err): (Instant, fn(Duration) -> GatewayError) =
                match self.first_byte {
                    None => (self.sent_at + self.timeouts.first_byte, first_byte_timeout),
                    Some(_) => (Instant::now() + self.timeouts.idle, idle_timeout),
                };
            let read = tokio::select! {
                biased;
                _ = self.cancel.cancelled() => return Some(self.end_with(GatewayError::canceled())),
                r = tokio::time::timeout_at(deadline, body.next()) => r,
            };
            match read {
                Err(_) => {
                    let limit = match self.first_byte {
                        None => self.timeouts.first_byte,
                        Some(_) => self.timeouts.idle,
                    };
                    self.fail(limit_err(limit));
                }
                Ok(None) => self.on_eof(),
                Ok(Some(Err(e))) => {
                    let got_bytes = self.first_byte.is_some();
                    self.fail(GatewayError::from_reqwest(&e, got_bytes));
                }
                Ok(Some(Ok(bytes))) => {
                    if self.first_byte.is_none() && !bytes.is_empty() {
                        self.first_byte = Some(self.sent_at.elapsed());
                    }
                    self.on_bytes(&bytes);
                }
            }
        }
    }

    /// As a `futures::Stream` of the same items.
    pub fn into_stream(self) -> impl Stream<Item = Result<StreamEvent, GatewayError>> + Send {
        futures_util::stream::unfold(self, |mut s| async move {
            let item = s.next().await?;
            Some((item, s))
        })
    }

    fn end_with(&mut self, e: GatewayError) -> Result<StreamEvent, GatewayError> {
        self.finished = true;
        self.body = None;
        self.queue.clear();
        Err(e.redacted(self.key.as_deref()))
    }

    /// Stop reading; the events already decoded go out first, then `e`.
    fn fail(&mut self, e: GatewayError) {
        self.body = None;
        if matches!(self.mode, Mode::Sse) {
            self.mapper.finish(&mut self.scratch);
            self.queue.extend(self.scratch.drain(..));
        }
        self.queue.push_back(StreamEvent::Error(e));
    }

    fn on_bytes(&mut self, bytes: &[u8]) {
        match &mut self.mode {
            Mode::Sse => self.feed_sse(bytes),
            Mode::Json(buf) => {
                buf.extend_from_slice(bytes);
                if buf.len() > MAX_JSON_BODY {
                    self.fail(GatewayError::invalid_response(
                        ErrorReason::ReplyTooLarge,
                        "The gateway's reply is too large to be a chat reply.",
                        "",
                    ));
                }
            }
            Mode::Sniff(buf) => {
                buf.extend_from_slice(bytes);
                let Some(&first) = buf.iter().find(|b| !b.is_ascii_whitespace()) else {
                    return;
                };
                let held = std::mem::take(buf);
                if first == b'{' || first == b'[' {
                    self.mode = Mode::Json(held);
                } else {
                    self.mode = Mode::Sse;
                    self.feed_sse(&held);
                }
            }
        }
    }

    fn feed_sse(&mut self, bytes: &[u8]) {
        let (mapper, scratch) = (&mut self.mapper, &mut self.scratch);
        self.decoder.feed(bytes, |ev| {
            mapper.on_event(ev, scratch);
        });
        self.queue.extend(self.scratch.drain(..));
        if self.mapper.is_stopped() {
            // [DONE] or an error: nothing after it counts, so stop reading.
            self.body = None;
        }
    }

    fn on_eof(&mut self) {
        self.body = None;
        match std::mem::replace(&mut self.mode, Mode::Sse) {
            Mode::Sse => {
                let mut flushed: Vec<SseEvent> = Vec::new();
                self.decoder.finish(|ev| flushed.push(ev.to_owned_event()));
                for ev in &flushed {
                    // Lenient flush of a last event without its blank line, but only when it is
                    // complete: a half-written JSON chunk means the stream was cut.
                    let data = ev.data.trim_start();
                    let complete = ev.event.is_some()
                        || data.starts_with("[DONE]")
                        || serde_json::from_str::<serde::de::IgnoredAny>(data).is_ok();
                    if complete {
                        self.mapper.on_event(
                            crate::sse::SseEventRef {
                                event: ev.event.as_deref(),
                                data: &ev.data,
                                id: ev.id.as_deref(),
                                retry: ev.retry,
                            },
                            &mut self.scratch,
                        );
                    }
                }
                self.mapper.finish(&mut self.scratch);
                self.queue.extend(self.scratch.drain(..));
                if !self.mapper.is_stopped() && !self.mapper.saw_finish() {
                    self.queue
                        .push_back(StreamEvent::Error(GatewayError::truncated()));
                }
            }
            Mode::Json(buf) => match map_response(&String::from_utf8_lossy(&buf)) {
                Ok(events) => self.queue.extend(events),
                Err(e) => self.queue.push_back(StreamEvent::Error(e)),
            },
            Mode::Sniff(_) => {
                self.queue
                    .push_back(StreamEvent::Error(GatewayError::invalid_response(
                        ErrorReason::EmptyReply,
                        "The gateway answered with an empty reply.",
                        "",
                    )))
            }
        }
    }
}

#[cfg(test)]
#[path = "chat_stream_tests.rs"]
mod tests;
