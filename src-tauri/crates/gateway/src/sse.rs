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
        if !self.line.is_empty() {
            // Finish the line a previous read left open; only the new bytes are searched.
            let Some(pos) = memchr::memchr2(b'\n', b'\r', rest) else {
                self.line.extend_from_slice(rest);
                return;
            };
            self.line.extend_from_slice(&rest[..pos]);
            let line = std::mem::take(&mut self.line);
            let text = utf8(&line);
            let mut borrowed = None;
            self.process_line(&text, &mut borrowed, on_event);
            self.keep(borrowed);
            drop(text);
            // Give the (possibly large) buffer back so its capacity is reused.
            self.line = line;
            self.line.clear();
            rest = self.after_terminator(rest, pos);
        }
        // Every complete line left in this read is decoded as one block: one UTF-8 check per
        // read instead of per line, and lines borrow from it.
        let Some(last) = memchr::memrchr2(b'\n', b'\r', rest) else {
            self.line.extend_from_slice(rest);
            return;
        };
        let (complete, tail) = rest.split_at(last + 1);
        self.process_block(&utf8(complete), on_event);
        if tail.is_empty() && complete.ends_with(b"\r") {
            self.skip_lf = true;
        }
        self.line.extend_from_slice(tail);
    }

    /// The rest of a read after the terminator at `pos` (a `\r\n` pair counts as one).
    fn after_terminator<'c>(&mut self, rest: &'c [u8], pos: usize) -> &'c [u8] {
        let tail = &rest[pos + 1..];
        if rest[pos] == b'\r' {
            match tail.first() {
                Some(b'\n') => return &tail[1..],
                None => self.skip_lf = true,
                Some(_) => {}
            }
        }
        tail
    }

    /// Lines of a block that ends with a terminator.
    fn process_block(&mut self, text: &str, on_event: &mut impl FnMut(SseEventRef<'_>)) {
        // The first data line of an event stays borrowed from the block until a second line
        // or the end of the block forces a copy: most events are one line, and never copied.
        let mut borrowed = None;
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let end = memchr::memchr2(b'\n', b'\r', &b[i..]).map_or(b.len(), |p| i + p);
            self.process_line(&text[i..end], &mut borrowed, on_event);
            i = end + 1;
            if b.get(end) == Some(&b'\r') && b.get(i) == Some(&b'\n') {
                i += 1;
            }
        }
        self.keep(borrowed);
    }

    /// A data line still borrowed when its text goes away is copied into the event's buffer.
    fn keep(&mut self, borrowed: Option<&str>) {
        if let Some(data) = borrowed {
            self.data.push_str(data);
        }
    }

    /// End of stream: treat an unterminated last line as complete and dispatch a pending event
    /// even without the closing blank line (lenient; a strict decoder would drop it).
    pub fn finish(&mut self, mut on_event: impl FnMut(SseEventRef<'_>)) {
        self.bom_done = true;
        if !self.line.is_empty() {
            let line = std::mem::take(&mut self.line);
            let text = utf8(&line);
            let mut borrowed = None;
            self.process_line(&text, &mut borrowed, &mut on_event);
            self.keep(borrowed);
        }
        self.dispatch(None, &mut on_event);
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

    fn process_line<'t>(
        &mut self,
        line: &'t str,
        borrowed: &mut Option<&'t str>,
        on_event: &mut impl FnMut(SseEventRef<'_>),
    ) {
        if line.is_empty() {
            self.dispatch(borrowed.take(), on_event);
            return;
        }
        if line.starts_with(':') {
            return; // comment / keep-alive
        }
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match field {
            "data" => {
                if self.data_lines == 0 {
                    *borrowed = Some(value);
                } else {
                    if let Some(first) = borrowed.take() {
                        self.data.push_str(first);
                    }
                    self.data.push('\n');
                    self.data.push_str(value);
                }
                self.data_lines += 1;
                self.pending = true;
            }
            "event" => {
                self.event.clear();
                self.event.push_str(value);
                self.has_event = true;
                self.pending = true;
            }
            "id" => {
                if !value.contains('\0') {
                    self.last_id = Some(value.to_owned());
                }
                self.pending = true;
            }
            "retry" => {
                if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
                    self.retry = value.parse().ok();
                }
                self.pending = true;
            }
            _ => {} // unknown fields (field names are case-sensitive: `DATA` is unknown)
        }
    }

    /// `borrowed`: the event's only data line, when it was never copied.
    fn dispatch(&mut self, borrowed: Option<&str>, on_event: &mut impl FnMut(SseEventRef<'_>)) {
        if !self.pending {
            return;
        }
        on_event(SseEventRef {
            event: self.has_event.then_some(self.event.as_str()),
            data: borrowed.unwrap_or(&self.data),
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
