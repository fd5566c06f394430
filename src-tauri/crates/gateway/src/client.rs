//! `GatewayClient`: one reqwest client (rustls, gzip, HTTP/2) shared by every call, with the
//! three timeouts a streaming client needs, cancellation, and retries for idempotent calls only.

use std::time::Duration;

use bytes::Bytes;
use futures_util::StreamExt;
use portico_types::{ErrorKind, ErrorReason, ModelInfo};
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, CONTENT_TYPE};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::chat::ChatRequest;
use crate::chat_stream::{BodyStream, ChatStream};
use crate::error::GatewayError;
use crate::http::Endpoint;
use crate::redact::redact;
use crate::retry::{retry_after, should_retry_status, RetryPolicy};
use crate::{error_map, models, openai_chat};

/// Error bodies are evidence, not payload: read this much at most.
const MAX_ERROR_BODY: usize = 64 * 1024;
/// A models list larger than this is not a models list.
const MAX_MODELS_BODY: usize = 32 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// TCP + TLS connect.
    pub connect: Duration,
    /// From sending the request to the first byte of the body (headers alone do not count:
    /// a gateway may send them at once and then think for minutes).
    pub first_byte: Duration,
    /// Between two reads of the body; any bytes reset it, keep-alive comments included.
    pub idle: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            first_byte: Duration::from_secs(300),
            idle: Duration::from_secs(120),
        }
    }
}

#[derive(Debug, Clone)]
pub struct GatewayClient {
    http: reqwest::Client,
    timeouts: Timeouts,
    retry: RetryPolicy,
}

impl GatewayClient {
    /// Default timeouts and retry policy.
    pub fn new() -> Result<Self, GatewayError> {
        Self::with_config(Timeouts::default(), RetryPolicy::default())
    }

    pub fn with_config(timeouts: Timeouts, retry: RetryPolicy) -> Result<Self, GatewayError> {
        let http = reqwest::Client::builder()
            .connect_timeout(timeouts.connect)
            .gzip(true)
            .tcp_nodelay(true)
            .user_agent(concat!("Portico/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                GatewayError::new(ErrorKind::Internal, "The HTTP client could not start.")
                    .with_detail(e.to_string())
            })?;
        Ok(Self {
            http,
            timeouts,
            retry,
        })
    }

    pub fn timeouts(&self) -> Timeouts {
        self.timeouts
    }

