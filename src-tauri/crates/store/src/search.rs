//! Global full-text search over message text and conversation titles.
//!
//! The index is FTS5 with the trigram tokenizer (`messages_fts`, `conversations_fts`, kept in
//! sync by triggers in the schema), so any substring of three or more characters matches, in
//! any script, without word segmentation. The user's text is never FTS5 syntax: each
//! whitespace-separated term becomes a quoted string, and all terms must match. Terms shorter
//! than three characters (below the trigram size) are checked with LIKE; a query made only of
//! such terms scans the text with LIKE, newest first, stopping at `limit` hits.

use portico_types::{SearchHit, HIGHLIGHT_END, HIGHLIGHT_START};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use crate::db::Store;
use crate::error::Result;

/// At most this many hits, whatever the caller asks.
pub const MAX_HITS: u32 = 200;
/// FTS5 snippet length in tokens; a trigram token starts at every character.
const SNIPPET_TOKENS: i64 = 64;
/// Width of snippets built for LIKE hits, in characters.
const SNIPPET_CHARS: usize = 80;
const TRIGRAM: usize = 3;

/// A user query split into what the index can answer and what LIKE must check.
#[derive(Debug, PartialEq)]
struct Query {
    /// FTS5 expression: quoted terms of three or more characters, all required.
    fts: Option<String>,
    /// LIKE patterns for the shorter terms (`%term%`, with `%`, `_` and `\` escaped).
    likes: Vec<String>,
    /// Every term, for snippets built in Rust.
    terms: Vec<String>,
}

