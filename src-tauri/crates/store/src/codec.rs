//! Decoding and encoding of JSON and enum-text columns. A value that does not decode is
//! [`StoreError::Corrupt`], never a default.

use serde::{de::DeserializeOwned, Serialize};

use crate::error::{Result, StoreError};

/// Decode a JSON text column of row `id` in `table`.
pub(crate) fn json<T: DeserializeOwned>(
    table: &'static str,
    id: &str,
    column: &str,
    text: &str,
) -> Result<T> {
    serde_json::from_str(text)
        .map_err(|e| StoreError::corrupt(table, id, format!("column {column}: {e}")))
}

/// Decode a nullable JSON text column.
pub(crate) fn json_opt<T: DeserializeOwned>(
    table: &'static str,
    id: &str,
    column: &str,
    text: Option<&str>,
) -> Result<Option<T>> {
    text.map(|t| json(table, id, column, t)).transpose()
}

/// Decode an enum stored as its serde name (`"streaming"`, `"bearer"`, ...).
pub(crate) fn enum_text<T: DeserializeOwned>(
    table: &'static str,
    id: &str,
    column: &str,
    text: &str,
) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|_| {
        StoreError::corrupt(
            table,
            id,
            format!("column {column}: unknown value {text:?}"),
        )
    })
}

/// Encode a value as JSON text.
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::invalid(format!("cannot encode: {e}")))
}

/// Encode an optional value as nullable JSON text.
pub(crate) fn to_json_opt<T: Serialize>(value: Option<&T>) -> Result<Option<String>> {
    value.map(to_json).transpose()
}

/// The serde name of a unit enum variant (`MessageStatus::Streaming` -> `"streaming"`).
pub(crate) fn to_enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("not a unit enum: {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use portico_types::{ChatParams, MessageStatus, Role};

    #[test]
    fn enums_round_trip() {
        for s in [
            MessageStatus::Streaming,
            MessageStatus::Complete,
            MessageStatus::Error,
            MessageStatus::Canceled,
            MessageStatus::Interrupted,
        ] {
            let t = to_enum_text(&s);
            assert_eq!(
                enum_text::<MessageStatus>("m", "1", "status", &t).unwrap(),
                s
            );
        }
        assert_eq!(to_enum_text(&Role::Assistant), "assistant");
    }

    #[test]
    fn bad_values_are_corrupt() {
        let e = enum_text::<Role>("messages", "m1", "role", "robot").unwrap_err();
        assert!(
            matches!(
                e,
                StoreError::Corrupt {
                    table: "messages",
                    ..
                }
            ),
            "{e:?}"
        );
        let e = json::<ChatParams>("conversations", "c1", "params_json", "{oops").unwrap_err();
        assert!(matches!(e, StoreError::Corrupt { .. }));
        let e = json::<ChatParams>(
            "conversations",
            "c1",
            "params_json",
            "{\"temperature\":\"hot\"}",
        )
        .unwrap_err();
        assert!(matches!(e, StoreError::Corrupt { .. }));
    }
}
