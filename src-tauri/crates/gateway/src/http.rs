//! Where a request goes and how it authenticates: `Endpoint`, URL joining (PROTOCOLS 1.2) and
//! the headers every request carries (1.3). The key is marked sensitive so hyper never logs it.

use std::fmt;

use portico_types::{AuthScheme, ErrorKind, ErrorReason, HeaderPair};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION};

use crate::error::GatewayError;
use crate::redact::ApiKey;

/// A gateway as one request sees it: base URL, auth, key and extra headers.
#[derive(Clone)]
pub struct Endpoint {
    pub base_url: String,
    /// Use `base_url` as given instead of adding `/v1`.
    pub exact_base_url: bool,
    pub auth: AuthScheme,
    pub key: Option<ApiKey>,
    pub extra_headers: Vec<HeaderPair>,
}

impl Endpoint {
    /// An OpenAI-style endpoint with `Authorization: Bearer <key>`.
    pub fn bearer(base_url: impl Into<String>, key: Option<ApiKey>) -> Self {
        Self {
            base_url: base_url.into(),
            exact_base_url: false,
            auth: AuthScheme::Bearer,
            key,
            extra_headers: Vec::new(),
        }
    }

    /// The full URL of an OpenAI-family resource such as `chat/completions`.
    pub fn url(&self, resource: &str) -> Result<String, GatewayError> {
        let base = self.base_url.trim();
        let lower = base.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(GatewayError::new(
                ErrorKind::Invalid,
                "The provider's base URL must start with http:// or https://. Check it in Settings → Providers.",
            )
            .with_reason(ErrorReason::InvalidBaseUrl)
            .with_detail(format!("base URL: {base:?}")));
        }
        Ok(join_url(base, self.exact_base_url, resource))
    }

    /// The exposed key, for redaction of anything that may echo it.
    pub(crate) fn key_str(&self) -> Option<&str> {
        self.key.as_ref().map(ApiKey::expose)
    }

    /// Auth and extra headers. Invalid extra headers are the user's to fix, so they are named.
    pub(crate) fn headers(&self) -> Result<HeaderMap, GatewayError> {
        let mut h = HeaderMap::new();
        for pair in &self.extra_headers {
            let name = HeaderName::from_bytes(pair.name.trim().as_bytes());
            let value = HeaderValue::from_str(pair.value.trim());
            match (name, value) {
                (Ok(n), Ok(mut v)) => {
                    v.set_sensitive(true);
                    h.append(n, v);
                }
                _ => {
                    // Provider validation refuses most bad headers before this; the name
                    // is in the detail for the rest.
                    return Err(GatewayError::new(
                        ErrorKind::Invalid,
                        format!(
                            "The extra header “{}” is not a valid HTTP header. Fix it in Settings → Providers.",
                            pair.name.trim()
                        ),
                    )
                    .with_reason(ErrorReason::BadHeader)
                    .with_detail(format!("extra header: {}", pair.name.trim())));
                }
            }
        }
        let key = self.key.as_ref().filter(|k| !k.is_empty());
        let auth = match (self.auth, key) {
            (AuthScheme::Bearer, Some(k)) => {
                Some((AUTHORIZATION, format!("Bearer {}", k.expose())))
            }
            (AuthScheme::ApiKeyHeader, Some(k)) => {
                Some((HeaderName::from_static("api-key"), k.expose().to_owned()))
            }
            _ => None,
        };
        if let Some((name, value)) = auth {
            let mut v = HeaderValue::from_str(&value).map_err(|_| {
                GatewayError::new(
                    ErrorKind::Auth,
                    "The API key contains characters that cannot be sent in a header. Paste the key again in Settings → Providers.",
                )
                .with_reason(ErrorReason::KeyNotSendable)
            })?;
            v.set_sensitive(true);
            h.insert(name, v);
        }
        Ok(h)
    }
}

impl fmt::Debug for Endpoint {
    /// Extra header values may hold secrets too: only their names are shown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.extra_headers.iter().map(|h| h.name.as_str()).collect();
        f.debug_struct("Endpoint")
            .field(
                "base_url",
                &crate::redact::redact(&self.base_url, self.key_str()),
            )
            .field("exact_base_url", &self.exact_base_url)
            .field("auth", &self.auth)
            .field("key", &self.key)
            .field("extra_headers", &names)
            .finish()
    }
}

