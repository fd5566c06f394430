//! The same streams through `GatewayClient::stream_chat` alone (HTTP, SSE decoder, mapper):
//! the floor the core's run loop builds on.

use std::time::Instant;

use portico_gateway::{ChatMessage, ChatRequest, Endpoint, GatewayClient, StreamEvent};
use portico_types::{AuthScheme, ChatParams, Role};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_util::sync::CancellationToken;

use crate::paced::{self, Pace, PacedServer};
use crate::sink::Received;
use crate::{MODEL, PROMPT};

/// Every text delta of one reply to `text`, timestamped as it came out of the client. Runs
/// as a spawned task, like a core run: polled from `block_on`, every chunk would cross threads.
async fn stream(base_url: &str, text: &str) -> Vec<Received> {
    let (base_url, text) = (base_url.to_string(), text.to_string());
    tokio::spawn(async move { stream_task(base_url, text).await })
        .await
        .expect("stream task")
}

async fn stream_task(base_url: String, text: String) -> Vec<Received> {
    let endpoint = Endpoint {
        base_url,
        exact_base_url: false,
        auth: AuthScheme::None,
        key: None,
        extra_headers: vec![],
    };
    let request = ChatRequest {
        model: MODEL.into(),
        messages: vec![ChatMessage {
            role: Role::User,
            text,
        }],
        params: ChatParams::default(),
        stream: true,
    };
    let client = GatewayClient::new().expect("client");
    let mut stream = client
        .stream_chat(&endpoint, &request, CancellationToken::new())
        .await
        .expect("stream opens");
    let mut received = Vec::new();
    let mut text_len = 0;
    while let Some(event) = stream.next().await {
        if let StreamEvent::TextDelta(t) = event.expect("no stream error") {
            text_len += t.len();
            received.push(Received {
                at: Instant::now(),
                text_len,
            });
        }
    }
    received
}

/// The sim's reply to [`PROMPT`]; returns (content chunks, text bytes).
pub async fn throughput_run(sim_url: &str) -> (usize, usize) {
    let received = stream(sim_url, PROMPT).await;
    (received.len(), received.last().map_or(0, |r| r.text_len))
}

/// Sorted per-chunk latencies in ms, like the core's, without the core.
pub async fn latency_run(server: &PacedServer, pace: Pace) -> Vec<f64> {
    server.arm(pace);
    let received = stream(&server.base_url, "paced").await;
    paced::latencies(&server.write_times(), &received)
}

/// Bytes of the whole HTTP response to [`PROMPT`] (headers, chunk framing, SSE), read raw.
pub async fn wire_bytes(sim_url: &str) -> usize {
    let addr = sim_url.trim_start_matches("http://");
    let body = format!(
        r#"{{"model":"{MODEL}","stream":true,"messages":[{{"role":"user","content":"{PROMPT}"}}]}}"#
    );
    let mut socket = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let head = format!(
        "POST /v1/chat/completions HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\n\
         accept: text/event-stream\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    socket.write_all(body.as_bytes()).await.unwrap();
    let mut response = Vec::new();
    socket.read_to_end(&mut response).await.unwrap();
    assert!(response.starts_with(b"HTTP/1.1 200"), "the sim streams");
    response.len()
}
