//! The core under test: a Core on a fresh SQLite file, fed by portico-sim or the paced server.

use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use portico_core::secrets::MemoryStore;
use portico_core::{ChatTuning, Core, CoreConfig, NullNotifier};
use portico_gateway::GatewayClient;
use portico_sim::SimConfig;
use portico_types::{AuthScheme, ChatParams, ChatSendRequest, MessageStatus, ProviderInput};

use crate::paced::{self, Pace, PacedServer, CHUNK_TEXT_LEN};
use crate::sink::{self, Received, TimedSink};
use crate::{MODEL, PROMPT};

/// portico-sim on its own thread and runtime; it lives until the process ends.
pub fn start_sim() -> String {
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

pub struct Throughput {
    /// From `send` to the saved reply's `Finished`.
    pub total: Duration,
    /// From the last delta to `Finished`: the final write, with full-text indexing.
    pub saving: Duration,
    /// Delta events the sink got.
    pub deltas: usize,
    pub text_len: usize,
}

/// A core on a fresh SQLite file with two providers: the Offline demo (served by the sim)
/// and a keyless Custom one pointing at the paced server.
pub struct Bench {
    _dir: tempfile::TempDir,
    core: Core,
    demo: String,
    paced: String,
}

impl Bench {
    pub async fn open(tuning: ChatTuning, sim_url: &str, paced_url: &str) -> Bench {
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
    pub async fn throughput_run(&self) -> Throughput {
        let (started, finished, deltas) = self.send(&self.demo, PROMPT).await;
        let last = deltas.last().expect("some text").at;
        Throughput {
            total: finished.at - started,
            saving: finished.at - last,
            deltas: deltas.len(),
            text_len: finished.text_len,
        }
    }

    /// Sorted per-chunk latencies in ms.
    pub async fn latency_run(&self, server: &PacedServer, pace: Pace) -> Vec<f64> {
        server.arm(pace);
        let (_, finished, deltas) = self.send(&self.paced, "paced").await;
        let writes = server.write_times();
        assert_eq!(finished.text_len, pace.chunks * CHUNK_TEXT_LEN);
        paced::latencies(&writes, &deltas)
    }
}
