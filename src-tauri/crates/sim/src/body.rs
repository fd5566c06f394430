//! The streamed response body. A producer task writes SSE events into a channel
//! that hyper drains, so each event leaves as soon as it is written: nothing is
//! buffered until the end. Delays, byte dripping, UTF-8 splitting, gzip and
//! abrupt endings all happen here, below the event sequence.

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
use serde::Serialize;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

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
    keepalive: bool,
    bom: bool,
    events: usize,
}

impl SseWriter {
    /// A writer and the `text/event-stream` response that carries what it writes.
    pub fn open(shared: Arc<Shared>, plan: &Plan, delay: Duration) -> (Self, Response) {
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
            keepalive: plan.keepalive,
            bom: plan.bom,
            events: 0,
        };
        let body = Paced {
            inner: ReceiverStream::new(rx),
            each: plan.cut != Cut::Whole,
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
        (writer, response)
    }

    /// One `data:` event holding `value` as JSON.
    pub async fn json<T: Serialize>(&mut self, value: &T) -> Sent {
        self.json_with(value, true).await
    }

    /// Like `json`; `blank` false leaves the event without its blank line.
    pub async fn json_with<T: Serialize>(&mut self, value: &T, blank: bool) -> Sent {
        let data = serde_json::to_string(value).expect("chunk serializes");
        self.event(None, &data, blank).await
    }

    /// One event; waits the per-chunk delay first (except before the first one).
    pub async fn event(&mut self, name: Option<&str>, data: &str, blank: bool) -> Sent {
        if self.events > 0 && !self.delay.is_zero() {
            self.pause(self.delay).await?;
        }
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

    /// Sleeps, unless the client leaves or the server stops first.
    pub async fn pause(&self, d: Duration) -> Sent {
        tokio::select! {
            _ = tokio::time::sleep(d) => Ok(()),
            _ = self.shared.stopped() => Err(Gone),
            _ = self.tx.closed() => Err(Gone),
        }
    }

    /// Stays silent with the connection open until the client leaves or the
    /// server stops.
    pub async fn stall(&self) -> Sent {
        tokio::select! {
            _ = self.shared.stopped() => Err(Gone),
            _ = self.tx.closed() => Err(Gone),
        }
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

/// Paces the body for hyper. Returning `Pending` makes hyper flush what it has
/// buffered: once after every item when `each` is set (so each write leaves on
/// its own), and always before an error, so the content sent before a simulated
/// disconnect reaches the client before the connection is cut.
struct Paced<S> {
    inner: S,
    each: bool,
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
                self.pause = self.each;
                Poll::Ready(Some(Ok(bytes)))
            }
            None => Poll::Ready(None),
        }
    }
}
