//! What a listed model does: chat, embedding, image, video, audio, rerank, moderation or other.
//!
//! The gateway's own metadata decides first (PROTOCOLS 1.5: new-api `supported_endpoint_types`,
//! Gemini `supportedGenerationMethods`, `type`/`sub_type` fields, OpenRouter-style output
//! modalities). Metadata that only says "the OpenAI/Claude/Gemini chat endpoint" is weak:
//! new-api gives it to models it knows nothing about, so a telling id still wins over it. The
//! id is read last, as a hint (PROTOCOLS 1.4), and anything unrecognised is chat.

use portico_types::ModelKind;
use serde_json::Value;

/// What the metadata says, and how sure it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// An explicit kind: trust it over the id.
    Strong(ModelKind),
    /// "Served on a chat endpoint": unless the id says otherwise.
    WeakChat,
    Nothing,
}

/// The kind of one entry of a models list, from its metadata and then its id.
pub fn kind_of(item: &Value, id: &str) -> ModelKind {
    match metadata(item) {
        Evidence::Strong(kind) => kind,
        Evidence::WeakChat | Evidence::Nothing => kind_from_id(id),
    }
}

fn metadata(item: &Value) -> Evidence {
    let mut weak = false;
    for evidence in [
        endpoint_types(item),
        gemini_methods(item),
        type_fields(item),
        output_modalities(item),
    ] {
        match evidence {
            Evidence::Strong(kind) => return Evidence::Strong(kind),
            Evidence::WeakChat => weak = true,
            Evidence::Nothing => {}
        }
    }
    if weak {
        Evidence::WeakChat
    } else {
        Evidence::Nothing
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        _ => Vec::new(),
    }
}

/// new-api and its forks: `supported_endpoint_types: ["openai", "image-generation", ...]`.
fn endpoint_types(item: &Value) -> Evidence {
    let types = strings(item.get("supported_endpoint_types"));
    let mut chat = false;
    for t in &types {
        match t.as_str() {
            "embeddings" | "embedding" => return Evidence::Strong(ModelKind::Embedding),
            "jina-rerank" | "rerank" => return Evidence::Strong(ModelKind::Rerank),
            "image-generation" | "images" => return Evidence::Strong(ModelKind::Image),
            "openai-video" | "video" => return Evidence::Strong(ModelKind::Video),
            "audio" | "tts" | "speech" => return Evidence::Strong(ModelKind::Audio),
            "openai" | "openai-response" | "anthropic" | "gemini" => chat = true,
            _ => {}
        }
    }
    if chat {
        Evidence::WeakChat
    } else {
        Evidence::Nothing
    }
}

/// Gemini: `supportedGenerationMethods: ["generateContent", "countTokens"]`, `["embedContent"]`,
/// `["predict"]` (Imagen), `["predictLongRunning"]` (Veo).
fn gemini_methods(item: &Value) -> Evidence {
    let Some(value) = item.get("supportedGenerationMethods") else {
        return Evidence::Nothing;
    };
    let methods = strings(Some(value));
    let has = |m: &str| methods.iter().any(|x| x == &m.to_ascii_lowercase());
    if has("generateContent") || has("streamGenerateContent") || has("bidiGenerateContent") {
        Evidence::WeakChat
    } else if has("embedContent") || has("batchEmbedContents") || has("embedText") {
        Evidence::Strong(ModelKind::Embedding)
    } else if has("predictLongRunning") {
        Evidence::Strong(ModelKind::Video)
    } else if has("predict") {
        Evidence::Strong(ModelKind::Image)
    } else {
        // countTokens or generateAnswer only: nothing to chat with.
        Evidence::Strong(ModelKind::Other)
    }
}

/// `type` / `model_type` / `sub_type` / `task` fields (Together, SiliconFlow and others).
/// Anthropic's `type: "model"` says nothing.
fn type_fields(item: &Value) -> Evidence {
    for field in ["sub_type", "model_type", "type", "task", "category"] {
        for value in strings(item.get(field)) {
            if let Some(kind) = kind_of_word(&value) {
                return Evidence::Strong(kind);
            }
        }
    }
    Evidence::Nothing
}

