//! The running simulator: shared state, the handle tests hold, start and shutdown.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::serve::ListenerExt;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::config::SimConfig;
use crate::record::RecordedRequest;

/// Requests kept for `requests()`; the oldest go first, so a long-running
/// Offline demo does not grow without bound.
const MAX_RECORDED: usize = 10_000;

/// How long `shutdown` waits for open connections before cutting them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// State every request handler sees.
pub(crate) struct Shared {
    pub config: SimConfig,
    default_scenario: Mutex<String>,
    requests: Mutex<VecDeque<RecordedRequest>>,
    /// Failures already served per scenario string, for "fail N times then succeed".
    fail_counts: Mutex<HashMap<String, u32>>,
    seq: AtomicU64,
    stop: watch::Receiver<bool>,
}

/// A poisoned lock only means a handler panicked; the data is still usable.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    pub fn default_scenario(&self) -> String {
        lock(&self.default_scenario).clone()
    }

    /// Also restarts every "fail N times" counter, so a test starts from a known state.
    pub fn set_default_scenario(&self, name: &str) {
        *lock(&self.default_scenario) = name.trim().to_string();
        lock(&self.fail_counts).clear();
    }

    pub fn record(&self, request: RecordedRequest) {
        let mut requests = lock(&self.requests);
        if requests.len() == MAX_RECORDED {
            requests.pop_front();
        }
        requests.push_back(request);
    }

    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).iter().cloned().collect()
    }

    pub fn clear_requests(&self) {
        lock(&self.requests).clear();
    }

    pub fn reset(&self) {
        self.set_default_scenario("ok");
        self.clear_requests();
    }

    /// A number unique to this request within this simulator (ids, tool call ids).
    pub fn next_seq(&self) -> u64 {
        self.seq.fetch_add(1, Ordering::Relaxed)
    }

    /// True while fewer than `times` failures were served for `key`; then one
    /// success, after which the cycle starts again.
    pub fn should_fail(&self, key: &str, times: u32) -> bool {
        let mut counts = lock(&self.fail_counts);
        let served = counts.entry(key.to_string()).or_insert(0);
        if *served < times {
            *served += 1;
            true
        } else {
            *served = 0;
            false
        }
    }

    /// Resolves when the simulator is shut down or its handle dropped; stalls and
    /// slow responses wait on this so they never outlive the server.
    pub fn stopped(&self) -> impl Future<Output = ()> + Send + 'static {
        let mut rx = self.stop.clone();
        async move {
            // An error means the sender (the handle) is gone: stop as well.
            let _ = rx.wait_for(|stopped| *stopped).await;
        }
    }
}

/// A running simulator. Dropping it stops the server too (without waiting).
pub struct SimHandle {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl SimHandle {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without `/v1`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Default scenario for following requests without an `x-sim-scenario` header
    /// (`"ok"` resets). Also restarts the "fail N times" counters.
    pub fn set_scenario(&self, name: &str) {
        self.shared.set_default_scenario(name);
    }

    /// Every request received (admin routes excepted), oldest first; only the
    /// latest 10,000 are kept.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    pub fn clear_requests(&self) {
        self.shared.clear_requests();
    }

    /// Stops accepting, ends open streams (stalled ones included) and waits for
    /// the server task, cutting connections still open after a few seconds.
    pub async fn shutdown(mut self) {
        self.stop.send_replace(true);
        if let Some(mut task) = self.task.take() {
            if tokio::time::timeout(SHUTDOWN_GRACE, &mut task)
                .await
                .is_err()
            {
                task.abort();
            }
        }
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        self.stop.send_replace(true);
    }
}

impl std::fmt::Debug for SimHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimHandle")
            .field("addr", &self.addr)
            .finish()
    }
}

/// Binds 127.0.0.1:`port` (0 picks a free port) and serves in a spawned task.
pub async fn start_on(config: SimConfig, port: u16) -> std::io::Result<SimHandle> {
    let listener = TcpListener::bind(("127.0.0.1", port)).await?;
    let addr = listener.local_addr()?;
    let (stop, stop_rx) = watch::channel(false);
    let shared = Arc::new(Shared {
        config,
        default_scenario: Mutex::new("ok".to_string()),
        requests: Mutex::new(VecDeque::new()),
        fail_counts: Mutex::new(HashMap::new()),
        seq: AtomicU64::new(1),
        stop: stop_rx,
    });
    let app = crate::router::build(shared.clone());
    let stopped = shared.stopped();
    // No Nagle delay: drip scenarios rely on each flush leaving as its own segment.
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(stopped)
            .await;
    });
    Ok(SimHandle {
        addr,
        shared,
        stop,
        task: Some(task),
    })
}

/// Like [`start_on`] with port 0.
pub async fn start(config: SimConfig) -> std::io::Result<SimHandle> {
    start_on(config, 0).await
}
