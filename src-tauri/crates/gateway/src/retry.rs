//! When and how long to wait before trying an idempotent request again, as the official SDKs do
//! (PROTOCOLS 1.7). Chat POSTs are never retried automatically: a retry could bill twice and a
//! stream that already showed text must not restart behind the user's back.

use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;

/// Retry settings for idempotent calls (the models list).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    pub max_retries: u32,
    /// Backoff starts here and doubles per attempt...
    pub base_delay: Duration,
    /// ...up to this.
    pub max_delay: Duration,
    /// A server-requested delay is honoured only when `0 < delay <= this`.
    pub max_server_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            max_server_delay: Duration::from_secs(120),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// The wait before retry number `attempt + 1`: the server's delay when sane, else
    /// `min(base * 2^attempt, max) * jitter` with jitter in [0.75, 1.0].
    pub fn delay(&self, attempt: u32, headers: Option<&HeaderMap>) -> Duration {
        if let Some(d) = headers.and_then(retry_after) {
            if !d.is_zero() && d <= self.max_server_delay {
                return d;
            }
        }
        let backoff = self
            .base_delay
            .saturating_mul(2u32.saturating_pow(attempt.min(20)))
            .min(self.max_delay);
        backoff.mul_f64(1.0 - 0.25 * rand::random::<f64>())
    }
}

/// Whether a failed response may succeed on retry: `x-should-retry` wins, else 408, 409, 429
/// (unless the quota is gone) and every 5xx.
pub fn should_retry_status(status: u16, headers: &HeaderMap, quota_exhausted: bool) -> bool {
    match headers
        .get("x-should-retry")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
    {
        Some("true") => return true,
        Some("false") => return false,
        _ => {}
    }
    match status {
        408 | 409 | 500..=599 => true,
        429 => !quota_exhausted,
        _ => false,
    }
}

/// The server's requested delay: `retry-after-ms` (float ms), else `Retry-After` as float
/// seconds or an HTTP-date. Negative, unparsable or non-finite values read as absent.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let get = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    if let Some(ms) = get("retry-after-ms").and_then(|v| v.parse::<f64>().ok()) {
        if ms.is_finite() && ms >= 0.0 {
            return Some(Duration::from_secs_f64(ms / 1000.0));
        }
    }
    let value = get("retry-after")?;
    if let Ok(secs) = value.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn retry_after_forms() {
        let ms = |v: Option<Duration>| v.map(|d| d.as_millis());
        assert_eq!(
            ms(retry_after(&headers(&[("retry-after-ms", "250.5")]))),
            Some(250)
        );
        assert_eq!(
            ms(retry_after(&headers(&[("retry-after", "2")]))),
            Some(2000)
        );
        assert_eq!(
            ms(retry_after(&headers(&[("retry-after", "1.5")]))),
            Some(1500)
        );
        // retry-after-ms wins over Retry-After.
        assert_eq!(
            ms(retry_after(&headers(&[
                ("retry-after-ms", "100"),
                ("retry-after", "9")
            ]))),
            Some(100)
        );
        assert_eq!(retry_after(&headers(&[("retry-after", "-3")])), None);
        assert_eq!(retry_after(&headers(&[("retry-after", "soon")])), None);
        assert_eq!(retry_after(&headers(&[("retry-after-ms", "NaN")])), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);

        let future = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(30));
        let d = retry_after(&headers(&[("retry-after", &future)])).unwrap();
        assert!(
            d > Duration::from_secs(28) && d <= Duration::from_secs(30),
            "{d:?}"
        );
        let past = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(30));
        assert_eq!(
            retry_after(&headers(&[("retry-after", &past)])),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn server_delay_used_only_when_sane() {
        let p = RetryPolicy::default();
        let h = headers(&[("retry-after", "3")]);
        assert_eq!(p.delay(0, Some(&h)), Duration::from_secs(3));
        // Zero or above the cap: fall back to backoff.
        for v in ["0", "121"] {
            let d = p.delay(0, Some(&headers(&[("retry-after", v)])));
            assert!(
                d >= Duration::from_millis(375) && d <= Duration::from_millis(500),
                "{v}: {d:?}"
            );
        }
    }

    #[test]
    fn backoff_doubles_with_jitter_and_caps() {
        let p = RetryPolicy::default();
        for (attempt, full) in [(0, 500), (1, 1000), (2, 2000), (4, 8000), (10, 8000)] {
            for _ in 0..50 {
                let d = p.delay(attempt, None).as_millis() as u64;
                assert!(d >= full * 3 / 4 && d <= full, "attempt {attempt}: {d}");
            }
        }
    }

    #[test]
    fn which_statuses_retry() {
        let none = HeaderMap::new();
        for s in [408, 409, 429, 500, 502, 503, 504, 524, 529] {
            assert!(should_retry_status(s, &none, false), "{s}");
        }
        for s in [400, 401, 402, 403, 404, 413, 422] {
            assert!(!should_retry_status(s, &none, false), "{s}");
        }
        assert!(!should_retry_status(429, &none, true));
        assert!(should_retry_status(
            400,
            &headers(&[("x-should-retry", "true")]),
            false
        ));
        assert!(!should_retry_status(
            503,
            &headers(&[("x-should-retry", "false")]),
            false
        ));
    }
}
