//! The key check, as a gateway does it for OpenAI routes.

use axum::http::{header, HeaderMap};

/// True when no key is required, or `Authorization` carries the key, with or
/// without the `Bearer ` scheme (Nexconn's docs show the raw key).
pub fn authorized(required: Option<&str>, headers: &HeaderMap) -> bool {
    let Some(key) = required else {
        return true;
    };
    let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let value = value.trim();
    let presented = match value.split_once(' ') {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("bearer") => rest.trim(),
        _ => value,
    };
    presented == key
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn accepts_bearer_and_raw_key_only() {
        assert!(authorized(None, &HeaderMap::new()));
        assert!(authorized(Some("sk-1"), &with("Bearer sk-1")));
        assert!(authorized(Some("sk-1"), &with("bearer sk-1")));
        assert!(authorized(Some("sk-1"), &with("sk-1")));
        assert!(!authorized(Some("sk-1"), &with("Bearer sk-2")));
        assert!(!authorized(Some("sk-1"), &with("Basic sk-1")));
        assert!(!authorized(Some("sk-1"), &HeaderMap::new()));
    }
}
