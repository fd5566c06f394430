//! portico-core: the services the app shell calls. No Tauri here.

pub mod secrets;
