//! The streamed response body. A producer writes SSE events into a queue that
//! hyper drains, so each event leaves as soon as it is written: nothing waits
//! for the end. The producer is polled by the body itself, not spawned: no
//! cross-thread hand-off per chunk (the 50,000-chunk benchmark stays cheap), and
//! it is dropped with the body when the client goes away. Delays, byte
//! dripping, UTF-8 splitting, gzip and abrupt endings all happen here.

use std::future::Future;
use std::io::{self, Write};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use flate2::write::GzEncoder;
use flate2::Compression;
use futures_util::Stream;
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::chunks::Chunk;
use crate::scenario::Plan;
use crate::server::Shared;
use crate::sse::{cut_points, Cut, Framing};

/// The client went away, or the server is stopping: stop producing.
#[derive(Debug)]
pub struct Gone;

pub type Sent = Result<(), Gone>;

/// Writes SSE to the response body as the stream's scenario dictates.
pub struct SseWriter {
    tx: mpsc::Sender<io::Result<Bytes>>,
    shared: Arc<Shared>,
    framing: Framing,
    cut: Cut,
    gzip: Option<GzEncoder<Vec<u8>>>,
    delay: Duration,
    /// When the next event is due (none before the first): events keep to a schedule of one
    /// per `delay`, so a late timer on a busy machine makes the next ones catch up instead of
    /// stretching the stream.
    next_due: Option<Instant>,
    keepalive: bool,
    bom: bool,
    events: usize,
}

impl SseWriter {
    /// The `text/event-stream` response carrying what `produce` writes.
    pub fn respond<F, Fut>(
        shared: Arc<Shared>,
        plan: &Plan,
        delay: Duration,
        produce: F,
    ) -> Response
    where
        F: FnOnce(SseWriter) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let (tx, rx) = mpsc::channel(64);
        let writer = Self {
            tx,
            shared,
            framing: Framing {
                eol: plan.eol,
                no_space: plan.no_space,
                multiline: plan.multiline,
            },
            cut: plan.cut,
            gzip: plan
                .gzip
                .then(|| GzEncoder::new(Vec::new(), Compression::fast())),
            delay,
            next_due: None,
            keepalive: plan.keepalive,
            bom: plan.bom,
            events: 0,
        };
        let body = Paced {
            inner: Driven {
                producer: Some(Box::pin(produce(writer))),
                rx,
            },
            every: if plan.cut == Cut::Whole {
                FLUSH_EVERY
            } else {
                1
            },
            since_flush: 0,
            pause: false,
            held: None,
        };
        let mut response = (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "text/event-stream; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
                (header::HeaderName::from_static("x-accel-buffering"), "no"),
            ],
            Body::from_stream(body),
        )
            .into_response();
        if plan.gzip {
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        }
        response
    }

    /// One `data:` event holding the chunk.
    pub async fn json(&mut self, chunk: &Chunk<'_>) -> Sent {
        self.json_with(chunk, true).await
    }

    /// Like `json`; `blank` false leaves the event without its blank line.
    pub async fn json_with(&mut self, chunk: &Chunk<'_>, blank: bool) -> Sent {
        if self.framing.multiline || self.keepalive {
            let mut data = Vec::new();
            chunk.write_json(&mut data);
            let data = String::from_utf8(data).expect("JSON is UTF-8");
            return self.event(None, &data, blank).await;
        }
        // The common case serializes straight into the frame: one buffer per chunk.
        self.wait_turn().await?;
        let mut buf = Vec::with_capacity(384);
        self.framing.field_name(&mut buf, "data");
        chunk.write_json(&mut buf);
        self.framing.end_event(&mut buf, blank);
        self.events += 1;
        self.write(buf).await
    }

    /// The per-chunk delay, before every event but the first, kept to a schedule from the
    /// first event (a stream of n events lasts (n - 1) delays, however late timers wake).
    async fn wait_turn(&mut self) -> Sent {
        if self.delay.is_zero() {
            return Ok(());
        }
        match self.next_due {
            // The first event goes at once and starts the schedule.
            None => {
                self.next_due = Some(Instant::now() + self.delay);
                Ok(())
            }
            Some(due) => {
                self.next_due = Some(due + self.delay);
                self.pause_until(due).await
            }
        }
    }

    /// One event; waits the per-chunk delay first (except before the first one).
    pub async fn event(&mut self, name: Option<&str>, data: &str, blank: bool) -> Sent {
        self.wait_turn().await?;
        let mut buf = Vec::with_capacity(data.len() + 16);
        if self.keepalive {
            // Before the first event and between all others, bare `:` now and then.
            self.framing.comment(&mut buf, "keep-alive");
            if self.events.is_multiple_of(3) {
                self.framing.comment(&mut buf, "");
            }
        }
        self.framing.event(&mut buf, name, data, blank);
        self.events += 1;
        self.write(buf).await
    }

    pub async fn comment(&mut self, text: &str) -> Sent {
        let mut buf = Vec::new();
        self.framing.comment(&mut buf, text);
        self.write(buf).await
    }

    /// Bytes as they are, apart from the BOM, gzip and cutting.
    pub async fn write(&mut self, mut bytes: Vec<u8>) -> Sent {
        if std::mem::take(&mut self.bom) {
            bytes.splice(0..0, [0xEF, 0xBB, 0xBF]);
        }
        if let Some(gz) = self.gzip.as_mut() {
            // A sync flush per write keeps the compressed stream incremental.
            gz.write_all(&bytes)
                .and_then(|_| gz.flush())
                .map_err(|_| Gone)?;
            bytes = std::mem::take(gz.get_mut());
        }
        let cut = match (self.cut, self.gzip.is_some()) {
            (Cut::SplitUtf8, true) => Cut::Whole,
            (cut, _) => cut,
        };
        let mut start = 0;
        for end in cut_points(&bytes, cut) {
            self.send(Bytes::copy_from_slice(&bytes[start..end]))
                .await?;
            start = end;
        }
        if start == 0 {
            self.send(Bytes::from(bytes)).await
        } else {
            self.send(Bytes::copy_from_slice(&bytes[start..])).await
        }
    }

    async fn send(&self, bytes: Bytes) -> Sent {
        self.tx.send(Ok(bytes)).await.map_err(|_| Gone)
    }

    /// Sleeps, unless the server stops first. (A client leaving drops the
    /// whole producer, sleep included.)
    pub async fn pause(&self, d: Duration) -> Sent {
        self.pause_until(Instant::now() + d).await
    }

    /// Sleeps until `due` (at once if it has passed), unless the server stops first.
    async fn pause_until(&self, due: Instant) -> Sent {
        tokio::select! {
            _ = tokio::time::sleep_until(due) => Ok(()),
            _ = self.shared.stopped() => Err(Gone),
        }
    }

    /// Stays silent with the connection open until the server stops.
    pub async fn stall(&self) -> Sent {
        self.shared.stopped().await;
        Err(Gone)
    }

    /// Ends the body: cleanly after `Ok`, by aborting the connection (no
    /// terminating chunk, so the client sees a body error) after `Gone`.
    pub async fn close(mut self, outcome: Sent) {
        match outcome {
            Ok(()) => {
                if let Some(gz) = self.gzip.take() {
                    if let Ok(rest) = gz.finish() {
                        let _ = self.send(Bytes::from(rest)).await;
                    }
                }
            }
            Err(Gone) => {
                let cut = io::Error::new(io::ErrorKind::ConnectionAborted, "simulated disconnect");
                let _ = self.tx.send(Err(cut)).await;
            }
        }
    }
}

