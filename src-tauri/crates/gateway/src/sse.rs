//! Incremental Server-Sent Events decoder (WHATWG "interpreting an event stream", PROTOCOLS 2.4 / 10.1).
//!
//! Feed it network reads of any size; it hands back complete events. Why our own and not
//! eventsource-stream: we need a lenient flush at EOF and BOM stripping, and this one is faster
//! (see `benches/stream_decode.rs`).
//!
//! - Lines end at `\n`, `\r\n` or a lone `\r`; a `\r` ending one read and a `\n` starting the next
//!   are one terminator.
//! - Bytes become text only per complete line, so a UTF-8 character split across reads is never
//!   corrupted; invalid UTF-8 is replaced (lossy), never a panic.
//! - No line-length limit, and no quadratic re-scan: a partial line is kept in `line` and only the
//!   new bytes are searched for a terminator.

use std::borrow::Cow;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One dispatched event, borrowed from the decoder (valid during the callback).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SseEventRef<'a> {
    /// The `event:` field, when one was sent for this event.
    pub event: Option<&'a str>,
    /// All `data:` lines of the event joined with `\n`.
    pub data: &'a str,
    /// The last `id:` seen (it persists across events, as the spec says).
    pub id: Option<&'a str>,
    /// `retry:` in milliseconds, when this event carried a valid one.
    pub retry: Option<u64>,
}

/// An owned event, for callers that collect them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SseEvent {
    pub event: Option<String>,
    pub data: String,
    pub id: Option<String>,
    pub retry: Option<u64>,
}

impl SseEventRef<'_> {
    pub fn to_owned_event(&self) -> SseEvent {
        SseEvent {
            event: self.event.map(str::to_owned),
            data: self.data.to_owned(),
            id: self.id.map(str::to_owned),
            retry: self.retry,
        }
    }
}

/// The decoder's state between reads. Reusable buffers: no allocation per event in steady state.
#[derive(Debug, Default)]
pub struct SseDecoder {
    /// Bytes of a line whose terminator has not arrived yet.
    line: Vec<u8>,
    /// The previous read ended in `\r`: a `\n` at the start of the next read belongs to it.
    skip_lf: bool,
    /// Leading bytes held back while they might still be a BOM split across reads.
    bom_done: bool,
    data: String,
    data_lines: usize,
    event: String,
    has_event: bool,
    last_id: Option<String>,
    retry: Option<u64>,
    /// A field line arrived since the last dispatch.
    pending: bool,
}

impl SseDecoder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Decode one read; `on_event` is called for each event completed by it, in order.
    pub fn feed(&mut self, mut chunk: &[u8], mut on_event: impl FnMut(SseEventRef<'_>)) {
        if !self.bom_done {
            // The BOM may itself be split across reads: hold up to 3 bytes until we know.
            self.line.extend_from_slice(chunk);
            if self.line.len() < BOM.len() && BOM.starts_with(&self.line) {
                return;
            }
            self.bom_done = true;
            let held = std::mem::take(&mut self.line);
            let start = if held.starts_with(BOM) { BOM.len() } else { 0 };
            self.feed_lines(&held[start..], &mut on_event);
            return;
        }
        if self.skip_lf && !chunk.is_empty() {
            self.skip_lf = false;
            if let [b'\n', rest @ ..] = chunk {
                chunk = rest;
            }
        }
        self.feed_lines(chunk, &mut on_event);
    }

    fn feed_lines(&mut self, chunk: &[u8], on_event: &mut impl FnMut(SseEventRef<'_>)) {
        let mut rest = chunk;
        while let Some(pos) = memchr::memchr2(b'\n', b'\r', rest) {
            let (head, tail) = (&rest[..pos], &rest[pos + 1..]);
            let terminator = rest[pos];
            if self.line.is_empty() {
                self.process_line(head, on_event);
            } else {
                self.line.extend_from_slice(head);
                let line = std::mem::take(&mut self.line);
                self.process_line(&line, on_event);
                // Give the (possibly large) buffer back so its capacity is reused.
                self.line = line;
                self.line.clear();
            }
            rest = tail;
            if terminator == b'\r' {
                match rest.first() {
                    Some(b'\n') => rest = &rest[1..],
                    Some(_) => {}
                    None => self.skip_lf = true,
                }
            }
        }
        self.line.extend_from_slice(rest);
    }

    /// End of stream: treat an unterminated last line as complete and dispatch a pending event
    /// even without the closing blank line (lenient; a strict decoder would drop it).
    pub fn finish(&mut self, mut on_event: impl FnMut(SseEventRef<'_>)) {
        self.bom_done = true;
        if !self.line.is_empty() {
            let line = std::mem::take(&mut self.line);
            self.process_line(&line, &mut on_event);
        }
        self.dispatch(&mut on_event);
        self.skip_lf = false;
    }

    /// Convenience: decode one read into owned events.
    pub fn feed_owned(&mut self, chunk: &[u8]) -> Vec<SseEvent> {
        let mut out = Vec::new();
        self.feed(chunk, |e| out.push(e.to_owned_event()));
        out
    }

    /// Convenience: flush at EOF into owned events.
    pub fn finish_owned(&mut self) -> Vec<SseEvent> {
        let mut out = Vec::new();
        self.finish(|e| out.push(e.to_owned_event()));
        out
    }

    fn process_line(&mut self, line: &[u8], on_event: &mut impl FnMut(SseEventRef<'_>)) {
        if line.is_empty() {
            self.dispatch(on_event);
            return;
        }
        if line[0] == b':' {
            return; // comment / keep-alive
        }
        let (field, value) = match memchr::memchr(b':', line) {
            Some(i) => {
                let v = &line[i + 1..];
                (&line[..i], v.strip_prefix(b" ").unwrap_or(v))
            }
            None => (line, &[][..]),
        };
        match field {
            b"data" => {
                if self.data_lines > 0 {
                    self.data.push('\n');
                }
                self.data.push_str(&utf8(value));
                self.data_lines += 1;
                self.pending = true;
            }
            b"event" => {
                self.event.clear();
                self.event.push_str(&utf8(value));
                self.has_event = true;
                self.pending = true;
            }
            b"id" => {
                if !value.contains(&0) {
                    self.last_id = Some(utf8(value).into_owned());
                }
                self.pending = true;
            }
            b"retry" => {
                if !value.is_empty() && value.iter().all(u8::is_ascii_digit) {
                    self.retry = std::str::from_utf8(value).ok().and_then(|s| s.parse().ok());
                }
                self.pending = true;
            }
            _ => {} // unknown fields (field names are case-sensitive: `DATA` is unknown)
        }
    }

    fn dispatch(&mut self, on_event: &mut impl FnMut(SseEventRef<'_>)) {
        if !self.pending {
            return;
        }
        on_event(SseEventRef {
            event: self.has_event.then_some(self.event.as_str()),
            data: &self.data,
            id: self.last_id.as_deref(),
            retry: self.retry,
        });
        self.data.clear();
        self.data_lines = 0;
        self.has_event = false;
        self.retry = None;
        self.pending = false;
    }
}

/// `from_utf8` first: its ASCII fast path beats the lossy decoder, which only runs on bad bytes.
fn utf8(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

#[cfg(test)]
#[path = "sse_tests.rs"]
mod tests;
