//! Closing never depends on the page. The page listens for close requests so it can save
//! unsent drafts first, and then closes the window itself; while it listens, Tauri leaves the
//! close to it. If it does not answer (stuck, or still loading), the shell destroys the
//! window after a grace period.

use std::time::Duration;

use tauri::{Runtime, Window, WindowEvent};

/// Longer than the page's own limit for saving drafts (1 s).
const GRACE: Duration = Duration::from_secs(2);

pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { .. } = event {
        let window = window.clone();
        let _ = std::thread::Builder::new()
            .name("close-guard".into())
            .spawn(move || {
                std::thread::sleep(GRACE);
                // Already closed by the page: an error, and nothing to do.
                let _ = window.destroy();
            });
    }
}