/// Items hyper may buffer before it is made to flush. Unbounded batches cost
/// more than they save: hyper copies and shifts a large pending buffer on every
/// partial socket write.
const FLUSH_EVERY: usize = 16;

/// Paces the body for hyper. Returning `Pending` makes hyper flush what it has
/// buffered: after every `every` items (1 for the drip scenarios, so each write
/// leaves on its own), and always before an error, so the content sent before a
/// simulated disconnect reaches the client before the connection is cut.
struct Paced<S> {
    inner: S,
    every: usize,
    since_flush: usize,
    pause: bool,
    held: Option<io::Error>,
}

impl<S: Stream<Item = io::Result<Bytes>> + Unpin> Stream for Paced<S> {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if std::mem::take(&mut self.pause) {
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        if let Some(err) = self.held.take() {
            return Poll::Ready(Some(Err(err)));
        }
        match std::task::ready!(Pin::new(&mut self.inner).poll_next(cx)) {
            Some(Err(err)) => {
                self.held = Some(err);
                cx.waker().wake_by_ref();
                Poll::Pending
            }
            Some(Ok(bytes)) => {
                self.since_flush += 1;
                if self.since_flush == self.every {
                    self.since_flush = 0;
                    self.pause = true;
                }
                Poll::Ready(Some(Ok(bytes)))
            }
            None => Poll::Ready(None),
        }
    }
}

type Producer = Pin<Box<dyn Future<Output = ()> + Send>>;

/// The queue's receiving end, which runs the producer whenever the queue is
/// empty. Ends when the producer has finished and the queue is drained.
struct Driven {
    producer: Option<Producer>,
    rx: mpsc::Receiver<io::Result<Bytes>>,
}

impl Stream for Driven {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if let Poll::Ready(item) = self.rx.poll_recv(cx) {
            return Poll::Ready(item);
        }
        if let Some(producer) = self.producer.as_mut() {
            if producer.as_mut().poll(cx).is_ready() {
                // Dropping it drops the sender, so the queue reports its end.
                self.producer = None;
            }
        }
        self.rx.poll_recv(cx)
    }
}
