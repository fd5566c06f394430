//! Hostile replies on demand: `sim:hostile=NAME` in the last user message makes
//! the reply one of [`HOSTILE_REPLIES`], whatever the model. Model output is
//! untrusted, and these are the replies a renderer must survive: megabytes on
//! one line, pathological emphasis, nesting thousands deep, a huge table, a huge
//! code block, deep math, and HTML, SVG and links that try to run or trick.
//!
//! Each text is fixed (the same bytes every time) and plain content (no
//! reasoning, no tool calls; `max_tokens` is not applied). A stream cuts it into
//! pieces of irregular size, split anywhere (mid-word, mid-tag, mid-character
//! never: only on character boundaries), at most about [`MAX_PIECES`] of them,
//! so even 5 MB goes out in a few seconds at the simulator's chunk delay.

mod html;
mod texts;

use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::body::{Sent, SseWriter};
use crate::chunks::{Delta, Meta, Usage};
use crate::completion::completion_json;
use crate::stream::{self, Ctx, Tally};
use crate::text::{count_words, Rng};

pub use html::MARKER;

/// Every name `sim:hostile=` accepts.
pub const HOSTILE_REPLIES: &[&str] = &[
    "long_line",     // 5 MB on a single line, with inline markup
    "emphasis",      // `*a` repeated 50,000 times (100 KB)
    "nested_list",   // a list nested 2,000 levels deep (about 4 MB)
    "nested_quotes", // block quotes nested 2,000 deep, one level more per line (about 2 MB)
    "table",         // a table of 20,000 rows and 12 columns (about 2 MB)
    "html",          // raw HTML, scripts, SVG, javascript: and deceptive links
    "code",          // one fenced JavaScript block of 1 MB
    "math",          // a formula nested 1,000 deep and 5,000 inline formulas
];

/// A stream has at most about this many content chunks; small replies use
/// pieces of about `MIN_PIECE` bytes, as a model's tokens would be.
pub const MAX_PIECES: usize = 400;
const MIN_PIECE: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hostile {
    LongLine,
    Emphasis,
    NestedList,
    NestedQuotes,
    Table,
    Html,
    Code,
    Math,
}

impl Hostile {
    const ALL: [Hostile; 8] = [
        Self::LongLine,
        Self::Emphasis,
        Self::NestedList,
        Self::NestedQuotes,
        Self::Table,
        Self::Html,
        Self::Code,
        Self::Math,
    ];

    pub fn parse(name: &str) -> Option<Self> {
        HOSTILE_REPLIES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }

    fn seed(self) -> u64 {
        0x0405_7113 + self as u64
    }
}

/// The directive as written: a known kind, or the unknown name (a 400).
pub type HostileDirective = Result<Hostile, String>;

/// `sim:hostile=NAME`, if `word` is that directive.
pub fn directive(word: &str) -> Option<HostileDirective> {
    let name = word.strip_prefix("sim:hostile=")?;
    Some(Hostile::parse(name).ok_or_else(|| name.to_string()))
}

/// The full text of a hostile reply (`None` for an unknown name).
pub fn reply_text(name: &str) -> Option<String> {
    Hostile::parse(name).map(texts::text)
}

/// `text` cut into pieces of irregular size (half to one and a half times the
/// target), on character boundaries. Deterministic for a given seed.
pub fn pieces(text: &str, seed: u64) -> Vec<&str> {
    let target = (text.len() / MAX_PIECES).max(MIN_PIECE);
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(text.len() / target + 2);
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + target / 2 + rng.below(target + 1)).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push(&text[start..end]);
        start = end;
    }
    out
}

/// The 400 for an unknown name, listing the known ones.
pub fn unknown(name: &str) -> Response {
    let message = format!(
        "Unknown hostile reply `{name}` in sim:hostile=; one of: {}.",
        HOSTILE_REPLIES.join(", ")
    );
    crate::errors::bad_request(&message, Some("messages"))
}

/// The non-streamed `chat.completion` carrying the whole text.
pub fn to_json(kind: Hostile, meta: &Meta, prompt_tokens: usize) -> Response {
    let text = texts::text(kind);
    let usage = Usage::new(prompt_tokens, count_words(&text), 0);
    let message = json!({"role": "assistant", "content": text, "refusal": null, "annotations": []});
    Json(completion_json(meta, message, "stop", usage)).into_response()
}

/// Streams the text: role chunk, the pieces, then the usual ending (usage
/// placement, `[DONE]` and mid-stream faults follow the scenario, as for any reply).
pub async fn stream(w: &mut SseWriter, ctx: &Ctx<'_>, kind: Hostile) -> Sent {
    let text = texts::text(kind);
    let pieces = pieces(&text, kind.seed());
    stream::prelude(w, ctx).await?;
    let mut tally = Tally::default();
    let first = Delta {
        role: Some("assistant"),
        content: Some(Some("")),
        ..Delta::default()
    };
    w.json(&ctx.meta.chunk(first, None, ctx.usage_field(tally)))
        .await?;
    let cut_at = ctx.cut_point(pieces.len());
    for (i, piece) in pieces.iter().enumerate() {
        if cut_at == Some(i) && !stream::midstream(w, ctx).await? {
            return Ok(());
        }
        // Words split across pieces count in both: only the final usage is exact.
        tally.completion += count_words(piece);
        let delta = Delta {
            content: Some(Some(piece)),
            ..Delta::default()
        };
        w.json(&ctx.meta.chunk(delta, None, ctx.usage_field(tally)))
            .await?;
    }
    tally.completion = count_words(&text);
    stream::end(w, ctx, "stop", tally).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_kinds_line_up() {
        for (name, kind) in HOSTILE_REPLIES.iter().zip(Hostile::ALL) {
            assert_eq!(Hostile::parse(name), Some(kind));
        }
        assert_eq!(directive("sim:hostile=table"), Some(Ok(Hostile::Table)));
        assert_eq!(directive("sim:hostile=nope"), Some(Err("nope".into())));
        assert_eq!(directive("sim:words=3"), None);
        let p = crate::reply::Prompt::parse("show sim:hostile=table this");
        assert_eq!(p.text, "show this", "taken out of the prompt");
        assert_eq!(p.directives.hostile, Some(Ok(Hostile::Table)));
    }

    #[test]
    fn pieces_cover_the_text_on_char_boundaries() {
        let text = "héllo wörld 你好 ".repeat(500);
        let parts = pieces(&text, 7);
        assert_eq!(parts.concat(), text);
        assert!(parts.len() > 100, "small texts go in token-sized pieces");
        let sizes: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        assert!(sizes.iter().any(|&s| s != sizes[0]), "irregular sizes");
        assert_eq!(pieces(&text, 7), parts, "deterministic");
        let big = "x".repeat(5_000_000);
        let n = pieces(&big, 1).len();
        assert!((MAX_PIECES / 2..=MAX_PIECES * 2).contains(&n), "{n} pieces");
    }
}