/// `"..."` with internal quotes doubled: an FTS5 string, whatever the user typed.
fn fts_string(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

fn like_pattern(term: &str) -> String {
    let mut p = String::with_capacity(term.len() + 2);
    p.push('%');
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

fn parse(query: &str) -> Option<Query> {
    let terms: Vec<String> = query.split_whitespace().map(str::to_owned).collect();
    if terms.is_empty() {
        return None;
    }
    let (long, short): (Vec<&String>, Vec<&String>) =
        terms.iter().partition(|t| t.chars().count() >= TRIGRAM);
    let fts = if long.is_empty() {
        None
    } else {
        Some(
            long.iter()
                .map(|t| fts_string(t))
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    let likes = short.iter().map(|t| like_pattern(t)).collect();
    Some(Query { fts, likes, terms })
}

/// A window of about [`SNIPPET_CHARS`] characters around the first match of any term (ASCII
/// case-insensitive, like SQLite's LIKE), with every match inside it marked.
fn like_snippet(text: &str, terms: &[String], width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(char::to_ascii_lowercase).collect();
    let mut needles: Vec<Vec<char>> = terms
        .iter()
        .map(|t| t.chars().map(|c| c.to_ascii_lowercase()).collect())
        .filter(|n: &Vec<char>| !n.is_empty())
        .collect();
    needles.sort_by_key(|n| std::cmp::Reverse(n.len()));

    let mut matches = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        match needles.iter().find(|n| folded[i..].starts_with(n)) {
            Some(n) => {
                matches.push((i, i + n.len()));
                i += n.len();
            }
            None => i += 1,
        }
    }
    let first = matches.first().map_or(0, |m| m.0);
    let mut start = first.saturating_sub(width / 3);
    let end = (start + width).min(chars.len());
    start = start.min(end.saturating_sub(width));

    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut next = matches
        .iter()
        .filter(|m| m.0 >= start && m.1 <= end)
        .peekable();
    let mut pos = start;
    while pos < end {
        if let Some(&&(s, e)) = next.peek() {
            if s == pos {
                out.push(HIGHLIGHT_START);
                out.extend(&chars[s..e]);
                out.push(HIGHLIGHT_END);
                pos = e;
                next.next();
                continue;
            }
        }
        out.push(chars[pos]);
        pos += 1;
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

fn title_hits(conn: &Connection, q: &Query, limit: i64) -> Result<Vec<SearchHit>> {
    let mut args: Vec<Value> = Vec::new();
    let mut sql = String::new();
    let mut filters = Vec::new();
    match &q.fts {
        Some(fts) => {
            sql.push_str(&format!(
                "SELECT c.id, c.title, highlight(conversations_fts, 0, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}'),
                        c.created_at
                 FROM conversations_fts CROSS JOIN conversations c ON c.seq = conversations_fts.rowid
                 WHERE conversations_fts MATCH ?"
            ));
            args.push(Value::Text(fts.clone()));
        }
        None => sql.push_str(
            "SELECT c.id, c.title, NULL, c.created_at FROM conversations c WHERE c.title <> ''",
        ),
    }
    for p in &q.likes {
        filters.push(" AND c.title LIKE ? ESCAPE '\\'");
        args.push(Value::Text(p.clone()));
    }
    sql.push_str(&filters.concat());
    sql.push_str(if q.fts.is_some() {
        " ORDER BY conversations_fts.rowid DESC LIMIT ?"
    } else {
        " ORDER BY c.seq DESC LIMIT ?"
    });
    args.push(Value::Integer(limit));

    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut hits = Vec::new();
    for row in rows {
        let (id, title, highlighted, created_at) = row?;
        let snippet = highlighted.unwrap_or_else(|| like_snippet(&title, &q.terms, usize::MAX / 2));
        hits.push(SearchHit {
            conversation_id: id,
            conversation_title: title,
            message_id: None,
            snippet,
            created_at,
            forks: Vec::new(),
        });
    }
    Ok(hits)
}

fn message_hits(conn: &Connection, q: &Query, limit: i64) -> Result<Vec<SearchHit>> {
    let mut args: Vec<Value> = Vec::new();
    let mut sql = String::new();
    match &q.fts {
        Some(fts) => {
            sql.push_str(&format!(
                "SELECT m.id, m.conversation_id, c.title,
                        snippet(messages_fts, 0, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', {SNIPPET_TOKENS}),
                        m.created_at
                 FROM messages_fts
                     CROSS JOIN messages m ON m.seq = messages_fts.rowid
                     CROSS JOIN conversations c ON c.id = m.conversation_id
                 WHERE messages_fts MATCH ?"
            ));
            args.push(Value::Text(fts.clone()));
        }
        None => sql.push_str(
            "SELECT m.id, m.conversation_id, c.title, m.text, m.created_at
             FROM messages m CROSS JOIN conversations c ON c.id = m.conversation_id
             WHERE m.status <> 'streaming'",
        ),
    }
    for p in &q.likes {
        sql.push_str(" AND m.text LIKE ? ESCAPE '\\'");
        args.push(Value::Text(p.clone()));
    }
    sql.push_str(if q.fts.is_some() {
        " ORDER BY messages_fts.rowid DESC LIMIT ?"
    } else {
        " ORDER BY m.seq DESC LIMIT ?"
    });
    args.push(Value::Integer(limit));

    let from_index = q.fts.is_some();
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut hits = Vec::new();
    for row in rows {
        let (id, conversation_id, title, text, created_at) = row?;
        let snippet = if from_index {
            text
        } else {
            like_snippet(&text, &q.terms, SNIPPET_CHARS)
        };
        hits.push(SearchHit {
            conversation_id,
            conversation_title: title,
            message_id: Some(id),
            snippet,
            created_at,
            forks: Vec::new(),
        });
    }
    Ok(hits)
}

impl Store {
    /// Search titles and message text. Conversations whose title matches come first (at most a
    /// quarter of `limit`, newest first), then messages, newest first, each with its branch's
    /// choice at every fork above it. Snippets mark matches
    /// with [`HIGHLIGHT_START`] and [`HIGHLIGHT_END`]. Any text is a valid query; blank text
    /// finds nothing.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let Some(q) = parse(query) else {
            return Ok(Vec::new());
        };
        let limit = i64::from(limit.clamp(1, MAX_HITS));
        self.read(|tx| {
            let title_limit = (limit / 4).max(1);
            let mut hits = title_hits(tx, &q, title_limit)?;
            let rest = limit - hits.len() as i64;
            if rest > 0 {
                hits.extend(message_hits(tx, &q, rest)?);
            }
            crate::search_branch::fill(tx, &mut hits)?;
            Ok(hits)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_and_split() {
        let q = parse(r#"say "hi" AND (x* -y) 你好世界 ab"#).unwrap();
        assert_eq!(
            q.fts.as_deref(),
            Some(r#""say" """hi""" "AND" "(x*" "-y)" "你好世界""#)
        );
        assert_eq!(q.likes, vec!["%ab%".to_owned()]);
        assert!(parse("   ").is_none());
        let q = parse("5%_\\").unwrap();
        assert_eq!(q.fts.as_deref(), Some("\"5%_\\\""));
        let q = parse("_%").unwrap();
        assert_eq!(q.fts, None);
        assert_eq!(q.likes, vec![r"%\_\%%".to_owned()]);
    }

    #[test]
    fn like_snippets_mark_matches_in_a_window() {
        let text = format!(
            "{}Rust is fine, rust is fast{}",
            "a".repeat(100),
            "b".repeat(100)
        );
        let s = like_snippet(&text, &["rust".into()], 80);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("\u{E000}Rust\u{E001}"), "{s}");
        assert!(s.contains("\u{E000}rust\u{E001}"), "{s}");
        assert_eq!(s.chars().filter(|c| *c == HIGHLIGHT_START).count(), 2);

        let s = like_snippet("你好，世界", &["世界".into()], 80);
        assert_eq!(s, "你好，\u{E000}世界\u{E001}");
        let s = like_snippet("no match here", &["zz".into()], 5);
        assert_eq!(s, "no ma…");
    }
}
