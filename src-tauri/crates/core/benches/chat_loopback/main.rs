//! End-to-end chat streaming over loopback: how many chunks per second a real run carries
//! (HTTP → SSE decoder → mapper → coalescer → sink, with checkpoints to SQLite), and how much
//! latency the pipeline adds to each chunk.
//!
//! Run: `cargo bench -p portico-core --bench chat_loopback`.
//!
//! - Throughput: portico-sim with no chunk delay, one word per chunk, prompt
//!   `sim:words=50000`, into `ChatService::send` on a Core backed by a temp-dir SQLite file
//!   (Offline demo provider). Timed from `send` to the sink's `Finished`, so both database
//!   writes of the exchange and the final write are in. "gateway only" is the same stream
//!   through `GatewayClient::stream_chat` alone, the floor the core builds on.
//! - Latency: the sim can't say when it wrote a chunk, so a small server here ([`paced`])
//!   writes chunks every 2 ms and records each write's instant; the sink maps received text
//!   back to chunk indices. Latency = received − written, per chunk.
//!
//! Both run with the app's tuning (40 ms coalescing, 1 s checkpoints) and with coalescing off,
//! which leaves only the pipeline's own cost. Each figure is the median (min-max) of the runs.
//! The sim and the paced server each run on their own thread and runtime, the core on a
//! 2-worker runtime like the app's.

mod core_run;
mod gateway_only;
mod paced;
mod sink;
mod stats;

use std::time::{Duration, Instant};

use core_run::{start_sim, Bench};
use paced::{Pace, PacedServer};
use portico_core::ChatTuning;
use stats::{ms, percentile, spread};

pub const PROMPT: &str = "sim:words=50000";
pub const MODEL: &str = "demo-chat";
const RUNS: usize = 5;
const PACE: Pace = Pace {
    chunks: 2_000,
    interval: Duration::from_millis(2),
};
const WARM_UP: Pace = Pace {
    chunks: 200,
    interval: PACE.interval,
};

const NAME_WIDTH: usize = 40;

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let sim_url = start_sim();
    let paced = PacedServer::start();
    rt.block_on(async {
        let (chunks, text_bytes) = gateway_only::throughput_run(&sim_url).await; // also warms up
        let wire_bytes = gateway_only::wire_bytes(&sim_url).await;
        println!(
            "stream: {PROMPT:?} from portico-sim = {chunks} content chunks, {:.2} MB of reply text, {:.2} MB on the wire",
            text_bytes as f64 / 1e6,
            wire_bytes as f64 / 1e6
        );
        println!("each figure: median (min-max) of {RUNS} runs\n");

        let mut gateway_times = Vec::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            gateway_only::throughput_run(&sim_url).await;
            gateway_times.push(t.elapsed());
        }
        gateway_only::latency_run(&paced, WARM_UP).await;
        let mut latency_rows = vec![("gateway only (no core)".to_string(), Vec::new())];
        for _ in 0..RUNS {
            latency_rows[0].1.push(gateway_only::latency_run(&paced, PACE).await);
        }

        println!("THROUGHPUT, sim at full speed, from send to the saved reply");
        println!(
            "{:<NAME_WIDTH$} {:>22} {:>18} {:>14} {:>12} {:>16}",
            "", "chunks/s", "wire MB/s", "text MB/s", "deltas/run", "final write ms"
        );
        let row = |name: &str, times: &[Duration], deltas: &str, saving: &str| {
            let per_s = |n: usize, scale: f64| -> Vec<f64> {
                times.iter().map(|t| n as f64 / t.as_secs_f64() / scale).collect()
            };
            println!(
                "{name:<NAME_WIDTH$} {:>22} {:>18} {:>14} {:>12} {:>16}",
                spread(&per_s(chunks, 1.0), 0),
                spread(&per_s(wire_bytes, 1e6), 1),
                spread(&per_s(text_bytes, 1e6), 2),
                deltas,
                saving
            );
        };
        row("gateway only (no core)", &gateway_times, "-", "-");

        let tunings = [
            ("default tuning (coalesce 40 ms)", ChatTuning::default()),
            (
                "coalesce 0",
                ChatTuning {
                    coalesce: Duration::ZERO,
                    checkpoint: Duration::from_secs(1),
                },
            ),
        ];
        for (name, tuning) in tunings {
            let bench = Bench::open(tuning, &sim_url, &paced.base_url).await;
            bench.throughput_run().await; // warm-up
            let (mut times, mut deltas, mut saving) = (Vec::new(), Vec::new(), Vec::new());
            for _ in 0..RUNS {
                let run = bench.throughput_run().await;
                assert_eq!(run.text_len, text_bytes, "the core saw the whole reply");
                times.push(run.total);
                deltas.push(run.deltas as f64);
                saving.push(ms(run.saving));
            }
            let (deltas, saving) = (spread(&deltas, 0), spread(&saving, 1));
            row(&format!("core, {name}"), &times, &deltas, &saving);

            bench.latency_run(&paced, WARM_UP).await;
            let mut runs = Vec::new();
            for _ in 0..RUNS {
                runs.push(bench.latency_run(&paced, PACE).await);
            }
            latency_rows.push((format!("core, {name}"), runs));
        }

        println!(
            "\nADDED LATENCY PER CHUNK, ms from the server's write to the sink ({} chunks, one every {} ms)",
            PACE.chunks,
            PACE.interval.as_millis()
        );
        println!("{:<NAME_WIDTH$} {:>22} {:>22} {:>22}", "", "p50", "p99", "max");
        for (name, runs) in latency_rows {
            let col = |p: f64| {
                let v: Vec<f64> = runs.iter().map(|r| percentile(r, p)).collect();
                spread(&v, 2)
            };
            println!(
                "{name:<NAME_WIDTH$} {:>22} {:>22} {:>22}",
                col(50.0),
                col(99.0),
                col(100.0)
            );
        }
    });
}
