//! Model kinds from recorded models lists: a new-api gateway, Gemini's native list, and
//! gateways that type their models (`type`/`sub_type`, OpenRouter-style modalities).

use portico_gateway::models::parse_models;
use portico_types::ModelKind::{self, *};

fn kinds(file: &str) -> Vec<(String, ModelKind)> {
    let path = format!(
        "{}/tests/fixtures/models/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let body = std::fs::read(&path).unwrap();
    parse_models(&body)
        .unwrap()
        .into_iter()
        .map(|m| (m.id, m.kind))
        .collect()
}

fn assert_kinds(file: &str, want: &[(&str, ModelKind)]) {
    let got = kinds(file);
    assert_eq!(got.len(), want.len(), "{file}: {got:?}");
    for (id, kind) in want {
        let found = got.iter().find(|(g, _)| g == id);
        assert_eq!(found.map(|(_, k)| *k), Some(*kind), "{file}: {id}");
    }
}

#[test]
fn new_api_endpoint_types_and_ids() {
    assert_kinds(
        "new_api.json",
        &[
            ("gpt-4o-mini", Chat),
            ("claude-sonnet-4-5-20250929", Chat),
            ("gemini-2.5-pro", Chat),
            ("text-embedding-3-small", Embedding),
            ("bge-m3", Embedding),
            ("jina-reranker-v2-base-multilingual", Rerank),
            ("gpt-image-1", Image),
            ("dall-e-3", Image),
            ("sora-2", Video),
            // Listed under the generic "openai" endpoint: the id tells.
            ("veo3.1-fast", Video),
            ("doubao-seedream-4-5-251128", Image),
            ("tts-1-hd", Audio),
            ("whisper-1", Audio),
            ("omni-moderation-latest", Moderation),
            ("mj_imagine", Image),
            ("suno_music", Audio),
        ],
    );
}

#[test]
fn gemini_generation_methods() {
    assert_kinds(
        "gemini.json",
        &[
            ("gemini-2.5-flash", Chat),
            ("gemini-2.5-flash-image", Image),
            ("gemini-2.5-flash-preview-tts", Audio),
            ("gemini-embedding-001", Embedding),
            ("text-embedding-004", Embedding),
            ("imagen-4.0-generate-001", Image),
            ("veo-3.0-generate-001", Video),
            ("aqa", Other),
        ],
    );
}

#[test]
fn typed_lists_and_output_modalities() {
    assert_kinds(
        "typed.json",
        &[
            ("Qwen/Qwen3-8B", Chat),
            ("BAAI/bge-large-zh-v1.5", Embedding),
            ("BAAI/bge-reranker-v2-m3", Rerank),
            ("Kwai-Kolors/Kolors", Image),
            ("Wan-AI/Wan2.2-T2V-A14B", Video),
            ("FunAudioLLM/CosyVoice2-0.5B", Audio),
            ("meta-llama/Llama-Guard-4-12B", Moderation),
            ("openai/gpt-5.2", Chat),
            ("google/gemini-2.5-flash-image-preview", Image),
            ("black-forest-labs/flux.2-pro", Image),
            ("claude-opus-4-1", Chat),
        ],
    );
}
