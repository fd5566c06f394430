//! Keys never leave this crate in text: `ApiKey` prints masked, and every detail string passes
//! through `redact` before it reaches an error, a log line or the UI.

use std::fmt;

/// A gateway key. `Debug` and `Display` print `sk-…abcd`, never the key; `expose` is the only way
/// to read it, and only the request builder calls it.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Pasted keys often carry a newline or spaces; they are never part of a key.
    pub fn new(key: impl Into<String>) -> Self {
        let key: String = key.into();
        let trimmed = key.trim();
        if trimmed.len() == key.len() {
            Self(key)
        } else {
            Self(trimmed.to_owned())
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn masked(&self) -> String {
        mask_key(&self.0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for ApiKey {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

impl From<&str> for ApiKey {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiKey({})", self.masked())
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// `sk-…abcd`: a known prefix and the last four characters, only when the key is long enough
/// that they reveal nothing useful.
pub fn mask_key(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < 12 {
        return "…".to_owned();
    }
    let last: String = chars[chars.len() - 4..].iter().collect();
    let prefix = ["sk-ant-", "sk-or-", "sk-", "AIza"]
        .into_iter()
        .find(|p| key.starts_with(p))
        .unwrap_or("");
    format!("{prefix}…{last}")
}

/// Remove `key` from `text` (every occurrence), then mask anything that looks like a secret
/// (`Bearer …`, `?key=…` and friends). Keys shorter than 4 characters protect nothing and would
/// mangle ordinary text, so they are not searched for.
pub fn redact(text: &str, key: Option<&str>) -> String {
    let mut out = match key {
        Some(k) if k.len() >= 4 && text.contains(k) => text.replace(k, &mask_key(k)),
        _ => text.to_owned(),
    };
    out = mask_after(&out, "Bearer ", |c| {
        c.is_whitespace() || c == '"' || c == ','
    });
    for param in [
        "key=",
        "api_key=",
        "apikey=",
        "api-key=",
        "access_token=",
        "token=",
    ] {
        out = mask_after(&out, param, |c| {
            matches!(c, '&' | '#' | ' ' | '"' | '\'' | '\n' | ')' | '>')
        });
    }
    out
}

/// Mask the value that follows each occurrence of `marker`, up to a char for which `end` is true.
fn mask_after(text: &str, marker: &str, end: impl Fn(char) -> bool) -> String {
    if !text.contains(marker) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(marker) {
        let (before, after) = rest.split_at(i + marker.len());
        out.push_str(before);
        let len = after.find(&end).unwrap_or(after.len());
        let value = &after[..len];
        // Already masked, or too short to be a secret (`token=1` in prose): leave it.
        if value.contains('…') || value.len() < 8 {
            out.push_str(value);
        } else {
            out.push_str(&mask_key(value));
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "sk-live-1234567890abcdefWXYZ";

    #[test]
    fn api_key_never_prints_itself() {
        let k = ApiKey::new(format!("  {KEY}\n"));
        assert_eq!(k.expose(), KEY);
        assert_eq!(format!("{k}"), "sk-…WXYZ");
        assert_eq!(format!("{k:?}"), "ApiKey(sk-…WXYZ)");
        assert!(!format!("{k:?}{k}{k:#?}").contains("1234567890"));
    }

    #[test]
    fn short_keys_are_fully_hidden() {
        assert_eq!(mask_key("abc"), "…");
        assert_eq!(mask_key("short-key-1"), "…");
        assert_eq!(mask_key("AIzaSyA-0123456789"), "AIza…6789");
        assert_eq!(mask_key("plainkeywithoutprefix"), "…efix");
    }

    #[test]
    fn redact_removes_every_occurrence() {
        let text = format!("Incorrect API key provided: {KEY}. You sent {KEY}");
        let r = redact(&text, Some(KEY));
        assert!(!r.contains(KEY), "{r}");
        assert_eq!(r.matches("sk-…WXYZ").count(), 2);
    }

    #[test]
    fn redact_masks_bearer_and_query_keys_without_knowing_the_key() {
        let r = redact(
            "GET https://g.example/v1beta/models?key=AIzaSecretSecret123&alt=sse \
             Authorization: Bearer sk-other-secret-987654",
            None,
        );
        assert!(!r.contains("AIzaSecretSecret123"), "{r}");
        assert!(!r.contains("sk-other-secret-987654"), "{r}");
        assert!(r.contains("key=AIza…t123&alt=sse"), "{r}");
        assert!(r.contains("Bearer sk-…7654"), "{r}");
    }

    #[test]
    fn redact_leaves_ordinary_text_alone() {
        let text = "token=1 is fine; the monkey=banana too";
        assert_eq!(redact(text, Some("abc")), text);
        assert_eq!(redact("", Some(KEY)), "");
    }
}
