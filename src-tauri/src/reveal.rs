//! The main window is created hidden and shown once its page has loaded.
//!
//! Shown at creation, its first paint asks WebKit for the page's first frame while the web
//! process is still starting. WebKitGTK then blocks the main thread until that frame comes or
//! 500 ms pass (measured with strace on a launch: one futex wait that timed out at 500 ms,
//! and the page only started loading after it), so about one launch in two took half a
//! second longer, and the user looked at an empty window meanwhile. Hidden, nothing paints
//! until there is a page to paint. The window-state plugin must not show the window either:
//! it is registered without its VISIBLE flag.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime, Window};

/// The label of the window in tauri.conf.json.
pub const MAIN_WINDOW: &str = "main";

/// If the page never reports loaded (a broken install, a hung web process), the window is
/// shown anyway after this long, so the app is never running with no window at all.
const FALLBACK: Duration = Duration::from_secs(3);

/// Shows the window and gives it focus; harmless when it is already visible.
pub fn show<R: Runtime>(window: &Window<R>) {
    if window.is_visible().unwrap_or(false) {
        return;
    }
    if let Err(e) = window.show() {
        log::warn!("could not show the window: {e}");
    }
    let _ = window.set_focus();
}

/// Shows the main window after FALLBACK if its page has not done so by then.
pub fn show_eventually<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(FALLBACK);
        let handle = app.clone();
        let _ = app.run_on_main_thread(move || {
            if let Some(window) = handle.get_webview_window(MAIN_WINDOW) {
                let window = window.as_ref().window();
                if !window.is_visible().unwrap_or(true) {
                    log::warn!("the page did not load in {FALLBACK:?}: showing the window anyway");
                    show(&window);
                }
            }
        });
    });
}
