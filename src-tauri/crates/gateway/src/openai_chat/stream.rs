//! Maps decoded SSE events of an OpenAI chat stream to `StreamEvent`s (PROTOCOLS 2.4-2.8, 10.2).
//!
//! Only choice index 0 is followed (Portico asks for one choice; with n > 1 the others are
//! skipped). `[DONE]`, an error frame or a malformed chunk stop the mapper: later events are
//! ignored, so the consumer keeps whatever arrived before.

use portico_types::ErrorReason;

use crate::chat::StreamEvent;
use crate::error::GatewayError;
use crate::error_map;
use crate::sse::SseEventRef;

use super::fast;
use super::think::ThinkSplitter;
use super::wire::{ChoiceWire, ChunkWire, DeltaWire};

/// Whether to keep reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

#[derive(Debug, Default)]
pub struct ChunkMapper {
    think: ThinkSplitter,
    tools: ToolIndexer,
    saw_done: bool,
    saw_finish: bool,
    stopped: bool,
    /// Tests turn the scanner fast path off to check it against plain serde.
    serde_only: bool,
}

impl ChunkMapper {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every chunk through serde_json, without the scanner fast path: for tests and the
    /// benchmark's comparison only.
    #[doc(hidden)]
    pub fn serde_only() -> Self {
        Self {
            serde_only: true,
            ..Self::default()
        }
    }

    /// `[DONE]` arrived.
    pub fn saw_done(&self) -> bool {
        self.saw_done
    }

    /// A finish reason arrived (a stream with one but no `[DONE]` is complete, not truncated).
    pub fn saw_finish(&self) -> bool {
        self.saw_finish
    }

    /// `[DONE]`, an error or a malformed chunk ended the reply.
    pub fn is_stopped(&self) -> bool {
        self.stopped
    }

    pub fn on_event(&mut self, ev: SseEventRef<'_>, out: &mut Vec<StreamEvent>) -> Flow {
        if self.stopped {
            return Flow::Stop;
        }
        if ev.event == Some("error") {
            return self.stop_with(error_map::from_stream_payload(ev.data), out);
        }
        self.on_data(ev.data, out)
    }

    /// One `data` payload.
    pub fn on_data(&mut self, data: &str, out: &mut Vec<StreamEvent>) -> Flow {
        if self.stopped {
            return Flow::Stop;
        }
        let trimmed = data.trim_start();
        if trimmed.is_empty() {
            return Flow::Continue;
        }
        if trimmed.starts_with("[DONE]") {
            self.saw_done = true;
            self.stopped = true;
            self.think.finish(out);
            return Flow::Stop;
        }
        // Parsed in place (the struct is a few hundred bytes; moving it around costs).
        let mut chunk = ChunkWire::default();
        let fast_ok = !self.serde_only && fast::parse_chunk_into(data, &mut chunk);
        if !fast_ok {
            match serde_json::from_str::<ChunkWire<'_>>(data) {
                Ok(c) => chunk = c,
                Err(_) => {
                    let e = GatewayError::invalid_response(
ErrorReason::MalformedChunk,
                    "The gateway sent a reply chunk that is not valid JSON; the partial text was kept.",
                    data,
                );
                    return self.stop_with(e, out);
                }
            }
        }
        if chunk.is_error() {
            return self.stop_with(error_map::from_stream_payload(data), out);
        }
        let mut finish = None;
        if let Some(choice) = chunk.choices.as_ref().and_then(|c| c.0.as_ref()) {
            if let Some(delta) = choice.delta_or_message() {
                self.map_delta(delta, out);
            }
            finish = finish_reason(choice);
        }
        if let Some(usage) = chunk.usage.as_ref().and_then(|u| u.to_usage()) {
            out.push(StreamEvent::Usage(usage));
        }
        if let Some(reason) = finish {
            if !self.saw_finish {
                self.saw_finish = true;
                self.think.finish(out);
                out.push(StreamEvent::Finish { reason });
            }
        }
        Flow::Continue
    }

    /// End of stream (EOF or `[DONE]`): release text held by the think splitter.
    pub fn finish(&mut self, out: &mut Vec<StreamEvent>) {
        self.think.finish(out);
    }

    fn stop_with(&mut self, e: GatewayError, out: &mut Vec<StreamEvent>) -> Flow {
        self.think.finish(out);
        out.push(StreamEvent::Error(e));
        self.stopped = true;
        Flow::Stop
    }

    fn map_delta(&mut self, delta: &DeltaWire<'_>, out: &mut Vec<StreamEvent>) {
        let reasoning = [
            &delta.reasoning_content,
            &delta.reasoning,
            &delta.reasoning_details,
        ]
        .into_iter()
        .flatten()
        .map(|t| t.as_str())
        .find(|t| !t.is_empty());
        if let Some(r) = reasoning {
            out.push(StreamEvent::ReasoningDelta(r.to_owned()));
        }
        if let Some(c) = &delta.content {
            self.think.push(c.as_str(), out);
        }
        for call in delta.tool_calls.iter().flatten() {
            let id = call.id.as_deref().filter(|s| !s.is_empty());
            let index = self.tools.resolve(call.index, id);
            let f = call.function.as_ref();
            out.push(StreamEvent::ToolCallDelta {
                index,
                id: id.map(str::to_owned),
                name: f.and_then(|f| f.name.as_deref()).map(str::to_owned),
                arguments: f.map(|f| f.arguments_text()).unwrap_or_default(),
            });
        }
        if let Some(f) = &delta.function_call {
            self.tools.last = Some(0);
            out.push(StreamEvent::ToolCallDelta {
                index: 0,
                id: None,
                name: f.name.as_deref().map(str::to_owned),
                arguments: f.arguments_text(),
            });
        }
    }
}

fn finish_reason(choice: &ChoiceWire<'_>) -> Option<String> {
    choice
        .finish_reason
        .as_deref()
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
}

/// Tool-call index when a gateway omits it: by id, a new id opens the next call, else the last
/// open call, else 0 (PROTOCOLS 2.6).
#[derive(Debug, Default)]
struct ToolIndexer {
    ids: Vec<(String, u32)>,
    last: Option<u32>,
    next: u32,
}

impl ToolIndexer {
    fn resolve(&mut self, index: Option<u32>, id: Option<&str>) -> u32 {
        let known = id.and_then(|id| self.ids.iter().find(|(k, _)| k == id).map(|(_, i)| *i));
        let i = match (index, known, id) {
            (Some(i), _, _) => i,
            (None, Some(i), _) => i,
            (None, None, Some(_)) => self.next,
            (None, None, None) => self.last.unwrap_or(0),
        };
        if let (Some(id), None) = (id, known) {
            self.ids.push((id.to_owned(), i));
        }
        self.last = Some(i);
        self.next = self.next.max(i + 1);
        i
    }
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
