//! What exactly went wrong, finer than [`crate::ErrorKind`]. The UI words every error from its
//! kind, this reason and the structured fields of [`crate::IpcError`], in the language on
//! screen when it is shown: errors saved on messages are worded again after a relaunch or a
//! language switch. Add a reason together with its words in both UI languages.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorReason {
    // The gateway answered with an error.
    /// A 400 that does not say why, from a connection test or the first request after the
    /// key changed: some gateways answer a wrong key this way.
    KeyProbablyRejected,
    /// The conversation does not fit the model's context window.
    ContextTooLong,
    /// 413: the request body is too large for the gateway.
    RequestTooLarge,
    /// 405: this URL does not take this request (a base URL problem).
    WrongMethod,
    /// 408: the gateway timed out reading the request.
    RequestTimeout,
    /// 504 or 524: a proxy gave up waiting for the model.
    UpstreamTimeout,
    /// An HTML error page instead of an API answer (`gatewayMessage` holds its title).
    ErrorPage,
    /// A 200 whose body is an error.
    ErrorInReply,
    /// An error frame inside a stream; the partial text was kept.
    ErrorMidReply,
    // Transport.
    /// Nothing arrived before the first-byte timeout.
    FirstByteTimeout,
    /// The stream went silent past the idle timeout; the partial text was kept.
    Stalled,
    ConnectFailed,
    /// The connection dropped mid-reply; the partial text was kept.
    ConnectionDropped,
    InvalidBaseUrl,
    /// An extra header cannot be sent (its name is in the detail).
    BadHeader,
    /// The key has characters a header cannot carry.
    KeyNotSendable,
    // The gateway's answer could not be read.
    UnreadableReply,
    UnknownModelList,
    MalformedChunk,
    ReplyTooLarge,
    EmptyReply,
    // Keys and the keychain.
    NoKey,
    EmptyKey,
    KeyHasSpaces,
    KeyInHeader,
    KeychainUnavailable,
    KeychainRefused,
    // What the user typed.
    EmptyName,
    EmptyTitle,
    EmptyMessage,
    UnknownPreset,
    /// An extra header's name is missing or invalid (the name is in the detail).
    BadHeaderName,
    /// An extra header's value has control characters (its name is in the detail).
    BadHeaderValue,
    NoModel,
    NoProvider,
    DemoNotRunning,
    // Chat actions on the message tree.
    EditNeedsConversation,
    EditNotOwnMessage,
    NotAReply,
    ReplyStillWriting,
    ReplyFinished,
    ProviderDeleted,
    StaleListPosition,
    /// The conversation, message or provider was deleted meanwhile.
    NoLongerExists,
    // Storage.
    CorruptRecord,
    DiskFull,
    DatabaseBusy,
    SchemaTooNew,
    DataFolderUnavailable,
    DatabaseDamaged,
    DatabaseReadOnly,
    DiskFailure,
}
