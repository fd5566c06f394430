//! Providers: presets, keys in the secret store only, test connection, models.

mod support;

use portico_types::{AuthScheme, ErrorKind, ErrorReason, ProviderInput};
use support::*;

#[tokio::test]
async fn the_offline_demo_needs_no_key_and_lists_models() {
    let h = Harness::new().await;
    let demo = h
        .core
        .providers
        .create(ProviderInput {
            name: "Offline demo".into(),
            preset_id: "offline-demo".into(),
            base_url: "ignored".into(),
            exact_base_url: false,
            auth: AuthScheme::Bearer,
            extra_headers: vec![],
            default_model: Some("demo-chat".into()),
        })
        .await
        .unwrap();
    assert_eq!(demo.auth, AuthScheme::None);
    assert!(!demo.key.is_set);
    // The harness's sim requires a key; the demo sends none, so use an open one.
    let open = portico_sim::start(portico_sim::SimConfig::default())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let core = open_core(dir.path(), &open, h.secrets.clone());
    let demo = core
        .providers
        .create(ProviderInput {
            base_url: String::new(),
            ..input("Offline demo", "offline-demo")
        })
        .await
        .unwrap();
    assert_eq!(
        demo.default_model.as_deref(),
        Some("demo-chat"),
        "the preset's default model"
    );
    assert!(
        demo.models.len() >= 4,
        "the demo's models are listed on creation: {:?}",
        demo.models
    );
    let test = core.providers.test(demo.id.clone()).await;
    assert!(test.ok, "{:?}", test.error);
    assert!(test.model_count >= 4);
    let listed = core.providers.get(&demo.id).await.unwrap();
    assert!(listed.models.iter().any(|m| m.id == "demo-reasoner"));
}

fn input(name: &str, preset: &str) -> ProviderInput {
    ProviderInput {
        name: name.into(),
        preset_id: preset.into(),
        base_url: String::new(),
        exact_base_url: false,
        auth: AuthScheme::Bearer,
        extra_headers: vec![],
        default_model: None,
    }
}

#[tokio::test]
async fn keys_live_in_the_secret_store_and_show_only_their_last_four() {
    let h = Harness::new().await;
    let p = h.provider().await;
    assert!(p.key.is_set);
    assert_eq!(p.key.last_four.as_deref(), Some(&KEY[KEY.len() - 4..]));
    assert_eq!(h.secrets_get(&p.id).as_deref(), Some(KEY));
    let json = serde_json::to_string(&h.core.providers.list().await.unwrap()).unwrap();
    assert!(!json.contains(KEY), "the key never goes to the UI");
    let cleared = h.core.providers.clear_key(p.id.clone()).await.unwrap();
    assert!(!cleared.key.is_set);
    assert_eq!(h.secrets_get(&p.id), None);
}

#[tokio::test]
async fn test_connection_reports_a_wrong_key_in_words() {
    let h = Harness::new().await;
    let p = h.provider().await;
    h.core
        .providers
        .set_key(p.id.clone(), "sk-not-the-right-one-1234".into(), false)
        .await
        .unwrap();
    let test = h.core.providers.test(p.id.clone()).await;
    assert!(!test.ok);
    let err = test.error.unwrap();
    assert_eq!(err.kind, ErrorKind::Auth);
    assert!(!format!("{err:?}").contains("sk-not-the-right-one"));
}

#[tokio::test]
async fn with_no_key_the_test_sends_nothing_and_says_no_key_is_set() {
    let h = Harness::new().await;
    let p = h
        .core
        .providers
        .create(ProviderInput {
            base_url: h.sim.base_url(),
            ..input("Keyless", "custom")
        })
        .await
        .unwrap();
    assert!(!p.key.is_set);
    h.sim.clear_requests();

    let test = h.core.providers.test(p.id.clone()).await;
    assert!(!test.ok);
    assert_eq!(test.model_count, 0);
    let err = test.error.expect("a reason");
    assert_eq!(err.kind, ErrorKind::Auth);
    assert!(err.message.contains("No API key is set"), "{err:?}");
    assert_eq!(err.reason, Some(ErrorReason::NoKey), "{err:?}");
    assert!(
        err.status.is_none() && err.gateway_message.is_none(),
        "no gateway answer to show: {err:?}"
    );
    let err = h
        .core
        .providers
        .fetch_models(p.id.clone())
        .await
        .unwrap_err();
    assert!(err.message.contains("No API key is set"), "{err:?}");
    assert!(
        h.sim.requests().is_empty(),
        "nothing reached the gateway: {:?}",
        h.sim.requests()
    );

    // The same test with a (wrong) key does reach it: the recording above can see requests.
    h.core
        .providers
        .set_key(p.id.clone(), "sk-not-the-right-one-1234".into(), false)
        .await
        .unwrap();
    let test = h.core.providers.test(p.id).await;
    assert!(!test.ok);
    assert_eq!(h.sim.requests().len(), 1, "{:?}", h.sim.requests());
}

#[tokio::test]
async fn an_unreachable_gateway_is_a_network_error() {
    let h = Harness::new().await;
    let p = h
        .core
        .providers
        .create(ProviderInput {
            base_url: "http://127.0.0.1:9".into(),
            ..input("Nowhere", "custom")
        })
        .await
        .unwrap();
    h.core
        .providers
        .set_key(p.id.clone(), KEY.into(), false)
        .await
        .unwrap();
    let test = h.core.providers.test(p.id).await;
    assert!(!test.ok);
    assert_eq!(test.error.unwrap().kind, ErrorKind::Network);
}

#[tokio::test]
async fn bad_input_is_refused_with_a_reason() {
    let h = Harness::new().await;
    let err = h
        .core
        .providers
        .create(input("No URL", "custom"))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    let err = h
        .core
        .providers
        .create(input("  ", "openai"))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    let p = h.provider().await;
    let err = h
        .core
        .providers
        .set_key(p.id, "   ".into(), false)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
}

trait SecretsPeek {
    fn secrets_get(&self, id: &str) -> Option<String>;
}

impl SecretsPeek for Harness {
    fn secrets_get(&self, id: &str) -> Option<String> {
        use portico_core::secrets::SecretStore;
        self.secrets.get(id).unwrap()
    }
}
