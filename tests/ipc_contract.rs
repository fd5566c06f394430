//! The IPC contract through Tauri's mock runtime: every command of the contract's table is
//! registered, requests deserialize as the generated TypeScript sends them (`{ req }`), and
//! errors cross as `{kind, message, retryable}`.

use std::sync::Arc;

use portico_app::AppServices;
use portico_core::secrets::MemoryStore;
use portico_core::{ChatTuning, Core, CoreConfig, NullNotifier};
use portico_gateway::GatewayClient;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

struct TestApp {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

fn app() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let app = portico_app::with_commands(mock_builder())
        .build(mock_context(noop_assets()))
        .unwrap();
    let core = Core::open(CoreConfig {
        data_dir: dir.path().to_path_buf(),
        demo_base_url: None,
        secret_store: Arc::new(MemoryStore::default()),
        notifier: Arc::new(NullNotifier),
        gateway: GatewayClient::new().unwrap(),
        tuning: ChatTuning::default(),
    })
    .unwrap();
    app.manage(AppServices { core, _demo: None });
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    TestApp {
        _app: app,
        window,
        _dir: dir,
    }
}

fn invoke(app: &TestApp, cmd: &str, body: Value) -> Result<Value, Value> {
    get_ipc_response(
        &app.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|r| r.deserialize::<Value>().unwrap())
}

#[test]
fn every_command_in_the_contract_is_registered() {
    let app = app();
    for name in portico_types::COMMAND_NAMES {
        // An empty body may be refused for its shape, but never as an unknown command.
        if let Err(e) = invoke(&app, name, json!({})) {
            let text = e.to_string();
            assert!(
                !text.contains("not found"),
                "{name} is not registered: {text}"
            );
        }
    }
    let unknown = invoke(&app, "no_such_command", json!({})).unwrap_err();
    assert!(unknown.to_string().contains("not found"), "{unknown}");
}

#[test]
fn errors_cross_as_kind_message_retryable() {
    let app = app();
    let err = invoke(
        &app,
        "conversation_get",
        json!({ "req": { "id": "missing" } }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "notFound", "{err}");
    assert_eq!(err["retryable"], false);
    assert!(err["message"].as_str().unwrap().len() > 5);

    let err = invoke(
        &app,
        "provider_create",
        json!({ "req": { "name": "x", "presetId": "custom", "baseUrl": "not a url", "exactBaseUrl": false,
                          "auth": "bearer", "extraHeaders": [] } }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "invalid", "{err}");
}

#[test]
fn providers_round_trip_in_camel_case_and_never_return_the_key() {
    let app = app();
    let created = invoke(
        &app,
        "provider_create",
        json!({ "req": { "name": "My gateway", "presetId": "custom", "baseUrl": "https://gw.example.com/v1",
                          "exactBaseUrl": false, "auth": "bearer",
                          "extraHeaders": [{ "name": "X-Team", "value": "blue" }] } }),
    )
    .unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["baseUrl"], "https://gw.example.com/v1");
    assert_eq!(created["key"]["isSet"], false);

    let key = "sk-ipc-contract-secret-31c4";
    let with_key = invoke(
        &app,
        "provider_set_key",
        json!({ "req": { "providerId": id, "key": key, "sessionOnly": false } }),
    )
    .unwrap();
    assert_eq!(with_key["key"]["isSet"], true);
    assert_eq!(with_key["key"]["lastFour"], "31c4");
    let listed = invoke(&app, "provider_list", json!({})).unwrap();
    assert!(!listed.to_string().contains(key), "the key went to the UI");
    assert_eq!(listed.as_array().unwrap().len(), 1);

    let presets = invoke(&app, "provider_presets", json!({})).unwrap();
    assert!(presets
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["offlineDemo"] == true));
}

#[test]
fn conversations_page_and_search_through_ipc() {
    let app = app();
    let c = invoke(
        &app,
        "conversation_create",
        json!({ "req": { "params": {} } }),
    )
    .unwrap();
    let id = c["id"].as_str().unwrap();
    invoke(
        &app,
        "conversation_rename",
        json!({ "req": { "id": id, "title": "Trip to Kyoto 京都" } }),
    )
    .unwrap();
    invoke(
        &app,
        "conversation_pin",
        json!({ "req": { "id": id, "pinned": true } }),
    )
    .unwrap();
    let page = invoke(&app, "conversation_list", json!({ "req": { "limit": 20 } })).unwrap();
    assert_eq!(page["items"][0]["title"], "Trip to Kyoto 京都");
    assert_eq!(page["items"][0]["pinned"], true);
    let hits = invoke(
        &app,
        "search",
        json!({ "req": { "query": "京都", "limit": 10 } }),
    )
    .unwrap();
    assert_eq!(hits[0]["conversationId"], id);
    let info = invoke(&app, "app_info", json!({})).unwrap();
    assert_eq!(info["firstRun"], true);
}

#[test]
fn drafts_save_list_move_and_clear_through_ipc() {
    let app = app();
    let c = invoke(
        &app,
        "conversation_create",
        json!({ "req": { "params": {} } }),
    )
    .unwrap();
    let id = c["id"].as_str().unwrap();
    invoke(
        &app,
        "draft_save",
        json!({ "req": { "text": "new chat draft" } }),
    )
    .unwrap();
    invoke(
        &app,
        "draft_save",
        json!({ "req": { "conversationId": id, "text": "草稿 in a conversation" } }),
    )
    .unwrap();
    let listed = invoke(&app, "draft_list", json!({})).unwrap();
    let mut drafts: Vec<(Value, Value)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["conversationId"].clone(), d["text"].clone()))
        .collect();
    drafts.sort_by_key(|(id, _)| id.to_string());
    assert_eq!(
        drafts,
        [
            (json!(id), json!("草稿 in a conversation")),
            (Value::Null, json!("new chat draft")),
        ]
    );

    invoke(
        &app,
        "draft_move",
        json!({ "req": { "conversationId": id } }),
    )
    .unwrap();
    let listed = invoke(&app, "draft_list", json!({})).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(listed[0]["conversationId"], id);
    assert_eq!(listed[0]["text"], "new chat draft");

    invoke(
        &app,
        "draft_save",
        json!({ "req": { "conversationId": id, "text": "" } }),
    )
    .unwrap();
    assert_eq!(invoke(&app, "draft_list", json!({})).unwrap(), json!([]));

    let err = invoke(
        &app,
        "draft_save",
        json!({ "req": { "conversationId": "gone", "text": "late" } }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "notFound", "{err}");
}
