use portico_types::ModelKind::{self, *};
use serde_json::json;

use super::*;

fn by_id(ids: &[&str], want: ModelKind) {
    for id in ids {
        assert_eq!(kind_from_id(id), want, "{id}");
    }
}

/// The model ids the seed documents use, by the modality their examples call them for.
#[test]
fn seed_model_ids_by_kind() {
    by_id(
        &[
            "qwen3.6-flash",
            "MiniMax-M2.7",
            "glm-5.1",
            "glm-5v-turbo",
            "kimi-k2.6",
            "deepseek-v4-flash",
            "deepseek-v4-pro",
            "deepseek/deepseek-r1",
            "deepseek/deepseek-v3.2-251201",
            "moonshotai/kimi-k2.5",
            "openai/gpt-5.2-codex",
            "qwen/qwen2-vl-72b-instruct",
            "meta-llama/llama-4-maverick",
            "doubao-seed-1.6",
            "claude-4.5-sonnet",
            "gemini-2.5-pro",
        ],
        Chat,
    );
    by_id(
        &[
            "glm-image",
            "image-01",
            "qwen-image-2.0-pro",
            "gemini-2.5-flash-image",
            "gemini-3.0-pro-image-preview",
            "GPT-Image-1",
            "DALL-E-3",
            "flux-kontext-pro",
            "flux-1.1-pro-ultra",
            "doubao-seedream-4-5-251128",
            "doubao-seededit-3-0-i2i-250628",
            "imagen-4-ultra",
            "ideogram-v2-turbo",
            "recraft-v3-svg",
            "mj_imagine",
        ],
        Image,
    );
    by_id(
        &[
            "MiniMax-Hailuo-2.3",
            "cogvideox-3",
            "wan2.7-t2v",
            "wan2.7-i2v",
            "wan2.7-r2v",
            "veo3",
            "veo3.1-fast",
            "Sora-2-pro",
            "kling-v2-1",
            "kling-video-o1",
            "vidu",
            "bytedance/doubao-seedance-2-0-260128",
            "Seedance-Lite",
        ],
        Video,
    );
    by_id(
        &[
            "qwen3-tts-flash",
            "speech-2.8-hd",
            "Whisper-1",
            "tts-1-hd",
            "gpt-4o-mini-tts",
            "gpt-4o-transcribe",
            "suno_music",
        ],
        Audio,
    );
    by_id(
        &[
            "text-embedding-3-small",
            "gemini-embedding-001",
            "BAAI/bge-m3",
        ],
        Embedding,
    );
    by_id(
        &["jina-reranker-v2-base-multilingual", "bge-reranker-v2-m3"],
        Rerank,
    );
    by_id(
        &["omni-moderation-latest", "text-moderation-stable"],
        Moderation,
    );
    by_id(
        &[
            "babbage-002",
            "davinci-002",
            "gpt-3.5-turbo-instruct",
            "gpt-4o-realtime-preview",
        ],
        Other,
    );
}

#[test]
fn metadata_outranks_the_id() {
    // new-api says embeddings: believe it whatever the name.
    let item = json!({"id": "m3e-base", "supported_endpoint_types": ["embeddings"]});
    assert_eq!(kind_of(&item, "m3e-base"), Embedding);
    // "openai" alone is weak: new-api gives it to models it does not know.
    let item = json!({"id": "veo3.1-fast", "supported_endpoint_types": ["openai"]});
    assert_eq!(kind_of(&item, "veo3.1-fast"), Video);
    let item = json!({"id": "demo-chat", "supported_endpoint_types": ["openai"]});
    assert_eq!(kind_of(&item, "demo-chat"), Chat);
    // An explicit type beats a misleading id.
    let item = json!({"id": "image-captioner", "type": "chat"});
    assert_eq!(kind_of(&item, "image-captioner"), Chat);
    // Anthropic's `type: "model"` says nothing.
    let item = json!({"id": "claude-opus-4-1", "type": "model"});
    assert_eq!(kind_of(&item, "claude-opus-4-1"), Chat);
    // A bare string entry has only its id.
    assert_eq!(
        kind_of(&json!("text-embedding-3-large"), "text-embedding-3-large"),
        Embedding
    );
}
