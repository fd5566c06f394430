//! Start-up: the data folder, the Offline demo's simulator, the keychain, the core.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use portico_core::secrets::OsKeychain;
use portico_core::{ChatTuning, Core, CoreConfig};
use portico_gateway::GatewayClient;
use tauri::{AppHandle, Manager, Runtime};

use crate::ipc::BatchedNotifier;
use crate::state::AppServices;

/// The keychain service name entries are stored under (one entry per provider id).
pub const KEYCHAIN_SERVICE: &str = "dev.portico.app";

pub fn init<R: Runtime>(app: &AppHandle<R>) -> Result<(), Box<dyn std::error::Error>> {
    let data_dir = match data_dir_override(std::env::args()) {
        Some(dir) => dir,
        None => app.path().app_data_dir()?,
    };
    // The Offline demo: the simulator on a free loopback port, streaming at a human pace.
    let demo = tauri::async_runtime::block_on(portico_sim::start(portico_sim::SimConfig {
        required_key: None,
        chunk_delay: Duration::from_millis(25),
        words_per_chunk: 1,
    }));
    let demo_base_url = match &demo {
        Ok(handle) => Some(handle.base_url()),
        Err(e) => {
            log::warn!("the Offline demo could not start: {e}");
            None
        }
    };
    let core = Core::open(CoreConfig {
        data_dir,
        demo_base_url,
        secret_store: Arc::new(OsKeychain::new(KEYCHAIN_SERVICE)),
        notifier: Arc::new(BatchedNotifier::new(app.clone())),
        gateway: GatewayClient::new().map_err(|e| e.message)?,
        tuning: ChatTuning::default(),
    })
    .map_err(|e| format!("{}: {}", e.message, e.detail.unwrap_or_default()))?;
    app.manage(AppServices {
        core,
        _demo: demo.ok(),
    });
    Ok(())
}

/// `--data-dir DIR` (or `--data-dir=DIR`) on the command line, else `PORTICO_DATA_DIR`:
/// a separate profile, for tests and for people who keep several.
fn data_dir_override(args: impl Iterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(dir));
        }
    }
    std::env::var_os("PORTICO_DATA_DIR").map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn the_data_dir_comes_from_the_command_line() {
        assert_eq!(
            data_dir_override(args(&["portico", "--data-dir", "/tmp/a"])),
            Some("/tmp/a".into())
        );
        assert_eq!(
            data_dir_override(args(&["portico", "--x", "--data-dir=/tmp/b"])),
            Some("/tmp/b".into())
        );
    }
}
