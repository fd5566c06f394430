//! Scenario names and what each one changes. A request picks its scenario with
//! the `x-sim-scenario` header (a comma-separated list combines several, e.g.
//! `gzip,byte_drip`), else the simulator's default.

use std::time::Duration;

use axum::http::HeaderMap;

use crate::server::Shared;
use crate::sse::{Cut, Eol};

/// Every scenario name the simulator understands. Stream scenarios act only on
/// streamed chat; response-level ones on every non-admin route. "Mid-stream"
/// means after about half the deltas (at most 8, at least 1).
pub const SCENARIOS: &[&str] = &[
    "ok",
    // Response-level, after the key check.
    "slow_first_byte",     // headers after 2 s (x-sim-first-byte-ms)
    "200_with_error_body", // 200 + {"error":{...}} JSON, even for streams
    "html_200",            // 200 + an nginx HTML page
    "http_400",            // param "temperature", code "unsupported_parameter"
    "http_400_context",    // OpenAI-style context_length_exceeded, "maximum context length"
    "http_400_no_db",      // a bare "No connected db." 400 (a gateway's answer to a wrong key)
    "http_401",            // the invalid_api_key body
    "http_402",            // type "billing_error"
    "http_403",            // new-api style "model_not_allowed"
    "http_404",            // "Invalid URL (METHOD /path)"
    "http_413",
    "http_429",       // Retry-After: 1, every time
    "http_429_quota", // code "insufficient_quota", no Retry-After
    "http_500",
    "http_502",
    "http_503", // new-api "no available channel" (Chinese + English)
    "http_504",
    "http_524",            // Cloudflare HTML page, "524: A timeout occurred" title
    "retry_after_seconds", // 429 + Retry-After seconds, N times, then success
    "retry_after_ms",      // 429 + retry-after-ms, N times, then success
    "retry_after_date",    // 429 + Retry-After HTTP-date, N times, then success
    "flaky_500",           // 500 N times, then success
    // Stream transport and framing.
    "byte_drip",            // one byte per write
    "split_utf8",           // every multi-byte character split across writes
    "crlf",                 // \r\n line endings
    "cr_only",              // \r line endings
    "no_space_after_colon", // data:{...} and data:[DONE]
    "multiline_data",       // each JSON split over several data: lines
    "keepalive_comments",   // `: keep-alive` before and between events, and bare `:`
    "keepalive_long",       // only comments for 2 s (x-sim-keepalive-ms), then content
    "bom",                  // UTF-8 BOM before the first event
    "gzip",                 // Content-Encoding: gzip, sync-flushed per event
    "no_done",              // ends after the last chunk without [DONE]
    "no_trailing_blank",    // no [DONE]; the last JSON event lacks its blank line
    "data_after_done",      // a content chunk after [DONE] that must be ignored
    // Usage placement (default: a choices:[] chunk only if include_usage).
    "usage_last_chunk",  // that chunk even when not asked for
    "usage_every_chunk", // cumulative usage on every chunk, none extra
    "usage_on_finish",   // usage on the finish chunk itself, none extra
    "no_usage",          // never, even if asked
    // Failures inside a stream.
    "error_midstream_json", // data: {"error":{"message":"upstream timeout",...}}, clean close
    "error_midstream_event", // event: error + Anthropic error JSON, clean close
    "disconnect_midstream", // connection cut: no terminating chunk, the client sees a body error
    "stall_midstream",      // silence, connection open, until the server stops
    "malformed_chunk",      // one truncated JSON chunk mid-stream, then the rest as normal
    "json_when_stream",     // stream asked, non-stream chat.completion JSON answered
    // Reply shape.
    "reasoning_content",     // any model streams reasoning_content first
    "think_tags",            // any model puts <think>...</think> in content
    "long_reasoning",        // 2000 words of reasoning (reasoning_content on plain models)
    "tool_calls_fragmented", // one call, arguments in 3-character fragments
    "tool_calls_whole",      // the whole call in one chunk
    "parallel_tool_calls",   // two calls, fragments interleaved by index
];

/// An HTTP-level outcome that replaces the normal response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Status(u16),
    QuotaExhausted,
    ContextTooLong,
    NoConnectedDb,
    ErrorBody200,
    Html200,
    RetryAfterSeconds,
    RetryAfterMs,
    RetryAfterDate,
    Flaky500,
}

/// Where token usage appears in a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UsageMode {
    /// OpenAI: a `choices: []` chunk only when `stream_options.include_usage`.
    #[default]
    Requested,
    /// That chunk even when not asked for.
    LastChunk,
    /// Cumulative usage on every chunk.
    EveryChunk,
    /// Usage on the finish chunk itself.
    OnFinish,
    Never,
}

/// How a stream ends after its last chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ending {
    #[default]
    Done,
    NoDone,
    /// No `[DONE]`, and the last JSON event lacks its blank line.
    NoTrailingBlank,
    /// A content chunk after `[DONE]` that a client must ignore.
    DataAfterDone,
}

