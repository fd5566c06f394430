//! Scenario names and what each one changes. A request picks its scenario with
//! the `x-sim-scenario` header (a comma-separated list combines several, e.g.
//! `gzip,byte_drip`), else the simulator's default.

use std::time::Duration;

use axum::http::HeaderMap;

use crate::server::Shared;
use crate::sse::{Cut, Eol};

/// Every scenario name the simulator understands.
pub const SCENARIOS: &[&str] = &[
    "ok",
    // Response-level faults, on every non-admin route.
    "slow_first_byte",
    "200_with_error_body",
    "html_200",
    "http_400",
    "http_401",
    "http_402",
    "http_403",
    "http_404",
    "http_413",
    "http_429",
    "http_429_quota",
    "http_500",
    "http_502",
    "http_503",
    "http_504",
    "http_524",
    "retry_after_seconds",
    "retry_after_ms",
    "retry_after_date",
    "flaky_500",
    // Stream transport and framing.
    "byte_drip",
    "split_utf8",
    "crlf",
    "cr_only",
    "no_space_after_colon",
    "multiline_data",
    "keepalive_comments",
    "keepalive_long",
    "bom",
    "gzip",
    "no_done",
    "no_trailing_blank",
    "data_after_done",
    // Usage placement.
    "usage_last_chunk",
    "usage_every_chunk",
    "usage_on_finish",
    "no_usage",
    // Failures inside a stream.
    "error_midstream_json",
    "error_midstream_event",
    "disconnect_midstream",
    "stall_midstream",
    "malformed_chunk",
    "json_when_stream",
    // Reply shape.
    "reasoning_content",
    "think_tags",
    "long_reasoning",
    "tool_calls_fragmented",
    "tool_calls_whole",
    "parallel_tool_calls",
];

/// An HTTP-level outcome that replaces the normal response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Status(u16),
    QuotaExhausted,
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
