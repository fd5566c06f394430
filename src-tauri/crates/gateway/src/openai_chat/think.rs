//! Splits a `<think>…</think>` block at the very start of a reply's content into reasoning.
//! Tags may arrive split across chunks (`<thi` + `nk>`); only a block at the start counts, so a
//! reply that merely talks about `<think>` later stays text.

use crate::chat::StreamEvent;

const OPEN: &str = "<think>";
const CLOSE: &str = "</think>";

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Nothing but whitespace or a prefix of `<think>` so far.
    #[default]
    Start,
    /// Just after `<think>`: drop the blank lines before the reasoning.
    ThinkStart,
    InThink,
    /// Just after `</think>`: drop the blank lines before the answer.
    AfterThink,
    Text,
}

#[derive(Debug, Default)]
pub struct ThinkSplitter {
    state: State,
    /// Held bytes: the undecided start, or a possible partial `</think>` inside the block.
    held: String,
}

impl ThinkSplitter {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, content: &str, out: &mut Vec<StreamEvent>) {
        if content.is_empty() {
            return;
        }
        match self.state {
            // The common case once the start is decided: no copies beyond the event itself.
            State::Text => out.push(StreamEvent::TextDelta(content.to_owned())),
            State::Start => {
                self.held.push_str(content);
                let held = std::mem::take(&mut self.held);
                let trimmed = held.trim_start();
                if let Some(rest) = trimmed.strip_prefix(OPEN) {
                    self.state = State::ThinkStart;
                    self.push(rest, out);
                } else if trimmed.is_empty() || OPEN.starts_with(trimmed) {
                    self.held = held;
                } else {
                    self.state = State::Text;
                    out.push(StreamEvent::TextDelta(held));
                }
            }
            State::ThinkStart => {
                let rest = content.trim_start();
                if !rest.is_empty() {
                    self.state = State::InThink;
                    self.push(rest, out);
                }
            }
            State::InThink => {
                let mut text = std::mem::take(&mut self.held);
                text.push_str(content);
                if let Some(i) = text.find(CLOSE) {
                    emit_reasoning(text[..i].trim_end(), out);
                    self.state = State::AfterThink;
                    self.push(&text[i + CLOSE.len()..], out);
                } else {
                    // Hold back a tail that could start `</think>`, and the whitespace before
                    // it (dropped if the block closes there).
                    let tag = (1..CLOSE.len())
                        .rev()
                        .find(|&k| text.ends_with(&CLOSE[..k]))
                        .unwrap_or(0);
                    let keep_from = text[..text.len() - tag].trim_end().len();
                    self.held = text.split_off(keep_from);
                    emit_reasoning(&text, out);
                }
            }
            State::AfterThink => {
                let rest = content.trim_start();
                if !rest.is_empty() {
                    self.state = State::Text;
                    out.push(StreamEvent::TextDelta(rest.to_owned()));
                }
            }
        }
    }

    /// End of content: release whatever is held back.
    pub fn finish(&mut self, out: &mut Vec<StreamEvent>) {
        let held = std::mem::take(&mut self.held);
        match self.state {
            State::Start if !held.is_empty() => {
                self.state = State::Text;
                out.push(StreamEvent::TextDelta(held));
            }
            State::InThink => emit_reasoning(&held, out),
            _ => {}
        }
    }
}

fn emit_reasoning(text: &str, out: &mut Vec<StreamEvent>) {
    if !text.is_empty() {
        out.push(StreamEvent::ReasoningDelta(text.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (reasoning, text) after feeding `pieces` and finishing.
    fn split(pieces: &[&str]) -> (String, String) {
        let mut s = ThinkSplitter::new();
        let mut out = Vec::new();
        for p in pieces {
            s.push(p, &mut out);
        }
        s.finish(&mut out);
        let (mut r, mut t) = (String::new(), String::new());
        for e in out {
            match e {
                StreamEvent::ReasoningDelta(x) => r.push_str(&x),
                StreamEvent::TextDelta(x) => t.push_str(&x),
                other => panic!("unexpected {other:?}"),
            }
        }
        (r, t)
    }

    #[test]
    fn think_block_at_start_is_reasoning() {
        let whole = "<think>\nstep one\nstep two\n</think>\n\nThe answer.";
        let expect = ("step one\nstep two".to_owned(), "The answer.".to_owned());
        assert_eq!(split(&[whole]), expect);
        // Every split point into two pieces, and one char at a time.
        for i in 1..whole.len() {
            if whole.is_char_boundary(i) {
                assert_eq!(split(&[&whole[..i], &whole[i..]]), expect, "split at {i}");
            }
        }
        let chars: Vec<String> = whole.chars().map(String::from).collect();
        let pieces: Vec<&str> = chars.iter().map(String::as_str).collect();
        assert_eq!(split(&pieces), expect);
    }

    #[test]
    fn tags_split_like_gateways_do() {
        assert_eq!(
            split(&["<thi", "nk>我在想", "</thi", "nk>答案"]),
            ("我在想".into(), "答案".into())
        );
    }

    #[test]
    fn leading_whitespace_before_the_tag_is_allowed() {
        assert_eq!(
            split(&["\n", " <think>r</think>t"]),
            ("r".into(), "t".into())
        );
    }

    #[test]
    fn think_later_in_the_reply_is_text() {
        assert_eq!(
            split(&["Use ", "<think> tags</think> like this"]),
            (String::new(), "Use <think> tags</think> like this".into())
        );
        assert_eq!(split(&["<thin", "g>"]), (String::new(), "<thing>".into()));
    }

    #[test]
    fn unclosed_block_and_lone_prefix_are_released_at_finish() {
        assert_eq!(
            split(&["<think>still thinking </thi"]),
            ("still thinking </thi".into(), String::new())
        );
        assert_eq!(split(&["<thi"]), (String::new(), "<thi".into()));
        assert_eq!(split(&["  "]), (String::new(), "  ".into()));
    }

    #[test]
    fn plain_text_passes_through_unchanged() {
        assert_eq!(
            split(&["Hello", ", world"]),
            (String::new(), "Hello, world".into())
        );
    }
}
