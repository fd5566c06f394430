//! The store's error type and its translation into the IPC error the UI understands.

use portico_types::{ErrorKind, ErrorReason, IpcError};
use rusqlite::ErrorCode;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No row with this id (or it belongs to another conversation).
    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },

    /// A row exists but one of its columns cannot be decoded (bad JSON, unknown enum text).
    /// Never replaced by a default: the caller decides what to show.
    #[error("corrupt row {id} in {table}: {reason}")]
    Corrupt {
        table: &'static str,
        id: String,
        reason: String,
    },

    /// SQLITE_FULL or the OS said the disk (or quota) is full. The transaction was rolled back.
    #[error("the disk is full")]
    DiskFull,

    /// Another connection or process held the database past the busy timeout.
    #[error("the database is busy")]
    Busy,

    /// The database was written by a newer Portico whose schema this binary does not know.
    #[error("database schema version {found} is newer than this build supports ({supported})")]
    SchemaTooNew { found: i64, supported: i64 },

    /// The caller asked for something that cannot be done (empty name, bad cursor, wrong state).
    /// `reason` is what the UI words it by; `None` for what only a bug can cause.
    #[error("{message}")]
    Invalid {
        message: String,
        reason: Option<ErrorReason>,
    },

    /// Creating the folder or file of the database failed.
    #[error("file system error: {0}")]
    Io(#[from] std::io::Error),

    /// Any other SQLite failure.
    #[error("sqlite: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    pub fn not_found(what: &'static str, id: impl Into<String>) -> Self {
        StoreError::NotFound {
            what,
            id: id.into(),
        }
    }

    pub fn corrupt(table: &'static str, id: impl Into<String>, reason: impl Into<String>) -> Self {
        StoreError::Corrupt {
            table,
            id: id.into(),
            reason: reason.into(),
        }
    }

    pub fn invalid(msg: impl Into<String>) -> Self {
        StoreError::Invalid {
            message: msg.into(),
            reason: None,
        }
    }

    /// A refusal the user can cause, with the reason the UI words it by.
    pub fn refused(reason: ErrorReason, msg: impl Into<String>) -> Self {
        StoreError::Invalid {
            message: msg.into(),
            reason: Some(reason),
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(e),
        }
    }
}

/// ENOSPC (28) and EDQUOT (122) on Linux, ERROR_DISK_FULL (112) / ERROR_HANDLE_DISK_FULL (39)
/// on Windows: all mean "free some space".
fn io_is_disk_full(e: &std::io::Error) -> bool {
    if e.kind() == std::io::ErrorKind::StorageFull {
        return true;
    }
    match e.raw_os_error() {
        #[cfg(unix)]
        Some(28) | Some(122) => true,
        #[cfg(windows)]
        Some(39) | Some(112) => true,
        _ => false,
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { what, id } => {
                IpcError::new(ErrorKind::NotFound, format!("That {what} no longer exists."))
                    .with_reason(ErrorReason::NoLongerExists)
                    .with_detail(format!("{what} id {id}"))
            }
            StoreError::Invalid {
                message,
                reason: Some(reason),
            } => IpcError::refused(reason, message),
            // Only a bug gets here: the UI says so and shows the sentence as the detail.
            StoreError::Invalid {
                message,
                reason: None,
            } => IpcError::internal(message.clone()).with_detail(message),
            StoreError::Corrupt { table, id, reason } => IpcError::new(
                ErrorKind::Storage,
                "A saved record is damaged and could not be read; the rest of your data is fine.",
            )
            .with_reason(ErrorReason::CorruptRecord)
            .with_detail(format!("{table} row {id}: {reason}")),
            StoreError::DiskFull => IpcError::new(
                ErrorKind::Storage,
                "The disk is full: free some space and try again; nothing was lost.",
            )
            .with_reason(ErrorReason::DiskFull),
            StoreError::Busy => {
                let mut err = IpcError::new(
                    ErrorKind::Storage,
                    "The database is busy (is another copy of Portico running?): try again in a moment.",
                )
                .with_reason(ErrorReason::DatabaseBusy);
                err.retryable = true;
                err
            }
            StoreError::SchemaTooNew { found, supported } => IpcError::new(
                ErrorKind::Storage,
                "Your history was saved by a newer version of Portico: update Portico to open it; nothing was changed.",
            )
            .with_reason(ErrorReason::SchemaTooNew)
            .with_detail(format!(
                "database schema {found}, this build knows up to {supported}"
            )),
            StoreError::Io(io) if io_is_disk_full(&io) => IpcError::new(
                ErrorKind::Storage,
                "The disk is full: free some space and try again; nothing was lost.",
            )
            .with_reason(ErrorReason::DiskFull)
            .with_detail(io.to_string()),
            StoreError::Io(io) => IpcError::new(
                ErrorKind::Storage,
                "The history folder could not be opened or written: check its permissions and free space.",
            )
            .with_reason(ErrorReason::DataFolderUnavailable)
            .with_detail(io.to_string()),
            StoreError::Sqlite(err) => {
                let (reason, message) = match err.sqlite_error_code() {
                    Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => (
                        Some(ErrorReason::DatabaseDamaged),
                        "The history database file is damaged: restore it from a backup or move it aside to start fresh.",
                    ),
                    Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => (
                        Some(ErrorReason::DatabaseReadOnly),
                        "The history database cannot be opened for writing: check the permissions of Portico's data folder.",
                    ),
                    Some(ErrorCode::SystemIoFailure) => (
                        Some(ErrorReason::DiskFailure),
                        "The disk failed while reading or writing the history database: check the disk and free space, then try again.",
                    ),
                    _ => (
                        None,
                        "The history database reported an error; nothing was changed by this action.",
                    ),
                };
                let mut e = IpcError::new(ErrorKind::Storage, message).with_detail(err.to_string());
                e.reason = reason;
                e
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_messages() {
        let e: IpcError = StoreError::not_found("conversation", "abc").into();
        assert_eq!(e.kind, ErrorKind::NotFound);
        assert!(e.detail.unwrap().contains("abc"));

        let e: IpcError = StoreError::refused(ErrorReason::EmptyName, "The name is empty.").into();
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert_eq!(e.reason, Some(ErrorReason::EmptyName));
        assert_eq!(e.message, "The name is empty.");

        let e: IpcError = StoreError::DiskFull.into();
        assert_eq!(e.kind, ErrorKind::Storage);
        assert!(e.message.contains("disk is full"));
        assert!(!e.retryable);

        let e: IpcError = StoreError::Busy.into();
        assert!(e.retryable);

        let e: IpcError = StoreError::corrupt("conversations", "c1", "bad json").into();
        assert_eq!(e.kind, ErrorKind::Storage);
        assert!(e.detail.unwrap().contains("c1"));

        let e: IpcError = StoreError::Io(std::io::Error::from_raw_os_error(28)).into();
        assert!(e.message.contains("disk is full"), "{}", e.message);
    }

    #[test]
    fn sqlite_codes_map_to_variants() {
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        );
        assert!(matches!(StoreError::from(full), StoreError::DiskFull));
        let busy = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        );
        assert!(matches!(StoreError::from(busy), StoreError::Busy));
    }
}
