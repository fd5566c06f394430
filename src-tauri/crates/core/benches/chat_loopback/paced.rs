//! A minimal OpenAI-style streaming server that knows when it wrote each chunk. portico-sim
//! can't report its write times, so latency is measured against this one: raw HTTP/1.1,
//! chunked `text/event-stream`, one SSE event per HTTP chunk, `Connection: close`.
//!
//! Chunk `i` carries the fixed-width text `c000123 ` ([`CHUNK_TEXT_LEN`] bytes), so a receiver
//! maps "reply text is now L bytes long" back to "chunks 0..L/8 have arrived".

use std::sync::mpsc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::sink::Received;
use crate::stats::{ms, sorted};

pub const CHUNK_TEXT_LEN: usize = 8;

/// What the next request is answered with.
#[derive(Clone, Copy)]
pub struct Pace {
    pub chunks: usize,
    pub interval: Duration,
}

pub struct PacedServer {
    pub base_url: String,
    pace: mpsc::Sender<Pace>,
    writes: mpsc::Receiver<Vec<Instant>>,
}

impl PacedServer {
    /// Serves on 127.0.0.1 from its own thread and runtime, like a separate process would.
    pub fn start() -> PacedServer {
        let (pace_tx, pace_rx) = mpsc::channel::<Pace>();
        let (writes_tx, writes_rx) = mpsc::channel();
        let (addr_tx, addr_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("server runtime");
            rt.block_on(async move {
                let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                while let Ok((socket, _)) = listener.accept().await {
                    let Ok(pace) = pace_rx.recv() else { return };
                    let writes = serve(socket, pace).await.expect("serve one stream");
                    if writes_tx.send(writes).is_err() {
                        return;
                    }
                }
            });
        });
        let addr = addr_rx.recv().expect("server address");
        PacedServer {
            base_url: format!("http://{addr}/v1"),
            pace: pace_tx,
            writes: writes_rx,
        }
    }

    /// Sets how the next request is answered.
    pub fn arm(&self, pace: Pace) {
        self.pace.send(pace).unwrap();
    }

    /// The instant each chunk of the last stream was handed to the socket.
    pub fn write_times(&self) -> Vec<Instant> {
        self.writes.recv().expect("write times")
    }
}

/// Sorted per-chunk latencies in ms: for each chunk, from its write to the first delta that
/// made the received text long enough to hold it.
pub fn latencies(writes: &[Instant], deltas: &[Received]) -> Vec<f64> {
    let mut out = Vec::with_capacity(writes.len());
    for d in deltas {
        while out.len() < writes.len() && (out.len() + 1) * CHUNK_TEXT_LEN <= d.text_len {
            out.push(ms(d.at - writes[out.len()]));
        }
    }
    assert_eq!(out.len(), writes.len(), "every chunk was received");
    sorted(out)
}

async fn serve(mut socket: TcpStream, pace: Pace) -> std::io::Result<Vec<Instant>> {
    // A streaming gateway must not let Nagle hold back small chunks.
    socket.set_nodelay(true)?;
    read_request(&mut socket).await?;
    socket
        .write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\
              cache-control: no-cache\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n",
        )
        .await?;
    write_event(
        &mut socket,
        &chunk_json(r#"{"role":"assistant","content":""}"#, "null"),
    )
    .await?;
    let mut writes = Vec::with_capacity(pace.chunks);
    let start = tokio::time::Instant::now();
    for i in 0..pace.chunks {
        tokio::time::sleep_until(start + pace.interval * i as u32).await;
        let event = chunk_json(&format!(r#"{{"content":"c{i:06} "}}"#), "null");
        writes.push(Instant::now());
        write_event(&mut socket, &event).await?;
    }
    write_event(&mut socket, &chunk_json("{}", r#""stop""#)).await?;
    write_event(&mut socket, "[DONE]").await?;
    socket.write_all(b"0\r\n\r\n").await?;
    socket.shutdown().await?;
    Ok(writes)
}

fn chunk_json(delta: &str, finish: &str) -> String {
    format!(
        r#"{{"id":"chatcmpl-bench","object":"chat.completion.chunk","created":0,"model":"bench","choices":[{{"index":0,"delta":{delta},"finish_reason":{finish}}}]}}"#
    )
}

/// One SSE event as one HTTP chunk.
async fn write_event(socket: &mut TcpStream, data: &str) -> std::io::Result<()> {
    let event = format!("data: {data}\n\n");
    let framed = format!("{:x}\r\n{event}\r\n", event.len());
    socket.write_all(framed.as_bytes()).await
}

/// Reads headers and a `Content-Length` body; the request itself is not checked.
async fn read_request(socket: &mut TcpStream) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    let header_end = loop {
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..header_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map_or(0, |v| v.trim().parse().unwrap_or(0));
    while buf.len() < header_end + length {
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(())
}
