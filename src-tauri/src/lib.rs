//! The app shell: the only code that imports tauri.

pub fn run() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("error while running Portico");
}
