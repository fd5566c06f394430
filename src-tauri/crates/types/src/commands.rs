//! The command table: every IPC command with its request, result and stream event types,
//! declared once. The shell registers exactly these names (a test checks), and the TypeScript
//! table `commands.ts` is generated from this list.

use std::collections::BTreeSet;

use ts_rs::{Config, TypeVisitor, TS};

use crate::*;

macro_rules! command_table {
    ($( $name:ident : $req:ty => $res:ty $(, stream $ev:ty)? ; )*) => {
        /// Every command name, in declaration order.
        pub const COMMAND_NAMES: &[&str] = &[$(stringify!($name)),*];

        fn table_lines(cfg: &Config) -> Vec<String> {
            vec![$(
                {
                    #[allow(unused_mut)]
                    let mut line = format!(
                        "  {}: {{ req: {}; res: {}",
                        stringify!($name),
                        <$req as TS>::name(cfg),
                        <$res as TS>::name(cfg)
                    );
                    $( line.push_str(&format!("; event: {}", <$ev as TS>::name(cfg))); )?
                    line.push_str(" };");
                    line
                }
            ),*]
        }

        fn visit_all(v: &mut impl TypeVisitor) {
            $(
                v.visit::<$req>();
                v.visit::<$res>();
                $( v.visit::<$ev>(); )?
            )*
            v.visit::<AppEvent>();
            v.visit::<ErrorKind>();
            v.visit::<ErrorReason>();
        }
    };
}

command_table! {
    app_info: () => AppInfo;
    keychain_status: () => KeychainStatus;

    provider_presets: () => Vec<ProviderPreset>;
    provider_list: () => Vec<Provider>;
    provider_create: ProviderInput => Provider;
    provider_update: ProviderUpdate => Provider;
    provider_delete: IdRequest => ();
    provider_set_key: SetKeyRequest => Provider;
    provider_clear_key: IdRequest => Provider;
    provider_test: IdRequest => ConnectionTest;
    provider_fetch_models: IdRequest => Vec<ModelInfo>;
    default_provider_get: () => DefaultProvider;
    default_provider_set: SetDefaultProvider => DefaultProvider;

    conversation_list: ConversationListRequest => ConversationPage;
    conversation_get: IdRequest => Conversation;
    conversation_create: NewConversation => Conversation;
    conversation_rename: RenameRequest => Conversation;
    conversation_pin: PinRequest => Conversation;
    conversation_update_settings: ConversationSettings => Conversation;
    conversation_delete: IdRequest => ();
    search: SearchRequest => Vec<SearchHit>;

    thread_page: ThreadPageRequest => ThreadPage;
    message_switch_branch: SwitchBranchRequest => Conversation;
    message_delete: IdRequest => Conversation;

    chat_send: ChatSendRequest => ChatRunStarted, stream ChatStreamEvent;
    chat_regenerate: RegenerateRequest => ChatRunStarted, stream ChatStreamEvent;
    chat_continue: ContinueRequest => ChatRunStarted, stream ChatStreamEvent;
    chat_attach: AttachRequest => bool, stream ChatStreamEvent;
    chat_cancel: CancelRequest => ();
    chat_active_runs: () => Vec<ActiveRun>;

    draft_list: () => Vec<Draft>;
    draft_save: DraftSaveRequest => ();
    draft_move: DraftMoveRequest => ();
}

/// Exports every exportable type reachable from the table, looking through Vec/Option/tuples.
struct Exporter<'a> {
    cfg: &'a Config,
    seen: BTreeSet<String>,
    errors: Vec<String>,
}

impl TypeVisitor for Exporter<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_some() {
            let ident = T::ident(self.cfg);
            if self.seen.insert(ident) {
                if let Err(e) = T::export_all(self.cfg) {
                    self.errors
                        .push(format!("{}: {e}", std::any::type_name::<T>()));
                }
            }
        } else {
            T::visit_dependencies(self);
            T::visit_generics(self);
        }
    }
}

/// Writes every binding and `commands.ts` into `dir`. Returns the file names written.
pub fn export_bindings(dir: &std::path::Path) -> Result<Vec<String>, String> {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    let mut exporter = Exporter {
        cfg: &cfg,
        seen: BTreeSet::new(),
        errors: Vec::new(),
    };
    visit_all(&mut exporter);
    if !exporter.errors.is_empty() {
        return Err(exporter.errors.join("\n"));
    }
    let imports: String = exporter
        .seen
        .iter()
        .map(|name| format!("import type {{ {name} }} from \"./{name}\";\n"))
        .collect();
    let body = format!(
        "// Generated from src-tauri/crates/types/src/commands.rs. Do not edit.\n\
         {imports}\n\
         /** Every IPC command: its request, its result and, for streaming commands, its Channel event. */\n\
         export interface Commands {{\n{}\n}}\n\n\
         export const COMMAND_NAMES = [{}] as const;\n",
        table_lines(&cfg).join("\n"),
        COMMAND_NAMES.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", "),
    );
    std::fs::write(dir.join("commands.ts"), body).map_err(|e| e.to_string())?;
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    files.sort();
    Ok(files)
}
