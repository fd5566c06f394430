//! Painted-frame timestamps for the app benchmark (Linux only, off unless asked for).
//!
//! The page cannot time its own frames finely enough: WebKit rounds its clock to 1 ms unless
//! the page is cross-origin isolated, which a custom-scheme page never becomes here (measured:
//! `crossOriginIsolated` stays false with COOP and COEP set). And without the compositor,
//! WebKitGTK runs requestAnimationFrame on a timer of its own, not per frame shown: at rest its
//! intervals read anything from 1 to 17 ms. What the user sees is the window being painted.
//! GTK paints it on its frame clock, so with `PORTICO_FRAME_LOG=<file>` every paint of the
//! window appends a line `<wall-clock µs> <frame-clock µs>`: the first places the frame in a
//! measurement, the second is GTK's time for that frame. Without the variable nothing is
//! connected.

use std::cell::RefCell;
use std::fs::OpenOptions;
use std::io::{LineWriter, Write};
use std::path::PathBuf;

use gtk::glib;
use gtk::prelude::*;
use tauri::{Runtime, WebviewWindow};

pub const VAR: &str = "PORTICO_FRAME_LOG";

/// Starts logging the window's paints if `PORTICO_FRAME_LOG` names a file.
pub fn install<R: Runtime>(window: &WebviewWindow<R>) {
    let Some(path) = std::env::var_os(VAR).map(PathBuf::from) else {
        return;
    };
    let gtk_window = match window.gtk_window() {
        Ok(w) => w,
        Err(e) => return log::warn!("{VAR}: no GTK window: {e}"),
    };
    let file = match OpenOptions::new().create(true).append(true).open(&path) {
        Ok(f) => f,
        Err(e) => return log::warn!("{VAR}: cannot open {}: {e}", path.display()),
    };
    let out = RefCell::new(LineWriter::new(file));
    log::info!("{VAR}: logging painted frames to {}", path.display());
    gtk_window.connect_draw(move |widget, _| {
        let frame = widget.frame_clock().map_or(0, |clock| clock.frame_time());
        let _ = writeln!(out.borrow_mut(), "{} {frame}", glib::real_time());
        glib::Propagation::Proceed
    });
}