/// Something that goes wrong partway through a stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Midstream {
    ErrorJson,
    ErrorEvent,
    Disconnect,
    Stall,
    Malformed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasoningOverride {
    Content,
    Think,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolMode {
    Fragmented,
    Whole,
    Parallel,
}

/// Everything the selected scenario(s) change for one request.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// The scenario string as selected, also the key for "fail N times" counters.
    pub key: String,
    pub first_byte: Option<Duration>,
    pub fault: Option<Fault>,
    pub eol: Eol,
    pub no_space: bool,
    pub multiline: bool,
    pub keepalive: bool,
    pub keepalive_prelude: Option<Duration>,
    pub bom: bool,
    pub cut: Cut,
    pub gzip: bool,
    pub ending: Ending,
    pub usage: UsageMode,
    pub midstream: Option<Midstream>,
    pub json_when_stream: bool,
    pub reasoning: Option<ReasoningOverride>,
    pub long_reasoning: bool,
    pub tools: Option<ToolMode>,
    /// From `x-sim-fail-times`: failures before a success (default 1).
    pub fail_times: u32,
    /// From `x-sim-retry-after`: overrides the advertised delay.
    pub retry_after: Option<u64>,
}

const DEFAULT_FIRST_BYTE: Duration = Duration::from_secs(2);
const DEFAULT_KEEPALIVE_PRELUDE: Duration = Duration::from_secs(2);

fn header_num(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

impl Plan {
    /// The plan for a request, or the first scenario name that is unknown.
    pub fn select(shared: &Shared, headers: &HeaderMap) -> Result<Plan, String> {
        let key = match headers.get("x-sim-scenario").and_then(|v| v.to_str().ok()) {
            Some(v) if !v.trim().is_empty() => v.trim().to_string(),
            _ => shared.default_scenario(),
        };
        let mut plan = Plan {
            fail_times: header_num(headers, "x-sim-fail-times").map_or(1, |n| n as u32),
            retry_after: header_num(headers, "x-sim-retry-after"),
            ..Plan::default()
        };
        for name in key.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if !plan.apply(name, headers) {
                return Err(name.to_string());
            }
        }
        plan.key = key;
        Ok(plan)
    }

    fn apply(&mut self, name: &str, headers: &HeaderMap) -> bool {
        if let Some(code) = name.strip_prefix("http_") {
            return match code {
                "429_quota" => self.fault(Fault::QuotaExhausted),
                "400_context" => self.fault(Fault::ContextTooLong),
                "400_no_db" => self.fault(Fault::NoConnectedDb),
                "400" | "401" | "402" | "403" | "404" | "413" | "429" | "500" | "502" | "503"
                | "504" | "524" => self.fault(Fault::Status(code.parse().unwrap_or(500))),
                _ => false,
            };
        }
        match name {
            "ok" => {}
            "slow_first_byte" => {
                let ms = header_num(headers, "x-sim-first-byte-ms");
                self.first_byte = Some(ms.map_or(DEFAULT_FIRST_BYTE, Duration::from_millis));
            }
            "200_with_error_body" => return self.fault(Fault::ErrorBody200),
            "html_200" => return self.fault(Fault::Html200),
            "retry_after_seconds" => return self.fault(Fault::RetryAfterSeconds),
            "retry_after_ms" => return self.fault(Fault::RetryAfterMs),
            "retry_after_date" => return self.fault(Fault::RetryAfterDate),
            "flaky_500" => return self.fault(Fault::Flaky500),
            "byte_drip" => self.cut = Cut::Drip,
            "split_utf8" => self.cut = Cut::SplitUtf8,
            "crlf" => self.eol = Eol::CrLf,
            "cr_only" => self.eol = Eol::Cr,
            "no_space_after_colon" => self.no_space = true,
            "multiline_data" => self.multiline = true,
            "keepalive_comments" => self.keepalive = true,
            "keepalive_long" => {
                let ms = header_num(headers, "x-sim-keepalive-ms");
                self.keepalive_prelude =
                    Some(ms.map_or(DEFAULT_KEEPALIVE_PRELUDE, Duration::from_millis));
            }
            "bom" => self.bom = true,
            "gzip" => self.gzip = true,
            "no_done" => self.ending = Ending::NoDone,
            "no_trailing_blank" => self.ending = Ending::NoTrailingBlank,
            "data_after_done" => self.ending = Ending::DataAfterDone,
            "usage_last_chunk" => self.usage = UsageMode::LastChunk,
            "usage_every_chunk" => self.usage = UsageMode::EveryChunk,
            "usage_on_finish" => self.usage = UsageMode::OnFinish,
            "no_usage" => self.usage = UsageMode::Never,
            "error_midstream_json" => self.midstream = Some(Midstream::ErrorJson),
            "error_midstream_event" => self.midstream = Some(Midstream::ErrorEvent),
            "disconnect_midstream" => self.midstream = Some(Midstream::Disconnect),
            "stall_midstream" => self.midstream = Some(Midstream::Stall),
            "malformed_chunk" => self.midstream = Some(Midstream::Malformed),
            "json_when_stream" => self.json_when_stream = true,
            "reasoning_content" => self.reasoning = Some(ReasoningOverride::Content),
            "think_tags" => self.reasoning = Some(ReasoningOverride::Think),
            "long_reasoning" => self.long_reasoning = true,
            "tool_calls_fragmented" => self.tools = Some(ToolMode::Fragmented),
            "tool_calls_whole" => self.tools = Some(ToolMode::Whole),
            "parallel_tool_calls" => self.tools = Some(ToolMode::Parallel),
            _ => return false,
        }
        true
    }

    fn fault(&mut self, fault: Fault) -> bool {
        self.fault = Some(fault);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_scenario_parses() {
        let headers = HeaderMap::new();
        for name in SCENARIOS {
            let mut plan = Plan::default();
            assert!(plan.apply(name, &headers), "{name}");
        }
        assert!(!Plan::default().apply("nope", &headers));
        assert!(!Plan::default().apply("http_999", &headers));
    }
}