    /// `GET {base}/v1/models`, retried on connection errors, timeouts, 408, 409, 429 (not an
    /// exhausted quota) and 5xx, honouring `Retry-After`. Sorted by id, without duplicates.
    pub async fn list_models(&self, endpoint: &Endpoint) -> Result<Vec<ModelInfo>, GatewayError> {
        let url = endpoint.url("models")?;
        let key = endpoint.key_str();
        let mut attempt = 0;
        loop {
            let (err, headers) = match self.get_once(endpoint, &url).await {
                Ok((status, _, body)) if (200..300).contains(&status) => {
                    return models::parse_models(&body).map_err(|e| e.redacted(key));
                }
                Ok((status, headers, body)) => {
                    let ct = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok());
                    let e = error_map::from_http(status, ct, retry_after(&headers), &body);
                    let quota = e.kind == ErrorKind::OutOfCredit;
                    if !should_retry_status(status, &headers, quota) {
                        return Err(e.redacted(key));
                    }
                    (e, Some(headers))
                }
                Err(e) if matches!(e.kind, ErrorKind::Network | ErrorKind::Timeout) => (e, None),
                Err(e) => return Err(e),
            };
            if attempt >= self.retry.max_retries {
                return Err(err.redacted(key));
            }
            let wait = self.retry.delay(attempt, headers.as_ref());
            tracing::debug!(attempt, wait_ms = wait.as_millis() as u64, kind = ?err.kind, "retrying models list");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// One GET with the whole body read (bounded), under the first-byte and idle timeouts.
    async fn get_once(
        &self,
        endpoint: &Endpoint,
        url: &str,
    ) -> Result<(u16, HeaderMap, Vec<u8>), GatewayError> {
        let mut headers = endpoint.headers()?;
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let request = self.http.get(url).headers(headers);
        let never = CancellationToken::new();
        let sent_at = Instant::now();
        let response = self.send(request, sent_at, &never, endpoint).await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let limit = if (200..300).contains(&status) {
            MAX_MODELS_BODY
        } else {
            MAX_ERROR_BODY
        };
        let mut body: BodyStream = Box::pin(response.bytes_stream());
        let bytes = read_body(&mut body, limit, sent_at, self.timeouts, &never).await?;
        Ok((status, headers, bytes))
    }

    /// Send the request; the first-byte deadline covers the wait for headers, cancel drops it.
    async fn send(
        &self,
        request: reqwest::RequestBuilder,
        sent_at: Instant,
        cancel: &CancellationToken,
        endpoint: &Endpoint,
    ) -> Result<reqwest::Response, GatewayError> {
        let key = endpoint.key_str();
        let deadline = sent_at + self.timeouts.first_byte;
        tokio::select! {
            biased;
            _ = cancel.cancelled() => Err(GatewayError::canceled()),
            r = tokio::time::timeout_at(deadline, request.send()) => match r {
                Err(_) => Err(first_byte_timeout(self.timeouts.first_byte)),
                Ok(Err(e)) => Err(GatewayError::from_reqwest(&e, false).redacted(key)),
                Ok(Ok(resp)) => {
                    tracing::debug!(
                        url = %redact(resp.url().as_str(), key),
                        status = resp.status().as_u16(),
                        ms = sent_at.elapsed().as_millis() as u64,
                        "gateway answered"
                    );
                    Ok(resp)
                }
            },
        }
    }

    /// `POST {base}/v1/chat/completions` and the reply as a stream of events.
    ///
    /// HTTP errors, connect failures, timeouts before the response and HTML error pages come
    /// back here as `Err`; everything after (text, reasoning, usage, finish, and errors inside
    /// the reply, a JSON error body on a 200 included) comes from [`ChatStream::next`].
    /// Never retried automatically.
    pub async fn stream_chat(
        &self,
        endpoint: &Endpoint,
        req: &ChatRequest,
        cancel: CancellationToken,
    ) -> Result<ChatStream, GatewayError> {
        let url = endpoint.url("chat/completions")?;
        let key = endpoint.key_str();
        let mut headers = endpoint.headers()?;
        let accept = if req.stream {
            "text/event-stream"
        } else {
            "application/json"
        };
        headers.insert(ACCEPT, HeaderValue::from_static(accept));
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        let request = self
            .http
            .post(&url)
            .headers(headers)
            .body(openai_chat::build_body(req));
        let sent_at = Instant::now();
        let response = self.send(request, sent_at, &cancel, endpoint).await?;
        let status = response.status().as_u16();
        let resp_headers = response.headers().clone();
        let content_type = resp_headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let headers_after = sent_at.elapsed();
        let mut body: BodyStream = Box::pin(response.bytes_stream());
        if !(200..300).contains(&status) || content_type.contains("html") {
            let bytes = read_body(&mut body, MAX_ERROR_BODY, sent_at, self.timeouts, &cancel)
                .await
                .map_err(|e| e.redacted(key))?;
            let ct = Some(content_type.as_str()).filter(|c| !c.is_empty());
            return Err(
                error_map::from_http(status, ct, retry_after(&resp_headers), &bytes).redacted(key),
            );
        }
        Ok(ChatStream::new(
            body,
            &content_type,
            cancel,
            self.timeouts,
            sent_at,
            headers_after,
            key.map(str::to_owned),
        ))
    }
}

pub(crate) fn first_byte_timeout(limit: Duration) -> GatewayError {
    GatewayError::new(
        ErrorKind::Timeout,
        format!(
            "The gateway sent nothing for {}, so the request was stopped. Try again; for slow reasoning models, raise the first-byte timeout.",
            secs(limit)
        ),
    )
    .with_reason(ErrorReason::FirstByteTimeout)
    .with_detail(format!("first-byte timeout: {}", secs(limit)))
}

pub(crate) fn idle_timeout(limit: Duration) -> GatewayError {
    GatewayError::new(
        ErrorKind::Timeout,
        format!(
            "The reply stalled: nothing arrived for {}. The partial text was kept.",
            secs(limit)
        ),
    )
    .with_reason(ErrorReason::Stalled)
    .with_detail(format!("idle timeout: {}", secs(limit)))
}

/// `300 s`, or `0.2 s` below a second.
fn secs(d: Duration) -> String {
    if d >= Duration::from_secs(1) && d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// Read a body to its end (or `limit`, then stop), under the first-byte deadline until bytes
/// arrive and the idle timeout after.
pub(crate) async fn read_body(
    body: &mut BodyStream,
    limit: usize,
    sent_at: Instant,
    timeouts: Timeouts,
    cancel: &CancellationToken,
) -> Result<Vec<u8>, GatewayError> {
    let mut out = Vec::new();
    let mut got_bytes = false;
    loop {
        let deadline = if got_bytes {
            Instant::now() + timeouts.idle
        } else {
            sent_at + timeouts.first_byte
        };
        let next: Option<Result<Bytes, reqwest::Error>> = tokio::select! {
            biased;
            _ = cancel.cancelled() => return Err(GatewayError::canceled()),
            r = tokio::time::timeout_at(deadline, body.next()) => match r {
                Ok(n) => n,
                Err(_) if got_bytes => return Err(idle_timeout(timeouts.idle)),
                Err(_) => return Err(first_byte_timeout(timeouts.first_byte)),
            },
        };
        match next {
            None => return Ok(out),
            Some(Err(e)) => return Err(GatewayError::from_reqwest(&e, got_bytes)),
            Some(Ok(chunk)) => {
                got_bytes = true;
                let room = limit.saturating_sub(out.len());
                out.extend_from_slice(&chunk[..chunk.len().min(room)]);
                if out.len() >= limit {
                    return Ok(out);
                }
            }
        }
    }
}
