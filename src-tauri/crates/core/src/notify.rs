//! App-wide change notifications. The shell batches them into one window event.

use portico_types::AppEvent;

pub trait Notifier: Send + Sync {
    fn notify(&self, event: AppEvent);
}

/// For tests and tools that have no window.
pub struct NullNotifier;

impl Notifier for NullNotifier {
    fn notify(&self, _event: AppEvent) {}
}
