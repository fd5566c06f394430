//! Providers and conversations on a real database file.

mod common;

use std::collections::HashSet;

use portico_store::CachedModel;
use portico_store::StoreError;
use portico_types::{
    AuthScheme, ChatParams, ConversationSettings, ErrorKind, HeaderPair, IpcError, KeyState,
    ModelInfo, ModelKind,
};

fn model(id: &str, kind: ModelKind) -> ModelInfo {
    ModelInfo {
        id: id.into(),
        owned_by: None,
        kind,
    }
}

#[test]
fn provider_crud_and_models() {
    let db = common::open_ticking();
    let providers = db.store.providers();
    assert_eq!(providers.count().unwrap(), 0);

    let mut input = common::provider_input("  My Gateway ");
    input.extra_headers = vec![HeaderPair {
        name: "X-Org".into(),
        value: "acme".into(),
    }];
    let a = providers.create(&input).unwrap();
    assert_eq!(a.name, "My Gateway");
    assert_eq!(a.id.len(), 36);
    assert!(a.models.is_empty());
    assert_eq!(a.extra_headers, input.extra_headers);
    let b = providers.create(&common::provider_input("Second")).unwrap();
    assert_eq!(providers.count().unwrap(), 2);
    let names: Vec<_> = providers
        .list()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["My Gateway", "Second"]);

    let fetched = [
        model("gpt-4o", ModelKind::Chat),
        model("text-embedding-3-small", ModelKind::Embedding),
    ];
    let a2 = providers.set_models(&a.id, &fetched).unwrap();
    let cached: Vec<_> = a2.models.iter().map(|m| (m.id.as_str(), m.kind)).collect();
    assert_eq!(
        cached,
        [
            ("gpt-4o", Some(ModelKind::Chat)),
            ("text-embedding-3-small", Some(ModelKind::Embedding))
        ],
        "kinds are cached with the ids"
    );
    assert!(a2.updated_at > a.updated_at);

    let mut changed = common::provider_input("Renamed");
    changed.auth = AuthScheme::ApiKeyHeader;
    changed.exact_base_url = true;
    changed.default_model = None;
    let a3 = providers.update(&a.id, &changed).unwrap();
    assert_eq!(a3.name, "Renamed");
    assert_eq!(a3.auth, AuthScheme::ApiKeyHeader);
    assert!(a3.exact_base_url);
    assert_eq!(a3.default_model, None);
    assert_eq!(a3.models, a2.models, "the model cache survives an edit");
    assert_eq!(a3.created_at, a.created_at);
    assert_eq!(providers.get(&a.id).unwrap(), a3);

    let key = KeyState {
        is_set: true,
        last_four: Some("abcd".into()),
        session_only: false,
    };
    let p = a3
        .clone()
        .into_provider(key.clone(), |_| panic!("stored kinds are not re-derived"));
    assert_eq!(p.key, key);
    assert_eq!(p.models, fetched);

    providers.delete(&b.id).unwrap();
    assert!(matches!(
        providers.get(&b.id),
        Err(StoreError::NotFound {
            what: "provider",
            ..
        })
    ));
    assert!(matches!(
        providers.delete(&b.id),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        providers.update("nope", &changed),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        providers.set_models("nope", &[]),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn models_cached_as_plain_ids_still_decode() {
    let db = common::open();
    let p = db
        .store
        .providers()
        .create(&common::provider_input("Old"))
        .unwrap();
    // What builds before model kinds wrote, next to what they write now.
    let conn = db.raw();
    conn.execute(
        "UPDATE providers SET models_json = ?2 WHERE id = ?1",
        [
            p.id.as_str(),
            r#"["gpt-4o",{"id":"dall-e-3","ownedBy":"openai","kind":"image"}]"#,
        ],
    )
    .unwrap();
    drop(conn);
    let record = db.store.providers().get(&p.id).unwrap();
    assert_eq!(
        record.models,
        [
            CachedModel {
                id: "gpt-4o".into(),
                owned_by: None,
                kind: None
            },
            CachedModel {
                id: "dall-e-3".into(),
                owned_by: Some("openai".into()),
                kind: Some(ModelKind::Image)
            },
        ]
    );
    let key = KeyState {
        is_set: false,
        last_four: None,
        session_only: false,
    };
    let provider = record.into_provider(key, |id| {
        assert_eq!(id, "gpt-4o", "only the plain id is classified");
        ModelKind::Chat
    });
    assert_eq!(provider.models[0], model("gpt-4o", ModelKind::Chat));
    assert_eq!(provider.models[1].kind, ModelKind::Image);
}

#[test]
fn provider_input_is_validated() {
    let db = common::open();
    let err = db
        .store
        .providers()
        .create(&common::provider_input("   "))
        .unwrap_err();
    let ipc: IpcError = err.into();
    assert_eq!(ipc.kind, ErrorKind::Invalid);
    let mut input = common::provider_input("ok");
    input.extra_headers = vec![HeaderPair {
        name: " ".into(),
        value: "v".into(),
    }];
    assert!(matches!(
        db.store.providers().create(&input),
        Err(StoreError::Invalid { .. })
    ));
}

#[test]
fn deleting_a_provider_keeps_its_conversations() {
    let db = common::open();
    let p = db
        .store
        .providers()
        .create(&common::provider_input("Gone soon"))
        .unwrap();
    let mut new = common::new_conversation();
    new.provider_id = Some(p.id.clone());
    let c = db.store.conversations().create(&new).unwrap();
    assert_eq!(c.provider_id.as_deref(), Some(p.id.as_str()));
    db.store.providers().delete(&p.id).unwrap();
    let c = db.store.conversations().get(&c.id).unwrap();
    assert_eq!(c.provider_id, None);
    assert_eq!(c.model.as_deref(), Some("gpt-4o-mini"));
}

#[test]
fn conversation_lifecycle() {
    let db = common::open_ticking();
    let convs = db.store.conversations();
    let c = convs.create(&common::new_conversation()).unwrap();
    assert_eq!(c.title, "");
    assert_eq!(c.message_count, 0);
    assert!(!c.pinned);
    assert_eq!(c.active_leaf_id, None);
    assert_eq!(convs.get(&c.id).unwrap(), c);

    assert_eq!(
        convs.rename(&c.id, "  Trip plan ").unwrap().title,
        "Trip plan"
    );
    assert!(convs.set_pinned(&c.id, true).unwrap().pinned);

    let p = db
        .store
        .providers()
        .create(&common::provider_input("P"))
        .unwrap();
    let params = ChatParams {
        system_prompt: Some("You are terse.".into()),
        temperature: Some(0.2),
        top_p: None,
        max_tokens: Some(512),
    };
    let settings = ConversationSettings {
        id: c.id.clone(),
        provider_id: Some(p.id.clone()),
        model: Some("claude".into()),
        params: params.clone(),
    };
    let c2 = convs.update_settings(&settings).unwrap();
    assert_eq!(c2.params, params);
    assert_eq!(c2.provider_id.as_deref(), Some(p.id.as_str()));
    let mut unknown = settings.clone();
    unknown.provider_id = Some("no-such-provider".into());
    assert!(matches!(
        convs.update_settings(&unknown),
        Err(StoreError::NotFound {
            what: "provider",
            ..
        })
    ));

    convs.touch(&c.id, 99_999).unwrap();
    assert_eq!(convs.get(&c.id).unwrap().updated_at, 99_999);

    let (_, a) = common::exchange(&db.store, &c.id, None, "hi", "hello");
    let other = convs.create(&common::new_conversation()).unwrap();
    let (_, foreign) = common::exchange(&db.store, &other.id, None, "x", "y");
    assert!(matches!(
        convs.set_active_leaf(&c.id, Some(&foreign.id)),
        Err(StoreError::NotFound {
            what: "message",
            ..
        })
    ));
    assert_eq!(
        convs.set_active_leaf(&c.id, None).unwrap().active_leaf_id,
        None
    );
    assert_eq!(
        convs
            .set_active_leaf(&c.id, Some(&a.id))
            .unwrap()
            .active_leaf_id
            .as_deref(),
        Some(a.id.as_str())
    );

    assert_eq!(convs.count().unwrap(), 2);
    convs.delete(&c.id).unwrap();
    assert!(matches!(convs.get(&c.id), Err(StoreError::NotFound { .. })));
    assert!(matches!(
        convs.delete(&c.id),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        convs.rename(&c.id, "x"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        convs.touch(&c.id, 1),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(convs.count().unwrap(), 1);
}

#[test]
fn conversation_delete_purges_messages_and_search_entries() {
    let db = common::open();
    let c = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let (u, a) = common::exchange(
        &db.store,
        &c.id,
        None,
        "zebra crossing rules",
        "zebras cross",
    );
    assert!(!db.store.search("zebra", 10).unwrap().is_empty());
    db.store.conversations().delete(&c.id).unwrap();
    assert!(db.store.search("zebra", 10).unwrap().is_empty());
    assert!(matches!(
        db.store.messages().get(&u.id),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        db.store.messages().get(&a.id),
        Err(StoreError::NotFound { .. })
    ));
    let left: i64 = db
        .raw()
        .query_row("SELECT COUNT(*) FROM messages", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
    db.raw()
        .execute_batch(
            "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)",
        )
        .unwrap();
}

#[test]
fn keyset_pages_cover_pinned_then_recent_without_gaps_or_repeats() {
    let db = common::open();
    let convs = db.store.conversations();
    let mut expected = Vec::new();
    for i in 0..23 {
        let c = convs.create(&common::new_conversation()).unwrap();
        // Ties on updated_at on purpose: the id breaks them.
        convs.touch(&c.id, 1_000 + (i % 5)).unwrap();
        let pinned = i % 4 == 0;
        convs.set_pinned(&c.id, pinned).unwrap();
        expected.push((pinned, 1_000 + (i % 5), c.id));
    }
    expected.sort_by(|a, b| b.cmp(a));

    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let page = convs.list_page(cursor.as_deref(), 5).unwrap();
        pages += 1;
        assert!(page.items.len() <= 5);
        seen.extend(
            page.items
                .iter()
                .map(|c| (c.pinned, c.updated_at, c.id.clone())),
        );
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(pages, 5);
    assert_eq!(seen, expected);
    assert_eq!(seen.iter().map(|s| &s.2).collect::<HashSet<_>>().len(), 23);
    assert!(seen[..6].iter().all(|s| s.0), "the 6 pinned come first");

    // A full last page has no cursor; limits are clamped.
    let all = convs.list_page(None, 1_000).unwrap();
    assert_eq!(all.items.len(), 23);
    assert_eq!(all.next_cursor, None);
    assert_eq!(convs.list_page(None, 0).unwrap().items.len(), 1);

    let bad = convs.list_page(Some("not-a-cursor"), 5).unwrap_err();
    assert!(matches!(bad, StoreError::Invalid { .. }));
}

#[test]
fn corrupt_params_are_an_error_not_a_default_and_settings_repair_them() {
    let db = common::open();
    let mut new = common::new_conversation();
    new.params.temperature = Some(0.7);
    let c = db.store.conversations().create(&new).unwrap();
    db.raw()
        .execute(
            "UPDATE conversations SET params_json = '{\"temperature\": \"warm' WHERE id = ?1",
            [&c.id],
        )
        .unwrap();

    let err = db.store.conversations().get(&c.id).unwrap_err();
    match &err {
        StoreError::Corrupt { table, id, reason } => {
            assert_eq!(*table, "conversations");
            assert_eq!(id, &c.id);
            assert!(reason.contains("params_json"), "{reason}");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert!(matches!(
        db.store.conversations().list_page(None, 10),
        Err(StoreError::Corrupt { .. })
    ));
    let ipc: IpcError = err.into();
    assert_eq!(ipc.kind, ErrorKind::Storage);

    // Writing new settings replaces the damaged value without reading it.
    let fixed = db
        .store
        .conversations()
        .update_settings(&ConversationSettings {
            id: c.id.clone(),
            provider_id: None,
            model: Some("m".into()),
            params: ChatParams::default(),
        })
        .unwrap();
    assert_eq!(fixed.params, ChatParams::default());
}

#[test]
fn no_key_column_anywhere() {
    let db = common::open();
    let conn = db.raw();
    let columns: Vec<String> = conn
        .prepare(
            "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p
             WHERE m.type = 'table'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(columns.iter().any(|c| c == "providers.base_url"));
    for c in &columns {
        let lower = c.to_lowercase();
        assert!(
            !lower.contains("key") && !lower.contains("secret") && !lower.contains("token"),
            "suspicious column {c}"
        );
    }
}
