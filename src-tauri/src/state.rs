//! The one managed type: asking for any other `State<T>` would panic at run time.

use portico_core::Core;

pub struct AppServices {
    pub core: Core,
    /// Keeps the Offline demo's simulator serving for the app's lifetime.
    pub _demo: Option<portico_sim::SimHandle>,
}
