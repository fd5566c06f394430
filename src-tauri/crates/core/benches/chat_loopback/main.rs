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

mod gateway_only;
mod paced;
mod sink;
mod stats;

use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use paced::{Pace, PacedServer, CHUNK_TEXT_LEN};
use portico_core::secrets::MemoryStore;
use portico_core::{ChatTuning, Core, CoreConfig, NullNotifier};
use portico_gateway::GatewayClient;
use portico_sim::SimConfig;
use portico_types::{AuthScheme, ChatParams, ChatSendRequest, MessageStatus, ProviderInput};
use sink::{Received, TimedSink};
use stats::{percentile, spread};

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
            "{:<NAME_WIDTH$} {:>22} {:>18} {:>14} {:>12}",
            "", "chunks/s", "wire MB/s", "text MB/s", "deltas"
        );
        let row = |name: &str, times: &[Duration], deltas: &str| {
            let per_s = |n: usize, scale: f64| -> Vec<f64> {
                times.iter().map(|t| n as f64 / t.as_secs_f64() / scale).collect()
            };
            println!(
                "{name:<NAME_WIDTH$} {:>22} {:>18} {:>14} {:>12}",
                spread(&per_s(chunks, 1.0), 0),
                spread(&per_s(wire_bytes, 1e6), 1),
                spread(&per_s(text_bytes, 1e6), 2),
                deltas
            );
        };
        row("gateway only (no core)", &gateway_times, "-");

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
            let (mut times, mut deltas) = (Vec::new(), Vec::new());
            for _ in 0..RUNS {
                let (t, n, len) = bench.throughput_run().await;
                assert_eq!(len, text_bytes, "the core saw the whole reply");
                times.push(t);
                deltas.push(n as f64);
            }
            row(&format!("core, {name}"), &times, &spread(&deltas, 0));

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

/// portico-sim on its own thread and runtime; it lives until the process ends.
fn start_sim() -> String {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("sim runtime");
        rt.block_on(async move {
            let sim = portico_sim::start(SimConfig {
                chunk_delay: Duration::ZERO,
                words_per_chunk: 1,
                required_key: None,
            })
            .await
            .expect("sim starts");
            tx.send(sim.base_url()).unwrap();
            std::future::pending::<()>().await;
        });
    });
    rx.recv().expect("sim address")
}

/// A core on a fresh SQLite file with two providers: the Offline demo (served by the sim)
/// and a keyless Custom one pointing at the paced server.
struct Bench {
    _dir: tempfile::TempDir,
    core: Core,
    demo: String,
    paced: String,
}

impl Bench {
    async fn open(tuning: ChatTuning, sim_url: &str, paced_url: &str) -> Bench {
        let dir = tempfile::tempdir().expect("temp dir");
        let core = Core::open(CoreConfig {
            data_dir: dir.path().to_path_buf(),
            demo_base_url: Some(sim_url.to_string()),
            secret_store: Arc::new(MemoryStore::default()),
            notifier: Arc::new(NullNotifier),
            gateway: GatewayClient::new().expect("client"),
            tuning,
        })
        .expect("core opens");
        let provider = |name: &str, preset: &str, url: &str| ProviderInput {
            name: name.into(),
            preset_id: preset.into(),
            base_url: url.into(),
            exact_base_url: false,
            auth: AuthScheme::None,
            extra_headers: vec![],
            default_model: Some(MODEL.into()),
        };
        let demo = core
            .providers
            .create(provider("Offline demo", "offline-demo", ""));
        let demo = demo.await.expect("demo provider").id;
        let paced = core
            .providers
            .create(provider("Paced", "custom", paced_url));
        let paced = paced.await.expect("paced provider").id;
        Bench {
            _dir: dir,
            core,
            demo,
            paced,
        }
    }

    /// Sends `text` in a new conversation and waits for the reply to be finished and saved.
    async fn send(
        &self,
        provider_id: &str,
        text: &str,
    ) -> (Instant, sink::Finished, Vec<Received>) {
        let sink = Arc::new(TimedSink::default());
        let started = Instant::now();
        let request = ChatSendRequest {
            conversation_id: None,
            parent_id: None,
            edit_of: None,
            text: text.into(),
            provider_id: provider_id.into(),
            model: MODEL.into(),
            params: ChatParams::default(),
        };
        self.core
            .chat
            .send(request, sink.clone())
            .await
            .expect("send");
        let (finished, deltas) = sink.wait().await;
        assert_eq!(
            finished.status,
            MessageStatus::Complete,
            "the reply completes"
        );
        (started, finished, deltas)
    }

    /// Returns (send to Finished, deltas the sink got, reply bytes).
    async fn throughput_run(&self) -> (Duration, usize, usize) {
        let (started, finished, deltas) = self.send(&self.demo, PROMPT).await;
        (finished.at - started, deltas.len(), finished.text_len)
    }

    /// Sorted per-chunk latencies in ms.
    async fn latency_run(&self, server: &PacedServer, pace: Pace) -> Vec<f64> {
        server.arm(pace);
        let (_, finished, deltas) = self.send(&self.paced, "paced").await;
        let writes = server.write_times();
        assert_eq!(finished.text_len, pace.chunks * CHUNK_TEXT_LEN);
        paced::latencies(&writes, &deltas)
    }
}
