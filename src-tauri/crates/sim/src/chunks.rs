//! Wire shapes of `chat.completion.chunk` (PROTOCOLS 2.5). Typed structs rather
//! than `json!` because a benchmark stream serializes tens of thousands of them.

use serde::Serialize;

/// Token usage; every count is a word count (see `text::words`).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Usage {
    pub prompt_tokens: usize,
    pub completion_tokens: usize,
    pub total_tokens: usize,
    pub prompt_tokens_details: PromptDetails,
    pub completion_tokens_details: CompletionDetails,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct PromptDetails {
    pub cached_tokens: usize,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct CompletionDetails {
    pub reasoning_tokens: usize,
}

impl Usage {
    pub fn new(prompt: usize, completion: usize, reasoning: usize) -> Self {
        Self {
            prompt_tokens: prompt,
            completion_tokens: completion,
            total_tokens: prompt + completion,
            prompt_tokens_details: PromptDetails { cached_tokens: 0 },
            completion_tokens_details: CompletionDetails {
                reasoning_tokens: reasoning,
            },
        }
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Delta<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    /// `Some(None)` is an explicit `"content": null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasoning_content: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_calls: Option<Vec<ToolCallDelta<'a>>>,
}

#[derive(Debug, Serialize)]
pub struct ToolCallDelta<'a> {
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    pub function: FunctionDelta<'a>,
}

#[derive(Debug, Serialize)]
pub struct FunctionDelta<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    pub arguments: &'a str,
}

#[derive(Debug, Serialize)]
pub struct Choice<'a> {
    pub index: usize,
    pub delta: Delta<'a>,
    pub logprobs: (),
    pub finish_reason: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct Chunk<'a> {
    /// The fields every chunk of the stream shares, serialized once (see `write_json`).
    #[serde(skip)]
    pub prefix: &'a str,
    pub id: &'a str,
    pub object: &'static str,
    pub created: u64,
    pub model: &'a str,
    pub system_fingerprint: &'static str,
    pub choices: Vec<Choice<'a>>,
    /// Absent, `null`, or a usage object, depending on the usage mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage: Option<Option<Usage>>,
}

impl Chunk<'_> {
    /// The same bytes as `serde_json::to_writer(out, self)`, but the shared
    /// leading fields are copied from the stream's pre-serialized prefix:
    /// serialization is most of the simulator's cost on a 50,000-chunk stream.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.prefix.as_bytes());
        out.extend_from_slice(b"\"choices\":");
        serde_json::to_writer(&mut *out, &self.choices).expect("choices serialize");
        if let Some(usage) = &self.usage {
            out.extend_from_slice(b",\"usage\":");
            serde_json::to_writer(&mut *out, usage).expect("usage serializes");
        }
        out.push(b'}');
    }
}

pub const FINGERPRINT: &str = "fp_portico_sim";

/// What every chunk of one completion shares.
#[derive(Debug, Clone)]
pub struct Meta {
    pub id: String,
    pub created: u64,
    pub model: String,
    /// `{"id":...,"system_fingerprint":...,` as every chunk starts.
    prefix: String,
}

impl Meta {
    pub fn new(seq: u64, prompt_hash: u64, model: &str) -> Self {
        let created = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let id = format!("chatcmpl-sim{:016x}{seq:06}", prompt_hash);
        let mut meta = Self {
            id,
            created,
            model: model.to_string(),
            prefix: String::new(),
        };
        let mut full = serde_json::to_string(&meta.usage_chunk(None)).expect("chunk serializes");
        // Cut at `"choices"`, which serde writes right after the shared fields.
        let at = full.find("\"choices\":").expect("choices field present");
        full.truncate(at);
        meta.prefix = full;
        meta
    }

    pub fn chunk<'a>(
        &'a self,
        delta: Delta<'a>,
        finish: Option<&'a str>,
        usage: Option<Option<Usage>>,
    ) -> Chunk<'a> {
        Chunk {
            choices: vec![Choice {
                index: 0,
                delta,
                logprobs: (),
                finish_reason: finish,
            }],
            ..self.usage_chunk(usage)
        }
    }

    /// A chunk with `choices: []`, as the include_usage chunk is.
    pub fn usage_chunk(&self, usage: Option<Option<Usage>>) -> Chunk<'_> {
        Chunk {
            prefix: &self.prefix,
            id: &self.id,
            object: "chat.completion.chunk",
            created: self.created,
            model: &self.model,
            system_fingerprint: FINGERPRINT,
            choices: Vec::new(),
            usage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_writes_what_serde_writes() {
        let meta = Meta::new(7, 0xabc, "demo \"quoted\" model");
        let usage = Usage::new(3, 4, 1);
        let chunks = [
            meta.chunk(
                Delta {
                    role: Some("assistant"),
                    content: Some(Some("")),
                    ..Delta::default()
                },
                None,
                Some(None),
            ),
            meta.chunk(
                Delta {
                    content: Some(Some("héllo \"x\"\n")),
                    ..Delta::default()
                },
                None,
                None,
            ),
            meta.chunk(Delta::default(), Some("stop"), Some(Some(usage))),
            meta.usage_chunk(Some(Some(usage))),
        ];
        for chunk in &chunks {
            let mut fast = Vec::new();
            chunk.write_json(&mut fast);
            assert_eq!(
                String::from_utf8(fast).unwrap(),
                serde_json::to_string(chunk).unwrap()
            );
        }
    }
}
