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
            black_box(decode_and_map(&slices, ChunkMapper::new()));
        }
        return;
    }

    // Every measured path must agree on what it saw.
    let events = decode_only(&slices);
    let (text_len, mapped) = decode_and_map(&slices, ChunkMapper::new());
    assert_eq!(
        decode_and_map(&slices, ChunkMapper::serde_only()),
        (text_len, mapped),
        "fast path and serde disagree"
    );
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
    // Interleaved rounds: on a shared machine every variant sees the same background load.
    let mut variants: Vec<Box<dyn FnMut() -> usize + '_>> = vec![
        Box::new(|| memchr_lines(&data)),
        Box::new(|| plain_read(&data)),
        Box::new(|| decode_only(&slices)),
        Box::new(|| decode_and_map(&slices, ChunkMapper::new()).0),
        Box::new(|| decode_and_map(&slices, ChunkMapper::serde_only()).0),
        Box::new(|| eventsource(&rt, &slices)),
        Box::new(|| json_floor(&slices)),
    ];
    let t = measure_all(&mut variants);
    let (a0, a, b, c, c2, d, e) = (t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
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
        "memory scan: memchr newline count, no reading (not the baseline)",
    );
    line(
        "a",
        a,
        "plain reading (the limit): io::Read, 16 KiB buffer, line count",
    );
    line("b", b, "our SSE decoder alone (events out, data borrowed)");
    line(
        "c",
        c,
        "our SSE decoder + OpenAI chunk mapper (owned deltas)",
    );
    line(
        "c2",
        c2,
        "as (c), every chunk through serde_json derive (no fast path)",
    );
    line(
        "d",
        d,
        "eventsource-stream 0.2 alone (owned events, as a Stream)",
    );
    line(
        "e",
        e,
        "our decoder + serde_json only skipping each chunk (IgnoredAny)",
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

/// Median time of each variant over `RUNS` interleaved rounds, after one warm-up round.
fn measure_all(variants: &mut [Box<dyn FnMut() -> usize + '_>]) -> Vec<Duration> {
    let mut times = vec![Vec::with_capacity(RUNS); variants.len()];
    for round in 0..=RUNS {
        for (v, f) in variants.iter_mut().enumerate() {
            let start = Instant::now();
            black_box(f());
            if round > 0 {
                times[v].push(start.elapsed());
            }
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort();
            t[RUNS / 2]
        })
        .collect()
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
fn decode_and_map(slices: &[Bytes], mut m: ChunkMapper) -> (usize, usize) {
    let mut d = SseDecoder::new();
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
