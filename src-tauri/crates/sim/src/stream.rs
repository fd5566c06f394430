//! The order of events in a streamed chat completion (PROTOCOLS 2.4-2.8): role
//! chunk, reasoning and content deltas, finish chunk, usage chunk, `[DONE]`,
//! with the scenario's changes to usage placement, endings and mid-stream faults.

use crate::body::{Gone, Sent, SseWriter};
use crate::chunks::{Delta, Meta, Usage};
use crate::completion::{Channel, Completion};
use crate::scenario::{Ending, Midstream, Plan, UsageMode};

/// Error text for `error_midstream_json`, as new-api gateways send it.
const ERROR_JSON: &str =
    r#"{"error":{"message":"upstream timeout","type":"upstream_error","code":"504"}}"#;
/// Error frame for `error_midstream_event`, Anthropic-shaped.
const ERROR_EVENT: &str =
    r#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#;
/// Content sent after `[DONE]` by `data_after_done`; a client must not show it.
pub const AFTER_DONE: &str = "IGNORED AFTER DONE";
/// Interval of comments during the `keepalive_long` prelude.
const KEEPALIVE_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// What every part of one stream needs to know.
pub struct Ctx<'a> {
    pub meta: &'a Meta,
    pub plan: &'a Plan,
    pub include_usage: bool,
    pub prompt_tokens: usize,
    pub words_per_chunk: usize,
}

/// Tokens sent so far, for cumulative usage.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub reasoning: usize,
    pub completion: usize,
}

impl Ctx<'_> {
    fn usage(&self, t: Tally) -> Usage {
        Usage::new(self.prompt_tokens, t.completion, t.reasoning)
    }

    /// The `usage` field of an ordinary chunk: absent, `null` or cumulative.
    pub fn usage_field(&self, t: Tally) -> Option<Option<Usage>> {
        match self.plan.usage {
            UsageMode::Requested if self.include_usage => Some(None),
            UsageMode::LastChunk => Some(None),
            UsageMode::EveryChunk => Some(Some(self.usage(t))),
            _ => None,
        }
    }

    fn wants_usage_chunk(&self) -> bool {
        match self.plan.usage {
            UsageMode::Requested => self.include_usage,
            UsageMode::LastChunk => true,
            _ => false,
        }
    }

    /// Deltas sent before a mid-stream fault: about half, at most 8, at least 1.
    pub fn cut_point(&self, deltas: usize) -> Option<usize> {
        self.plan.midstream.map(|_| (deltas / 2).clamp(1, 8))
    }
}

/// The `keepalive_long` prelude: only comments for a while, then content.
pub async fn prelude(w: &mut SseWriter, ctx: &Ctx<'_>) -> Sent {
    let Some(total) = ctx.plan.keepalive_prelude else {
        return Ok(());
    };
    let start = tokio::time::Instant::now();
    while start.elapsed() < total {
        w.comment("keep-alive").await?;
        w.pause(KEEPALIVE_EVERY.min(total)).await?;
    }
    Ok(())
}

/// Injects the plan's mid-stream fault. `Ok(false)`: the stream ends here.
pub async fn midstream(w: &mut SseWriter, ctx: &Ctx<'_>) -> Result<bool, Gone> {
    match ctx.plan.midstream {
        None => Ok(true),
        Some(Midstream::Malformed) => {
            let broken = format!(
                r#"{{"id":"{}","object":"chat.completion.chunk","choices":[{{"index":0,"delta":{{"content":"#,
                ctx.meta.id
            );
            w.event(None, &broken, true).await?;
            Ok(true)
        }
        Some(Midstream::ErrorJson) => {
            w.event(None, ERROR_JSON, true).await?;
            Ok(false)
        }
        Some(Midstream::ErrorEvent) => {
            w.event(Some("error"), ERROR_EVENT, true).await?;
            Ok(false)
        }
        Some(Midstream::Disconnect) => Err(Gone),
        Some(Midstream::Stall) => w.stall().await.map(|_| false),
    }
}

/// Streams a text (and reasoning) completion.
pub async fn text(w: &mut SseWriter, ctx: &Ctx<'_>, completion: &Completion) -> Sent {
    prelude(w, ctx).await?;
    let mut tally = Tally::default();
    let first = Delta {
        role: Some("assistant"),
        content: Some(Some("")),
        ..Delta::default()
    };
    w.json(&ctx.meta.chunk(first, None, ctx.usage_field(tally)))
        .await?;

    let segments = completion.segments();
    let wpc = ctx.words_per_chunk.max(1);
    let size = |is_tag: bool| if is_tag { 1 } else { wpc };
    let total: usize = segments
        .iter()
        .map(|s| s.words.len().div_ceil(size(s.is_tag)))
        .sum();
    let cut_at = ctx.cut_point(total);
    let mut sent = 0;
    let mut buf = String::new();
    for seg in &segments {
        for group in seg.words.chunks(size(seg.is_tag)) {
            if cut_at == Some(sent) && !midstream(w, ctx).await? {
                return Ok(());
            }
            buf.clear();
            buf.extend(group.iter().copied());
            if !seg.is_tag {
                tally.completion += group.len();
                if seg.is_reasoning {
                    tally.reasoning += group.len();
                }
            }
            let delta = match seg.channel {
                Channel::Content => Delta {
                    content: Some(Some(&buf)),
                    ..Delta::default()
                },
                Channel::ReasoningContent => Delta {
                    content: Some(None),
                    reasoning_content: Some(&buf),
                    ..Delta::default()
                },
                Channel::Reasoning => Delta {
                    reasoning: Some(&buf),
                    ..Delta::default()
                },
            };
            w.json(&ctx.meta.chunk(delta, None, ctx.usage_field(tally)))
                .await?;
            sent += 1;
        }
    }
    if cut_at.is_some_and(|c| c >= sent) && !midstream(w, ctx).await? {
        return Ok(());
    }
    end(w, ctx, completion.finish, tally).await
}

/// Finish chunk, usage chunk and terminator, as the plan places them.
pub async fn end(w: &mut SseWriter, ctx: &Ctx<'_>, finish: &str, tally: Tally) -> Sent {
    let full = Some(Some(ctx.usage(tally)));
    let finish_usage = match ctx.plan.usage {
        UsageMode::EveryChunk | UsageMode::OnFinish => full,
        _ => ctx.usage_field(tally),
    };
    let usage_chunk = ctx.wants_usage_chunk();
    let unterminated = ctx.plan.ending == Ending::NoTrailingBlank;
    let finish_chunk = ctx.meta.chunk(Delta::default(), Some(finish), finish_usage);
    w.json_with(&finish_chunk, !unterminated || usage_chunk)
        .await?;
    if usage_chunk {
        w.json_with(&ctx.meta.usage_chunk(full), !unterminated)
            .await?;
    }
    match ctx.plan.ending {
        Ending::Done => w.event(None, "[DONE]", true).await,
        Ending::DataAfterDone => {
            w.event(None, "[DONE]", true).await?;
            let extra = Delta {
                content: Some(Some(AFTER_DONE)),
                ..Delta::default()
            };
            w.json(&ctx.meta.chunk(extra, None, None)).await
        }
        Ending::NoDone | Ending::NoTrailingBlank => Ok(()),
    }
}
