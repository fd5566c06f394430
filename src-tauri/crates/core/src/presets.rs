//! Provider presets: bundled data, one row per gateway (data/presets.json), never code per vendor.

use std::sync::OnceLock;

use portico_types::ProviderPreset;

pub const OFFLINE_DEMO: &str = "offline-demo";
pub const CUSTOM: &str = "custom";

/// Every bundled preset, in the order the UI offers them.
pub fn presets() -> &'static [ProviderPreset] {
    static PRESETS: OnceLock<Vec<ProviderPreset>> = OnceLock::new();
    PRESETS.get_or_init(|| {
        serde_json::from_str(include_str!("../data/presets.json"))
            .expect("data/presets.json is valid")
    })
}

pub fn preset(id: &str) -> Option<&'static ProviderPreset> {
    presets().iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_parse_and_have_unique_ids() {
        let all = presets();
        assert!(all.len() >= 6);
        let mut ids: Vec<_> = all.iter().map(|p| p.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        assert!(preset(OFFLINE_DEMO).unwrap().offline_demo);
        assert!(!preset(OFFLINE_DEMO).unwrap().needs_key);
        for p in all.iter().filter(|p| !p.base_url.is_empty()) {
            assert!(p.base_url.starts_with("https://"), "{} uses https", p.id);
        }
        assert_eq!(
            preset("jiekou").unwrap().base_url,
            "https://api.jiekou.ai/openai"
        );
        assert_eq!(
            preset("nexconn").unwrap().base_url,
            "https://api-xmodel.nexconn.ai/v1"
        );
    }
}
