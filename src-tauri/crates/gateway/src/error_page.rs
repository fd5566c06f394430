//! HTML error pages from proxies and CDNs in front of a gateway (nginx, Cloudflare 52x):
//! detected by content type or opening tag, named by their title, kept as visible text.

use portico_types::{ErrorKind, ErrorReason};

use crate::error::{excerpt, GatewayError};
use crate::error_map::status_kind;

pub(crate) fn looks_like_html(content_type: Option<&str>, text: &str) -> bool {
    if content_type.is_some_and(|c| c.to_ascii_lowercase().contains("html")) {
        return true;
    }
    let head = text.trim_start();
    let head = &head.as_bytes()[..head.len().min(64)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    head.starts_with("<!doctype") || head.starts_with("<html") || head.starts_with("<head")
}

pub(crate) fn html_error(status: u16, html: &str) -> GatewayError {
    let title = html_title(html).unwrap_or_else(|| "no title".to_owned());
    // The page's title is the only thing it says in its own words.
    let kind = match status {
        200..=299 => ErrorKind::GatewayDown,
        s => status_kind(s),
    };
    let mut message = format!("The gateway returned an error page (HTTP {status}: {title}).");
    if matches!(status, 504 | 524) {
        message.push_str(
            " The proxy gave up waiting for the first byte; turn on streaming so the reply starts early.",
        );
    }
    let mut e = GatewayError::new(kind, message).with_status(status);
    e.reason = Some(if matches!(status, 504 | 524) {
        ErrorReason::UpstreamTimeout
    } else {
        ErrorReason::ErrorPage
    });
    e.gateway_message = html_title(html);
    e.detail = Some(format!(
        "HTTP {status}\n\n{}",
        excerpt(&strip_html(html), 2048)
    ));
    e
}

fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<title")?;
    let open_end = start + lower[start..].find('>')? + 1;
    let close = open_end + lower[open_end..].find("</title")?;
    let title = decode_entities(
        html[open_end..close]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    (!title.is_empty()).then(|| excerpt(&title, 200))
}

/// Visible text of an HTML page, whitespace collapsed; scripts and styles dropped.
pub(crate) fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        let tag = &rest[lt..];
        let lower: String = tag.chars().take(8).collect::<String>().to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            find_ci(tag, "</script>").map(|i| i + 9)
        } else if lower.starts_with("<style") {
            find_ci(tag, "</style>").map(|i| i + 8)
        } else {
            tag.find('>').map(|i| i + 1)
        };
        match skip_to {
            Some(n) => rest = &tag[n..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    decode_entities(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    hay.to_ascii_lowercase().find(needle)
}

fn decode_entities(s: String) -> String {
    if !s.contains('&') {
        return s;
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
