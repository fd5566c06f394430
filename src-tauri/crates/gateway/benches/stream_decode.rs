//! How fast a recorded 50,000-chunk chat stream goes through the SSE decoder and the OpenAI
//! chunk mapper, against plain reading of the same bytes and against eventsource-stream.
//!
//! Run: `cargo bench -p portico-gateway --bench stream_decode`. The stream is recorded once from
//! portico-sim over loopback (`sim:words=50000`, no chunk delay) and kept in memory; each line
//! is the median of several runs over the same bytes, fed in 16 KiB slices.

use std::hint::black_box;
use std::io::Read;
use std::time::{Duration, Instant};

use bytes::Bytes;
use eventsource_stream::Eventsource;
use futures_util::StreamExt;
use portico_gateway::openai_chat::ChunkMapper;
use portico_gateway::sse::SseDecoder;
use portico_gateway::StreamEvent;

const SLICE: usize = 16 * 1024;
const RUNS: usize = 15;

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    let data = rt.block_on(record());
    let slices: Vec<Bytes> = {
        let all = Bytes::from(data.clone());
        (0..all.len())
            .step_by(SLICE)
            .map(|i| all.slice(i..(i + SLICE).min(all.len())))
            .collect()
    };
    let mb = data.len() as f64 / 1e6;
    // For profiling: `PROFILE_MAPPER=1` runs only the decoder + mapper, many times.
    if std::env::var_os("PROFILE_MAPPER").is_some() {
        for _ in 0..100 {
            black_box(decode_and_map(&slices));
        }
        return;
    }

    // Every measured path must agree on what it saw.
    let events = decode_only(&slices);
    let (text_len, mapped) = decode_and_map(&slices);
    assert_eq!(
        eventsource(&rt, &slices),
        events,
        "eventsource-stream disagrees"
    );
    assert!(
        mapped > 50_000 && text_len > 200_000,
        "{mapped} events, {text_len} bytes of text"
    );

    println!(
        "recorded stream: {:.2} MB, {events} SSE events, {mapped} mapped events, {text_len} bytes of reply text",
        mb
    );
    println!(
        "median of {RUNS} runs, input in {} KiB slices\n",
        SLICE / 1024
    );
    println!(
        "{:<4} {:>9} {:>10} {:>13}  what it measures",
        "", "ms", "MB/s", "chunks/s"
    );
    let a0 = measure(|| memchr_lines(&data));
    let a = measure(|| plain_read(&data));
    let b = measure(|| decode_only(&slices));
    let c = measure(|| decode_and_map(&slices).0);
    let d = measure(|| eventsource(&rt, &slices));
    let e = measure(|| json_floor(&slices));
    let line = |tag: &str, t: Duration, what: &str| {
        let s = t.as_secs_f64();
        println!(
            "{tag:<4} {:>9.2} {:>10.0} {:>13.0}  {what}",
            s * 1e3,
            mb / s,
            events as f64 / s
        );
    };
    line(
        "a0",
        a0,
        "memory scan: memchr newline count over the whole buffer (no reading)",
    );
    line(
        "a",
        a,
        "plain reading (the limit): io::Read into a 16 KiB buffer + a line count per read",
    );
    line("b", b, "our SSE decoder alone (events out, data borrowed)");
    line(
        "c",
        c,
        "our SSE decoder + OpenAI chunk mapper (full JSON parse per chunk, owned deltas)",
    );
    line(
        "d",
        d,
        "eventsource-stream 0.2 (decoder only, owned events, as a Stream)",
    );
    line(
        "e",
        e,
        "floor for (c): our decoder + serde_json skipping each chunk (IgnoredAny)",
    );
    println!();
    println!(
        "(c)/(a) throughput ratio: {:.2}  (goal >= 0.50)",
        a.as_secs_f64() / c.as_secs_f64()
    );
    println!(
        "(b)/(d) decoder speed-up over eventsource-stream: {:.1}x",
        d.as_secs_f64() / b.as_secs_f64()
    );
}

/// One streamed reply of 50,000 words from the sim, as raw bytes (no decoding on our side).
async fn record() -> Vec<u8> {
    let sim = portico_sim::start(portico_sim::SimConfig::default())
        .await
        .expect("sim starts");
    let body = serde_json::json!({
        "model": "demo-chat",
        "stream": true,
        "stream_options": {"include_usage": true},
        "messages": [{"role": "user", "content": "Describe a gateway at length sim:words=50000"}],
    });
    let bytes = reqwest::Client::new()
        .post(format!("{}/v1/chat/completions", sim.base_url()))
        .json(&body)
        .send()
        .await
        .expect("request")
        .bytes()
        .await
        .expect("body");
    sim.shutdown().await;
    bytes.to_vec()
}

fn measure<T>(mut f: impl FnMut() -> T) -> Duration {
    black_box(f()); // warm-up
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn memchr_lines(data: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', black_box(data)).count()
}

fn plain_read(data: &[u8]) -> usize {
    let mut reader = black_box(data);
    let mut buf = vec![0u8; SLICE];
    let mut lines = 0;
    loop {
        let n = reader.read(&mut buf).expect("read");
        if n == 0 {
            return lines;
        }
        lines += black_box(&buf[..n]).split(|&b| b == b'\n').count() - 1;
    }
}

fn decode_only(slices: &[Bytes]) -> usize {
    let mut d = SseDecoder::new();
    let mut events = 0;
    for s in slices {
        d.feed(s, |ev| {
            black_box(ev.data);
            events += 1;
        });
    }
    d.finish(|_| events += 1);
    events
}

/// (bytes of reply text, mapped events)
fn decode_and_map(slices: &[Bytes]) -> (usize, usize) {
    let mut d = SseDecoder::new();
    let mut m = ChunkMapper::new();
    let mut out = Vec::new();
    let (mut text, mut count) = (0, 0);
    let mut drain = |out: &mut Vec<StreamEvent>| {
        for ev in out.drain(..) {
            if let StreamEvent::TextDelta(t) = &ev {
                text += t.len();
            }
            count += 1;
        }
    };
    for s in slices {
        d.feed(s, |ev| {
            m.on_event(ev, &mut out);
        });
        drain(&mut out);
    }
    d.finish(|ev| {
        m.on_event(ev, &mut out);
    });
    m.finish(&mut out);
    drain(&mut out);
    (text, count)
}

fn json_floor(slices: &[Bytes]) -> usize {
    let mut d = SseDecoder::new();
    let mut ok = 0;
    for s in slices {
        d.feed(s, |ev| {
            ok += serde_json::from_str::<serde::de::IgnoredAny>(ev.data).is_ok() as usize;
        });
    }
    ok
}

fn eventsource(rt: &tokio::runtime::Runtime, slices: &[Bytes]) -> usize {
    let input = futures_util::stream::iter(slices.iter().cloned().map(Ok::<_, std::io::Error>));
    rt.block_on(async {
        let mut s = input.eventsource();
        let mut events = 0;
        while let Some(ev) = s.next().await {
            black_box(ev.expect("event").data);
            events += 1;
        }
        events
    })
}
