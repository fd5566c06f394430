//! The app shell: the only code that imports tauri. It builds the core, adapts its sinks
//! to Channels and events, and registers the commands of the contract's table.

mod close_guard;
pub mod commands;
mod compositing;
#[cfg(target_os = "linux")]
mod frame_log;
mod ipc;
mod reveal;
mod setup;
mod state;

use std::time::{Duration, Instant};

pub use state::AppServices;
use tauri::webview::PageLoadEvent;
use tauri::{Builder, Manager, RunEvent, Runtime};
use tauri_plugin_window_state::StateFlags;

/// The commands and nothing else: shared by the app and by the IPC contract tests.
pub fn with_commands<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.invoke_handler(app_commands!())
}

pub fn run() {
    let started = Instant::now();
    // Before any thread exists: it may set an environment variable WebKit reads.
    let compositing = compositing::configure();
    let builder = tauri::Builder::default()
        // First, so a second launch focuses this window instead of opening another database.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window(reveal::MAIN_WINDOW) {
                let _ = window.unminimize();
                reveal::show(&window.as_ref().window());
                let _ = window.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .level_for("tao", log::LevelFilter::Warn)
                .level_for("wry", log::LevelFilter::Warn)
                .build(),
        )
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(
            // Size, position and so on, but not visibility: `reveal` shows the window.
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(StateFlags::all() - StateFlags::VISIBLE)
                .build(),
        )
        .setup(move |app| {
            log::info!("{compositing}");
            log::info!("start-up: setup at {} ms", started.elapsed().as_millis());
            reveal::show_eventually(app.handle());
            #[cfg(target_os = "linux")]
            if let Some(window) = app.get_webview_window(reveal::MAIN_WINDOW) {
                frame_log::install(&window);
            }
            setup::init(app.handle())?;
            log::info!(
                "start-up: core ready at {} ms",
                started.elapsed().as_millis()
            );
            Ok(())
        })
        .on_window_event(close_guard::on_window_event)
        .on_page_load(move |webview, payload| {
            let event = match payload.event() {
                PageLoadEvent::Started => "started loading",
                PageLoadEvent::Finished => {
                    reveal::show(&webview.window());
                    "loaded"
                }
            };
            log::info!(
                "page {event} {} ms after launch",
                started.elapsed().as_millis()
            );
        });
    with_commands(builder)
        .build(tauri::generate_context!())
        .expect("Portico could not start")
        .run(|app, event| {
            if let RunEvent::Exit = event {
                // Running replies end `interrupted` with all their text, ready to continue.
                if let Some(services) = app.try_state::<AppServices>() {
                    tauri::async_runtime::block_on(
                        services.core.chat.shutdown(Duration::from_millis(800)),
                    );
                }
            }
        });
}
