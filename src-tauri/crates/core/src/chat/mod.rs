//! Chat: send a message, regenerate, continue, cancel, reattach. Each call writes its rows
//! first, starts a run in the background and returns at once (DESIGN.md section 4).

mod history;
mod registry;
mod run;
mod sink;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use portico_gateway::GatewayClient;
use portico_store::{new_id, Store};
use portico_types::{
    ActiveRun, AppEvent, ChatRunStarted, ChatSendRequest, ContinueRequest, ConversationSettings,
    ErrorReason, IpcError, Message, NewConversation, RegenerateRequest, Role,
};
use registry::{LiveText, Registry, RunEntry};
pub use run::ChatTuning;
use run::{RunContext, Target};
use sink::SharedSink;
pub use sink::{ChatSink, VecSink};
use tokio_util::sync::CancellationToken;

use crate::blocking::db;
use crate::notify::Notifier;
use crate::providers::ProviderService;

#[derive(Clone)]
pub struct ChatService {
    store: Arc<Store>,
    providers: ProviderService,
    gateway: GatewayClient,
    notifier: Arc<dyn Notifier>,
    tuning: ChatTuning,
    registry: Registry,
    shutting_down: Arc<AtomicBool>,
}

impl ChatService {
    pub(crate) fn new(
        store: Arc<Store>,
        providers: ProviderService,
        gateway: GatewayClient,
        notifier: Arc<dyn Notifier>,
        tuning: ChatTuning,
    ) -> Self {
        Self {
            store,
            providers,
            gateway,
            notifier,
            tuning,
            registry: Registry::default(),
            shutting_down: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Sends a user message. Nothing is written if the provider can't be used (no key,
    /// unknown provider), so the UI keeps the draft; after that, the user's text is saved
    /// before any byte goes to the gateway.
    pub async fn send(
        &self,
        req: ChatSendRequest,
        sink: Arc<dyn ChatSink>,
    ) -> Result<ChatRunStarted, IpcError> {
        if req.text.trim().is_empty() {
            return Err(IpcError::refused(
                ErrorReason::EmptyMessage,
                "The message is empty.",
            ));
        }
        if req.model.trim().is_empty() {
            return Err(IpcError::refused(
                ErrorReason::NoModel,
                "Pick a model first.",
            ));
        }
        if req.edit_of.is_some() && req.conversation_id.is_none() {
            return Err(IpcError::refused(
                ErrorReason::EditNeedsConversation,
                "An edit needs the conversation it belongs to.",
            ));
        }
        let endpoint = self.providers.endpoint(&req.provider_id).await?;
        let conversation = match req.conversation_id.clone() {
            Some(id) => {
                let settings = ConversationSettings {
                    id,
                    provider_id: Some(req.provider_id.clone()),
                    model: Some(req.model.clone()),
                    params: req.params.clone(),
                };
                db(&self.store, move |s| {
                    s.conversations().update_settings(&settings)
                })
                .await?
            }
            None => {
                let new = NewConversation {
                    provider_id: Some(req.provider_id.clone()),
                    model: Some(req.model.clone()),
                    params: req.params.clone(),
                };
                db(&self.store, move |s| s.conversations().create(&new)).await?
            }
        };
        let parent = match req.edit_of.clone() {
            Some(edited) => {
                let m = db(&self.store, move |s| s.messages().get(&edited)).await?;
                if m.role != Role::User || m.conversation_id != conversation.id {
                    return Err(IpcError::refused(
                        ErrorReason::EditNotOwnMessage,
                        "Only your own messages in this conversation can be edited.",
                    ));
                }
                m.parent_id
            }
            None => req
                .parent_id
                .clone()
                .or(conversation.active_leaf_id.clone()),
        };
        let (conv_id, text, provider, model) = (
            conversation.id.clone(),
            req.text.clone(),
            req.provider_id.clone(),
            req.model.clone(),
        );
        let (user, assistant) = db(&self.store, move |s| {
            s.messages()
                .insert_exchange(&conv_id, parent.as_deref(), &text, &provider, &model)
        })
        .await?;
        let user_id = user.id.clone();
        let path = db(&self.store, move |s| s.messages().path_to(&user_id)).await?;
        let request = history::build_request(&req.model, &conversation.params, &path);
        let target = Target {
            provider_id: req.provider_id.clone(),
            endpoint,
        };
        Ok(self.start(
            target,
            request,
            assistant,
            Some(user.id),
            LiveText::default(),
            sink,
        ))
    }

    /// A new answer beside an existing one (same question), optionally from another model.
    pub async fn regenerate(
        &self,
        req: RegenerateRequest,
        sink: Arc<dyn ChatSink>,
    ) -> Result<ChatRunStarted, IpcError> {
        let id = req.message_id.clone();
        let old = db(&self.store, move |s| s.messages().get(&id)).await?;
        if old.role != Role::Assistant {
            return Err(IpcError::refused(
                ErrorReason::NotAReply,
                "Only a reply can be regenerated.",
            ));
        }
        let conv_id = old.conversation_id.clone();
        let conversation = db(&self.store, move |s| s.conversations().get(&conv_id)).await?;
        let provider_id = req
            .provider_id
            .or(conversation.provider_id.clone())
            .or(old.provider_id.clone())
            .ok_or_else(|| {
                IpcError::refused(
                    ErrorReason::NoProvider,
                    "Pick a provider for this conversation first.",
                )
            })?;
        let model = req
            .model
            .or(conversation.model.clone())
            .or(old.model.clone())
            .ok_or_else(|| IpcError::refused(ErrorReason::NoModel, "Pick a model first."))?;
        let endpoint = self.providers.endpoint(&provider_id).await?;
        let (of, p, m) = (old.id.clone(), provider_id.clone(), model.clone());
        let assistant = db(&self.store, move |s| {
            s.messages().insert_assistant_sibling(&of, &p, &m)
        })
        .await?;
        let path = match old.parent_id.clone() {
            Some(parent) => db(&self.store, move |s| s.messages().path_to(&parent)).await?,
            None => Vec::new(),
        };
        let request = history::build_request(&model, &conversation.params, &path);
        let target = Target {
            provider_id,
            endpoint,
        };
        Ok(self.start(target, request, assistant, None, LiveText::default(), sink))
    }

    /// Continues a reply that stopped early, appending to its text.
    pub async fn continue_reply(
        &self,
        req: ContinueRequest,
        sink: Arc<dyn ChatSink>,
    ) -> Result<ChatRunStarted, IpcError> {
        if self.registry.is_writing(&req.message_id) {
            return Err(IpcError::refused(
                ErrorReason::ReplyStillWriting,
                "This reply is still being written.",
            ));
        }
        let id = req.message_id.clone();
        let old = db(&self.store, move |s| s.messages().get(&id)).await?;
        let conv_id = old.conversation_id.clone();
        let conversation = db(&self.store, move |s| s.conversations().get(&conv_id)).await?;
        let provider_id = old
            .provider_id
            .clone()
            .or(conversation.provider_id.clone())
            .ok_or_else(|| {
                IpcError::refused(
                    ErrorReason::ProviderDeleted,
                    "This reply's provider was deleted; regenerate it instead.",
                )
            })?;
        let model = old
            .model
            .clone()
            .or(conversation.model.clone())
            .unwrap_or_default();
        let endpoint = self.providers.endpoint(&provider_id).await?;
        let id = req.message_id.clone();
        let reopened = db(&self.store, move |s| s.messages().reopen_for_continue(&id)).await?;
        let id = reopened.id.clone();
        let path = db(&self.store, move |s| s.messages().path_to(&id)).await?;
        let request = history::build_request(&model, &conversation.params, &path);
        let live = LiveText {
            text: reopened.text.clone(),
            reasoning: reopened.reasoning.clone().unwrap_or_default(),
        };
        let target = Target {
            provider_id,
            endpoint,
        };
        Ok(self.start(target, request, reopened, None, live, sink))
    }

    fn start(
        &self,
        target: Target,
        request: portico_gateway::ChatRequest,
        message: Message,
        user_message_id: Option<String>,
        live: LiveText,
        sink: Arc<dyn ChatSink>,
    ) -> ChatRunStarted {
        let run_id = new_id();
        let entry = self.registry.insert(
            run_id.clone(),
            RunEntry {
                conversation_id: message.conversation_id.clone(),
                message_id: message.id.clone(),
                cancel: CancellationToken::new(),
                sink: SharedSink::new(sink),
                live: Arc::new(Mutex::new(live)),
            },
        );
        let started = ChatRunStarted {
            run_id: run_id.clone(),
            conversation_id: message.conversation_id.clone(),
            user_message_id,
            assistant_message_id: message.id.clone(),
        };
        self.notifier.notify(AppEvent::ConversationsChanged {
            ids: vec![message.conversation_id.clone()],
        });
        let ctx = RunContext {
            run_id,
            store: self.store.clone(),
            gateway: self.gateway.clone(),
            target,
            key_checks: self.providers.key_checks(),
            request,
            message,
            entry,
            registry: self.registry.clone(),
            notifier: self.notifier.clone(),
            tuning: self.tuning,
            shutting_down: self.shutting_down.clone(),
        };
        tokio::spawn(run::run(ctx));
        started
    }

    /// Stops a run; its partial text is kept with status `canceled`. A run that has
    /// already finished is not an error.
    pub fn cancel(&self, run_id: &str) {
        self.registry.cancel(run_id);
    }

    /// Sends a running reply's events to a new sink (after a window reload).
    pub fn attach(&self, run_id: &str, sink: Arc<dyn ChatSink>) -> bool {
        self.registry.attach(run_id, sink)
    }

    pub fn active_runs(&self) -> Vec<ActiveRun> {
        self.registry.active()
    }

    /// At quit: every running reply ends `interrupted` with all its text, ready to continue.
    /// Waits up to `grace` for the final writes.
    pub async fn shutdown(&self, grace: Duration) {
        self.shutting_down.store(true, Ordering::SeqCst);
        self.registry.cancel_all();
        let deadline = tokio::time::Instant::now() + grace;
        while !self.registry.active().is_empty() && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}