fn kind_of_word(word: &str) -> Option<ModelKind> {
    Some(match word {
        "chat" | "llm" | "language" | "code" | "text" | "text-generation" | "chat-completion" => {
            ModelKind::Chat
        }
        "embedding" | "embeddings" | "text-embedding" => ModelKind::Embedding,
        "image" | "images" | "text-to-image" | "image-generation" | "image-to-image" => {
            ModelKind::Image
        }
        "video" | "text-to-video" | "image-to-video" | "video-generation" => ModelKind::Video,
        "audio" | "tts" | "stt" | "speech" | "text-to-speech" | "speech-to-text"
        | "transcription" | "music" => ModelKind::Audio,
        "rerank" | "reranker" | "reranking" => ModelKind::Rerank,
        "moderation" | "moderations" => ModelKind::Moderation,
        _ => return None,
    })
}

/// OpenRouter style: `architecture: {modality: "text+image->text", output_modalities: [...]}`.
fn output_modalities(item: &Value) -> Evidence {
    let arch = item.get("architecture").unwrap_or(&Value::Null);
    let mut outputs = strings(
        arch.get("output_modalities")
            .or_else(|| item.get("output_modalities")),
    );
    if outputs.is_empty() {
        if let Some(modality) = arch
            .get("modality")
            .or_else(|| item.get("modality"))
            .and_then(Value::as_str)
        {
            if let Some((_, out)) = modality.split_once("->") {
                outputs = out
                    .split('+')
                    .map(|s| s.trim().to_ascii_lowercase())
                    .collect();
            }
        }
    }
    if outputs.is_empty() {
        return Evidence::Nothing;
    }
    // A model that makes pictures or sound besides text is listed by what it makes.
    let has = |m: &str| outputs.iter().any(|x| x == m);
    if has("video") {
        Evidence::Strong(ModelKind::Video)
    } else if has("image") {
        Evidence::Strong(ModelKind::Image)
    } else if has("audio") {
        Evidence::Strong(ModelKind::Audio)
    } else if has("embeddings") || has("embedding") {
        Evidence::Strong(ModelKind::Embedding)
    } else if has("text") {
        Evidence::Strong(ModelKind::Chat)
    } else {
        Evidence::Nothing
    }
}

/// Word starts that name a family by what it makes.
const VIDEO: &[&str] = &[
    "veo", "sora", "kling", "vidu", "seedance", "hailuo", "cogvideo", "runway", "luma", "pika",
    "video", "t2v", "i2v", "r2v", "mochi",
];
const IMAGE: &[&str] = &[
    "image",
    "imagen",
    "dall",
    "flux",
    "midjourney",
    "mj",
    "ideogram",
    "seedream",
    "seededit",
    "recraft",
    "sdxl",
    "sd3",
    "kolors",
    "cogview",
    "t2i",
    "i2i",
    "playground",
];
const AUDIO: &[&str] = &[
    "tts",
    "whisper",
    "speech",
    "audio",
    "transcribe",
    "suno",
    "music",
    "asr",
    "voice",
];
/// Completions-only and realtime models: listed, but not usable through chat.
const OTHER: &[&str] = &["babbage", "davinci", "realtime"];

/// The last-resort hint: the words of the id (`provider/` prefix and version numbers aside).
pub fn kind_from_id(id: &str) -> ModelKind {
    let lower = id.to_ascii_lowercase();
    if lower.contains("rerank") {
        return ModelKind::Rerank;
    }
    if lower.contains("embed") || lower.starts_with("bge-") || lower.contains("/bge-") {
        return ModelKind::Embedding;
    }
    if lower.contains("moderation") {
        return ModelKind::Moderation;
    }
    if lower.contains("stable-diffusion") {
        return ModelKind::Image;
    }
    if lower.ends_with("turbo-instruct") {
        return ModelKind::Other;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let starts = |list: &[&str]| {
        words.iter().any(|w| {
            list.iter().any(|p| {
                // "mj" and "sd3" are whole words; the others may carry a version ("veo3").
                if p.len() <= 3 {
                    w == p || (w.starts_with(p) && w[p.len()..].bytes().all(|b| b.is_ascii_digit()))
                } else {
                    w.starts_with(p)
                }
            })
        })
    };
    if starts(VIDEO) {
        ModelKind::Video
    } else if starts(IMAGE) {
        ModelKind::Image
    } else if starts(AUDIO) {
        ModelKind::Audio
    } else if words.iter().any(|w| OTHER.iter().any(|p| w.starts_with(p))) {
        ModelKind::Other
    } else {
        ModelKind::Chat
    }
}

#[cfg(test)]
#[path = "model_kind_tests.rs"]
mod tests;
