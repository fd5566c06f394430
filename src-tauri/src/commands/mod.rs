//! One thin file per feature. Every command takes its request as `req` (the contract's
//! request type) and returns `Result<_, IpcError>`; streaming ones also take `on_event`.

pub mod app;
pub mod chat;
pub mod conversations;
pub mod drafts;
pub mod providers;
pub mod settings;

/// Every command, in the order of the contract's table (a test checks they match).
#[macro_export]
macro_rules! app_commands {
    () => {
        tauri::generate_handler![
            $crate::commands::app::app_info,
            $crate::commands::app::keychain_status,
            $crate::commands::providers::provider_presets,
            $crate::commands::providers::provider_list,
            $crate::commands::providers::provider_create,
            $crate::commands::providers::provider_update,
            $crate::commands::providers::provider_delete,
            $crate::commands::providers::provider_set_key,
            $crate::commands::providers::provider_clear_key,
            $crate::commands::providers::provider_test,
            $crate::commands::providers::provider_fetch_models,
            $crate::commands::settings::default_provider_get,
            $crate::commands::settings::default_provider_set,
            $crate::commands::conversations::conversation_list,
            $crate::commands::conversations::conversation_get,
            $crate::commands::conversations::conversation_create,
            $crate::commands::conversations::conversation_rename,
            $crate::commands::conversations::conversation_pin,
            $crate::commands::conversations::conversation_update_settings,
            $crate::commands::conversations::conversation_delete,
            $crate::commands::conversations::search,
            $crate::commands::conversations::thread_page,
            $crate::commands::conversations::message_switch_branch,
            $crate::commands::conversations::message_delete,
            $crate::commands::chat::chat_send,
            $crate::commands::chat::chat_regenerate,
            $crate::commands::chat::chat_continue,
            $crate::commands::chat::chat_attach,
            $crate::commands::chat::chat_cancel,
            $crate::commands::chat::chat_active_runs,
            $crate::commands::drafts::draft_list,
            $crate::commands::drafts::draft_save,
            $crate::commands::drafts::draft_move,
        ]
    };
}
