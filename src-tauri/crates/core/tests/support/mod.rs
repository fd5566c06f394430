//! A core on a real SQLite file in a temp dir, talking to portico-sim over loopback.

#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use portico_core::chat::VecSink;
use portico_core::secrets::MemoryStore;
use portico_core::{ChatTuning, Core, CoreConfig, NullNotifier};
use portico_gateway::GatewayClient;
use portico_sim::{SimConfig, SimHandle};
use portico_types::{
    AuthScheme, ChatParams, ChatRunStarted, ChatSendRequest, ChatStreamEvent, Message, Provider,
    ProviderInput,
};

pub const KEY: &str = "sk-sim-test-key-7f3a9c2e41d8b6a0";

pub struct Harness {
    pub dir: tempfile::TempDir,
    pub sim: SimHandle,
    pub secrets: Arc<MemoryStore>,
    pub core: Core,
}

pub fn tuning() -> ChatTuning {
    ChatTuning {
        coalesce: Duration::from_millis(10),
        checkpoint: Duration::from_millis(30),
    }
}

pub fn open_core(dir: &Path, sim: &SimHandle, secrets: Arc<MemoryStore>) -> Core {
    Core::open(CoreConfig {
        data_dir: dir.to_path_buf(),
        demo_base_url: Some(sim.base_url()),
        secret_store: secrets,
        notifier: Arc::new(NullNotifier),
        gateway: GatewayClient::new().unwrap(),
        tuning: tuning(),
    })
    .expect("core opens")
}

impl Harness {
    pub async fn new() -> Harness {
        let sim = portico_sim::start(SimConfig {
            required_key: Some(KEY.into()),
            ..SimConfig::default()
        })
        .await
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let secrets = Arc::new(MemoryStore::default());
        let core = open_core(dir.path(), &sim, secrets.clone());
        Harness {
            dir,
            sim,
            secrets,
            core,
        }
    }

    /// A Custom provider pointing at the simulator, with its key set.
    pub async fn provider(&self) -> Provider {
        let p = self
            .core
            .providers
            .create(ProviderInput {
                name: "Sim".into(),
                preset_id: "custom".into(),
                base_url: self.sim.base_url(),
                exact_base_url: false,
                auth: AuthScheme::Bearer,
                extra_headers: vec![],
                default_model: Some("demo-chat".into()),
            })
            .await
            .unwrap();
        self.core
            .providers
            .set_key(p.id.clone(), KEY.into(), false)
            .await
            .unwrap()
    }

    pub fn request(&self, provider: &Provider, text: &str) -> ChatSendRequest {
        ChatSendRequest {
            conversation_id: None,
            parent_id: None,
            edit_of: None,
            text: text.into(),
            provider_id: provider.id.clone(),
            model: "demo-chat".into(),
            params: ChatParams::default(),
        }
    }
}

/// A run followed to its end.
pub struct Finished {
    pub started: ChatRunStarted,
    pub events: Vec<ChatStreamEvent>,
    pub message: Message,
}

impl Harness {
    /// Sends `req` and waits until its reply has finished, however it ended.
    pub async fn send_and_finish(&self, req: ChatSendRequest) -> Finished {
        let sink = Arc::new(VecSink::default());
        let started = self.core.chat.send(req, sink.clone()).await.unwrap();
        let (events, message) = finished(&sink).await;
        Finished {
            started,
            events,
            message,
        }
    }
}

/// Waits for the run's `Finished` event and returns all events and the final message.
pub async fn finished(sink: &VecSink) -> (Vec<ChatStreamEvent>, Message) {
    for _ in 0..1000 {
        {
            let events = sink.0.lock().unwrap();
            if let Some(ChatStreamEvent::Finished { message }) = events.last() {
                return (events.clone(), (**message).clone());
            }
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!(
        "the run did not finish in 10 s: {:?}",
        sink.0.lock().unwrap()
    );
}

/// Waits until the run has sent at least one delta.
pub async fn first_delta(sink: &VecSink) {
    for _ in 0..500 {
        if sink
            .0
            .lock()
            .unwrap()
            .iter()
            .any(|e| matches!(e, ChatStreamEvent::Delta { .. }))
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("no delta in 5 s");
}

pub fn streamed_text(events: &[ChatStreamEvent]) -> (String, String) {
    let (mut text, mut reasoning) = (String::new(), String::new());
    for e in events {
        if let ChatStreamEvent::Delta {
            text: t,
            reasoning: r,
            ..
        } = e
        {
            text.push_str(t);
            reasoning.push_str(r);
        }
    }
    (text, reasoning)
}
