//! Tool-call replies (PROTOCOLS 2.6): fragmented arguments, a whole call in one
//! chunk, or two calls interleaved by index.

use serde_json::{json, Value};

use crate::body::{Sent, SseWriter};
use crate::chunks::{Delta, FunctionDelta, Meta, ToolCallDelta, Usage};
use crate::completion::completion_json;
use crate::scenario::ToolMode;
use crate::stream::{end, midstream, prelude, Ctx, Tally};

/// Arguments with a `\u` escape, an escaped quote and backslash and CJK text,
/// so 3-character fragments split inside escapes.
const ARGUMENTS: [&str; 2] = [
    r#"{"location":"Tokyo","unit":"celsius","note":"caf\u00e9, \"quoted\" \\ 東京"}"#,
    r#"{"timezone":"Asia/Tokyo"}"#,
];
const DEFAULT_NAMES: [&str; 2] = ["get_weather", "get_time"];
const FRAGMENT_CHARS: usize = 3;

pub struct Call {
    pub id: String,
    pub name: String,
    pub arguments: &'static str,
}

/// The calls to make: named after the request's tools when it has them.
pub fn calls(mode: ToolMode, names: &[String], seq: u64) -> Vec<Call> {
    let n = if mode == ToolMode::Parallel { 2 } else { 1 };
    (0..n)
        .map(|i| Call {
            id: format!("call_sim{seq:06}{i}"),
            name: names
                .get(i)
                .cloned()
                .unwrap_or_else(|| DEFAULT_NAMES[i].to_string()),
            arguments: ARGUMENTS[i],
        })
        .collect()
}

/// Tokens for arguments: a quarter of their length, the usual rule of thumb.
fn tokens(calls: &[Call]) -> usize {
    calls.iter().map(|c| c.arguments.len().div_ceil(4)).sum()
}

pub fn to_json(meta: &Meta, calls: &[Call], prompt_tokens: usize) -> Value {
    let tool_calls: Vec<Value> = calls
        .iter()
        .map(|c| json!({"id": c.id, "type": "function", "function": {"name": c.name, "arguments": c.arguments}}))
        .collect();
    let message = json!({
        "role": "assistant",
        "content": null,
        "refusal": null,
        "tool_calls": tool_calls,
        "annotations": [],
    });
    let usage = Usage::new(prompt_tokens, tokens(calls), 0);
    completion_json(meta, message, "tool_calls", usage)
}

fn header<'a>(index: usize, call: &'a Call, arguments: &'a str) -> ToolCallDelta<'a> {
    ToolCallDelta {
        index,
        id: Some(&call.id),
        kind: Some("function"),
        function: FunctionDelta {
            name: Some(&call.name),
            arguments,
        },
    }
}

fn fragments(arguments: &str) -> Vec<&str> {
    let starts: Vec<usize> = arguments
        .char_indices()
        .map(|(i, _)| i)
        .step_by(FRAGMENT_CHARS)
        .chain([arguments.len()])
        .collect();
    starts.windows(2).map(|w| &arguments[w[0]..w[1]]).collect()
}

pub async fn stream(w: &mut SseWriter, ctx: &Ctx<'_>, calls: &[Call], mode: ToolMode) -> Sent {
    prelude(w, ctx).await?;
    let tally = Tally {
        reasoning: 0,
        completion: tokens(calls),
    };
    let opening = |tool_calls| Delta {
        role: Some("assistant"),
        content: Some(None),
        tool_calls: Some(tool_calls),
        ..Delta::default()
    };
    if mode == ToolMode::Whole {
        let whole = calls
            .iter()
            .enumerate()
            .map(|(i, c)| header(i, c, c.arguments))
            .collect();
        w.json(&ctx.meta.chunk(opening(whole), None, ctx.usage_field(tally)))
            .await?;
        return end(w, ctx, "tool_calls", tally).await;
    }
    for (i, call) in calls.iter().enumerate() {
        let delta = if i == 0 {
            opening(vec![header(0, call, "")])
        } else {
            Delta {
                tool_calls: Some(vec![header(i, call, "")]),
                ..Delta::default()
            }
        };
        w.json(&ctx.meta.chunk(delta, None, ctx.usage_field(tally)))
            .await?;
    }
    // Round-robin over the calls, so parallel calls interleave by index.
    let pieces: Vec<Vec<&str>> = calls.iter().map(|c| fragments(c.arguments)).collect();
    let longest = pieces.iter().map(Vec::len).max().unwrap_or(0);
    let order: Vec<(usize, &str)> = (0..longest)
        .flat_map(|k| {
            pieces
                .iter()
                .enumerate()
                .filter_map(move |(i, p)| p.get(k).map(|f| (i, *f)))
        })
        .collect();
    let cut_at = ctx.cut_point(order.len());
    for (sent, (index, fragment)) in order.into_iter().enumerate() {
        if cut_at == Some(sent) && !midstream(w, ctx).await? {
            return Ok(());
        }
        let delta = Delta {
            tool_calls: Some(vec![ToolCallDelta {
                index,
                id: None,
                kind: None,
                function: FunctionDelta {
                    name: None,
                    arguments: fragment,
                },
            }]),
            ..Delta::default()
        };
        w.json(&ctx.meta.chunk(delta, None, ctx.usage_field(tally)))
            .await?;
    }
    end(w, ctx, "tool_calls", tally).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_rejoin_and_split_escapes() {
        for args in ARGUMENTS {
            let parts = fragments(args);
            assert_eq!(parts.concat(), args);
            assert!(parts.iter().all(|p| p.chars().count() <= FRAGMENT_CHARS));
        }
        let parts = fragments(ARGUMENTS[0]);
        assert!(parts.iter().any(|p| p.ends_with('\\')));
        let parsed: Value = serde_json::from_str(ARGUMENTS[0]).unwrap();
        assert_eq!(parsed["note"], "café, \"quoted\" \\ 東京");
        assert!(parts.contains(&"\\u0"));
    }
}
