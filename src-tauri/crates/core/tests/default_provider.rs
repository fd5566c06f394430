//! The default provider on a real SQLite file: the first gateway replaces the Offline demo,
//! a later one does not, the user's choice sticks across a relaunch, deleting the default
//! falls back to the oldest gateway and then to the demo. A gateway added without a default
//! model gets its first chat model once its models are fetched.

mod support;

use portico_types::{AuthScheme, ModelKind, Provider, ProviderInput};
use support::*;

fn gateway(h: &Harness, name: &str) -> ProviderInput {
    ProviderInput {
        name: name.into(),
        preset_id: "custom".into(),
        base_url: h.sim.base_url(),
        exact_base_url: false,
        auth: AuthScheme::Bearer,
        extra_headers: vec![],
        default_model: None,
    }
}

async fn add(h: &Harness, input: ProviderInput) -> Provider {
    let p = h.core.providers.create(input).await.unwrap();
    h.core
        .providers
        .set_key(p.id.clone(), KEY.into(), false)
        .await
        .unwrap()
}

async fn default_id(h: &Harness) -> Option<String> {
    h.core
        .providers
        .default_provider()
        .await
        .unwrap()
        .provider_id
}

#[tokio::test]
async fn the_first_gateway_replaces_the_demo_and_gets_a_model() {
    let h = Harness::new().await;
    assert_eq!(default_id(&h).await, None, "no providers, no default");
    let demo = h
        .core
        .providers
        .create(ProviderInput {
            name: "Offline demo".into(),
            preset_id: "offline-demo".into(),
            base_url: String::new(),
            exact_base_url: false,
            auth: AuthScheme::None,
            extra_headers: vec![],
            default_model: None,
        })
        .await
        .unwrap();
    assert_eq!(default_id(&h).await, Some(demo.id.clone()));
    // Even when the user chose the demo explicitly, the first gateway takes over.
    h.core
        .providers
        .set_default_provider(demo.id.clone(), None)
        .await
        .unwrap();

    let custom = add(&h, gateway(&h, "My gateway")).await;
    assert_eq!(custom.default_model, None, "Custom starts without a model");
    assert_eq!(
        default_id(&h).await,
        Some(custom.id.clone()),
        "the gateway replaces the demo"
    );

    let models = h
        .core
        .providers
        .fetch_models(custom.id.clone())
        .await
        .unwrap();
    assert!(
        models.iter().all(|m| m.kind == ModelKind::Chat),
        "{models:?}"
    );
    let fetched = h.core.providers.get(&custom.id).await.unwrap();
    assert_eq!(
        fetched.default_model.as_deref(),
        Some("demo-chat"),
        "the first chat model becomes the default model"
    );
    assert_eq!(fetched.models.len(), models.len());

    // A second gateway does not take the first one's place.
    let second = add(&h, gateway(&h, "Second")).await;
    assert_eq!(default_id(&h).await, Some(custom.id.clone()));

    // A chosen default model is kept when models are fetched again.
    h.core
        .providers
        .set_default_provider(second.id.clone(), Some("demo-think".into()))
        .await
        .unwrap();
    h.core
        .providers
        .fetch_models(second.id.clone())
        .await
        .unwrap();
    let second = h.core.providers.get(&second.id).await.unwrap();
    assert_eq!(second.default_model.as_deref(), Some("demo-think"));
    assert_eq!(default_id(&h).await, Some(second.id.clone()));
}

#[tokio::test]
async fn the_choice_survives_a_relaunch_and_deleting_falls_back() {
    let h = Harness::new().await;
    let demo = h
        .core
        .providers
        .create(ProviderInput {
            base_url: String::new(),
            auth: AuthScheme::None,
            preset_id: "offline-demo".into(),
            ..gateway(&h, "Offline demo")
        })
        .await
        .unwrap();
    let first = add(&h, gateway(&h, "First")).await;
    let second = add(&h, gateway(&h, "Second")).await;
    h.core
        .providers
        .set_default_provider(second.id.clone(), Some(" demo-reasoner ".into()))
        .await
        .unwrap();

    // Relaunch: a new core on the same database file.
    let reopened = open_core(h.dir.path(), &h.sim, h.secrets.clone());
    let after = reopened.providers.default_provider().await.unwrap();
    assert_eq!(after.provider_id, Some(second.id.clone()));
    let model = reopened
        .providers
        .get(&second.id)
        .await
        .unwrap()
        .default_model;
    assert_eq!(model.as_deref(), Some("demo-reasoner"));

    // Deleting the default: the oldest gateway takes over, then the demo.
    reopened.providers.delete(second.id.clone()).await.unwrap();
    let after = reopened.providers.default_provider().await.unwrap();
    assert_eq!(after.provider_id, Some(first.id.clone()));
    reopened.providers.delete(first.id.clone()).await.unwrap();
    let after = reopened.providers.default_provider().await.unwrap();
    assert_eq!(after.provider_id, Some(demo.id.clone()));

    // With only the demo left, the next gateway becomes the default again.
    let third = reopened
        .providers
        .create(gateway(&h, "Third"))
        .await
        .unwrap();
    let after = reopened.providers.default_provider().await.unwrap();
    assert_eq!(after.provider_id, Some(third.id));
}

#[tokio::test]
async fn a_bad_choice_is_refused_and_changes_nothing() {
    let h = Harness::new().await;
    let first = add(&h, gateway(&h, "First")).await;
    let err = h
        .core
        .providers
        .set_default_provider("no-such-provider".into(), None)
        .await
        .unwrap_err();
    assert_eq!(err.kind, portico_types::ErrorKind::NotFound);
    let err = h
        .core
        .providers
        .set_default_provider(first.id.clone(), Some("  ".into()))
        .await
        .unwrap_err();
    assert_eq!(err.kind, portico_types::ErrorKind::Invalid);
    assert_eq!(default_id(&h).await, Some(first.id));
}
