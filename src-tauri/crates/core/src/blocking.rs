//! The store is synchronous (rusqlite); services reach it through spawn_blocking so a slow
//! disk never stalls the async runtime that streams replies.

use std::sync::Arc;

use portico_store::{Store, StoreError};
use portico_types::IpcError;

pub async fn db<T, F>(store: &Arc<Store>, f: F) -> Result<T, IpcError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
{
    let store = store.clone();
    tokio::task::spawn_blocking(move || f(&store))
        .await
        .map_err(|e| IpcError::internal(format!("database task failed: {e}")))?
        .map_err(IpcError::from)
}

/// Runs blocking work that is not a database call (keychain D-Bus calls).
pub async fn run<T, F>(f: F) -> Result<T, IpcError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, IpcError> + Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| IpcError::internal(format!("task failed: {e}")))?
}