/// PROTOCOLS 1.2: strip trailing `/`; a base ending in `/v1` gets the resource; any other base
/// gets `/v1/<resource>` unless the user marked it exact.
pub fn join_url(base: &str, exact: bool, resource: &str) -> String {
    let base = base.trim().trim_end_matches('/');
    let resource = resource.trim_start_matches('/');
    if exact || base.to_ascii_lowercase().ends_with("/v1") {
        format!("{base}/{resource}")
    } else {
        format!("{base}/v1/{resource}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_joining_table() {
        let cases = [
            (
                "https://api.openai.com/v1",
                false,
                "https://api.openai.com/v1/chat/completions",
            ),
            (
                "https://api.openai.com/v1/",
                false,
                "https://api.openai.com/v1/chat/completions",
            ),
            (
                "https://api.openai.com",
                false,
                "https://api.openai.com/v1/chat/completions",
            ),
            (
                "https://api.openai.com///",
                false,
                "https://api.openai.com/v1/chat/completions",
            ),
            (
                "https://api.jiekou.ai/openai",
                false,
                "https://api.jiekou.ai/openai/v1/chat/completions",
            ),
            (
                "https://api.jiekou.ai/openai",
                true,
                "https://api.jiekou.ai/openai/chat/completions",
            ),
            (
                "https://api.jiekou.ai/openai/",
                true,
                "https://api.jiekou.ai/openai/chat/completions",
            ),
            (
                "https://api-xmodel.nexconn.ai/v1",
                false,
                "https://api-xmodel.nexconn.ai/v1/chat/completions",
            ),
            (
                "https://g.example/V1",
                false,
                "https://g.example/V1/chat/completions",
            ),
            (
                " http://127.0.0.1:8080 ",
                false,
                "http://127.0.0.1:8080/v1/chat/completions",
            ),
            (
                "https://g.example/v1beta",
                false,
                "https://g.example/v1beta/v1/chat/completions",
            ),
        ];
        for (base, exact, want) in cases {
            assert_eq!(
                join_url(base, exact, "chat/completions"),
                want,
                "{base} exact={exact}"
            );
        }
        assert_eq!(
            join_url("https://g.example", false, "/models"),
            "https://g.example/v1/models"
        );
    }

    #[test]
    fn base_url_must_be_http() {
        let e = Endpoint::bearer("api.openai.com", None)
            .url("models")
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert!(Endpoint::bearer("HTTPS://x.example", None)
            .url("models")
            .is_ok());
    }

    #[test]
    fn auth_headers_per_scheme() {
        let mut ep = Endpoint::bearer("http://x", Some(ApiKey::new("sk-test-123456789")));
        let h = ep.headers().unwrap();
        assert_eq!(h[AUTHORIZATION], "Bearer sk-test-123456789");
        assert!(h[AUTHORIZATION].is_sensitive());
        ep.auth = AuthScheme::ApiKeyHeader;
        let h = ep.headers().unwrap();
        assert_eq!(h["api-key"], "sk-test-123456789");
        assert!(h.get(AUTHORIZATION).is_none());
        ep.auth = AuthScheme::None;
        assert!(ep.headers().unwrap().is_empty());
        ep.auth = AuthScheme::Bearer;
        ep.key = None;
        assert!(ep.headers().unwrap().is_empty());
    }

    #[test]
    fn extra_headers_are_sent_and_validated() {
        let mut ep = Endpoint::bearer("http://x", None);
        ep.extra_headers = vec![HeaderPair {
            name: "X-Group".into(),
            value: "vip".into(),
        }];
        assert_eq!(ep.headers().unwrap()["x-group"], "vip");
        ep.extra_headers = vec![HeaderPair {
            name: "bad name".into(),
            value: "v".into(),
        }];
        let e = ep.headers().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid);
        assert!(e.message.contains("bad name"));
    }

    #[test]
    fn debug_hides_key_and_header_values() {
        let mut ep = Endpoint::bearer("http://x", Some(ApiKey::new("sk-secret-0123456789")));
        ep.extra_headers = vec![HeaderPair {
            name: "x-api-key".into(),
            value: "other-secret-value".into(),
        }];
        let d = format!("{ep:?}");
        assert!(
            !d.contains("secret-0123") && !d.contains("other-secret-value"),
            "{d}"
        );
        assert!(d.contains("sk-…6789") && d.contains("x-api-key"), "{d}");
    }
}
