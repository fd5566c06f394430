//! The stream's fast path: builds the same `ChunkWire` serde would, but reaches the few fields
//! that matter through `scan` instead of parsing every byte of every chunk. Only the hot
//! fields (choice index, content and reasoning strings, finish reason) are read by hand; every
//! other value we need (usage, tool calls, errors) is handed to serde as its raw slice, so the
//! two paths agree. `None` means "not sure": the caller then parses the chunk with serde.

use serde::Deserialize;

use super::scan::{Cursor, Invalid, Scan};
use super::wire::{ChoiceWire, ChunkWire, DeltaWire, FirstChoice, Text};

/// Fills `w` (a fresh `ChunkWire`); `false` when the caller must ask serde instead.
pub(crate) fn parse_chunk_into<'a>(src: &'a str, w: &mut ChunkWire<'a>) -> bool {
    let mut c = Cursor::new(src);
    c.ws();
    if chunk(&mut c, w).is_err() {
        *w = ChunkWire::default();
        return false;
    }
    c.ws();
    if !c.at_end() {
        *w = ChunkWire::default();
        return false;
    }
    true
}

#[cfg(test)]
fn parse_chunk(src: &str) -> Option<ChunkWire<'_>> {
    let mut w = ChunkWire::default();
    parse_chunk_into(src, &mut w).then_some(w)
}

/// The value under the cursor through serde (cold fields), as serde would read it in place.
fn serde<'a, T: Deserialize<'a>>(c: &mut Cursor<'a>) -> Scan<T> {
    serde_json::from_str(c.skip_value()?).map_err(|_| Invalid)
}

fn is_null(c: &Cursor<'_>) -> bool {
    c.peek() == Some(b'n')
}

// The parts are filled in place rather than returned: they are a few hundred bytes, and
// moving them up through every level cost more than the parsing itself.

fn chunk<'a>(c: &mut Cursor<'a>, w: &mut ChunkWire<'a>) -> Scan<()> {
    c.object(|c, key| {
        // Most top-level keys (`id`, `object`, `model`, ...) start with none of these letters:
        // one byte decides, without comparing whole keys.
        if !matches!(
            key.as_bytes().first(),
            Some(b'c' | b'u' | b'e' | b't' | b'b')
        ) {
            return c.skip_value().map(drop);
        }
        match key {
            "choices" if !is_null(c) => {
                first_choice(c, &mut w.choices.insert(FirstChoice::default()).0)?
            }
            "usage" => w.usage = serde(c)?,
            "error" => w.error = serde(c)?,
            "type" => w.kind = c.string()?,
            "base_resp" => w.base_resp = serde(c)?,
            _ => {
                c.skip_value()?;
            }
        }
        Ok(())
    })
}

/// Keeps the first choice with index 0 (or none) in `slot`.
fn first_choice<'a>(c: &mut Cursor<'a>, slot: &mut Option<ChoiceWire<'a>>) -> Scan<()> {
    let mut found = false;
    c.array(|c| {
        if found {
            return choice(c, &mut ChoiceWire::default());
        }
        let ch = slot.insert(ChoiceWire::default());
        choice(c, ch)?;
        found = ch.index.unwrap_or(0) == 0;
        Ok(())
    })?;
    if !found {
        *slot = None;
    }
    Ok(())
}

fn choice<'a>(c: &mut Cursor<'a>, ch: &mut ChoiceWire<'a>) -> Scan<()> {
    c.object(|c, key| {
        if !matches!(key.as_bytes().first(), Some(b'i' | b'd' | b'm' | b'f')) {
            return c.skip_value().map(drop); // `logprobs` and friends
        }
        match key {
            "index" => ch.index = index(c.skip_value()?)?,
            "delta" if !is_null(c) => delta(c, ch.delta.insert(DeltaWire::default()))?,
            "message" if !is_null(c) => {
                delta(c, ch.message.insert(Box::default()))?;
            }
            "finish_reason" => ch.finish_reason = c.string()?,
            _ => {
                c.skip_value()?;
            }
        }
        Ok(())
    })
}

fn index(raw: &str) -> Scan<Option<u32>> {
    if raw == "null" {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| Invalid)
}

fn delta<'a>(c: &mut Cursor<'a>, d: &mut DeltaWire<'a>) -> Scan<()> {
    c.object(|c, key| {
        match key {
            "content" => d.content = text(c)?,
            "reasoning_content" => d.reasoning_content = text(c)?,
            "reasoning" => d.reasoning = text(c)?,
            "reasoning_details" => d.reasoning_details = text(c)?,
            "tool_calls" => d.tool_calls = serde(c)?,
            "function_call" => d.function_call = serde(c)?,
            _ => {
                c.skip_value()?;
            }
        }
        Ok(())
    })
}

/// A string the quick way; parts arrays and other shapes through serde's lenient `Text`.
fn text<'a>(c: &mut Cursor<'a>) -> Scan<Option<Text<'a>>> {
    match c.peek() {
        Some(b'"' | b'n') => Ok(c.string()?.map(Text)),
        _ => serde(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typical_chunk_borrows_its_content() {
        let src = r#"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","system_fingerprint":"fp","choices":[{"index":0,"delta":{"content":"Hello "},"logprobs":null,"finish_reason":null}],"usage":null}"#;
        let c = parse_chunk(src).unwrap();
        let choice = c.choices.unwrap().0.unwrap();
        let content = choice.delta.unwrap().content.unwrap();
        assert!(matches!(content.0, std::borrow::Cow::Borrowed("Hello ")));
        assert!(c.usage.is_none() && c.error.is_none());
    }

    #[test]
    fn unsure_inputs_fall_back() {
        for src in [
            r#"{"choices":[{"index":"0"}]}"#,
            r#"{"choices":{"index":0}}"#,
            r#"{"choices":[1]}"#,
            r#"{"choices":[{"delta":{"content":"x"#,
            r#"{"choices":[{"finish_reason":3}]}"#,
            r#"{"usage":"lots"}"#,
            r#"{"type":1}"#,
        ] {
            assert!(parse_chunk(src).is_none(), "{src}");
        }
    }
}
