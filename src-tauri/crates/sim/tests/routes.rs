//! Models list, base-URL spellings, key checks, admin routes and request recording.

mod common;

use common::{chat, client, post_chat, sim, sim_with};
use portico_sim::{SimConfig, SCENARIOS};
use serde_json::{json, Value};

#[tokio::test]
async fn models_list_has_the_openai_shape_and_gateway_quirks() {
    let sim = sim().await;
    let resp = client()
        .get(format!("{}/v1/models", sim.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["object"], "list");
    let data = v["data"].as_array().unwrap();
    let ids: Vec<&str> = data.iter().map(|m| m["id"].as_str().unwrap()).collect();
    for id in [
        "demo-chat",
        "demo-reasoner",
        "demo-reasoning-field",
        "demo-think",
        "demo-slow",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert_eq!(ids, portico_sim::model_ids());
    assert!(data.iter().all(|m| m["object"] == "model"));
    assert!(data
        .iter()
        .all(|m| m.get("supported_endpoint_types").is_some()));
    let quirky = data.iter().find(|m| m["created"] == 0).unwrap();
    assert!(quirky.get("owned_by").is_none());
    assert!(data
        .iter()
        .filter(|m| m["created"] != 0)
        .all(|m| m["owned_by"].is_string()));
}

#[tokio::test]
async fn every_base_spelling_is_served() {
    let sim = sim().await;
    for prefix in ["/v1", "/openai/v1", "/openai", ""] {
        let url = format!("{}{prefix}/models", sim.base_url());
        let resp = client().get(&url).send().await.unwrap();
        assert_eq!(resp.status(), 200, "{url}");
        let url = format!("{}{prefix}/chat/completions", sim.base_url());
        let resp = client()
            .post(&url)
            .json(&chat("demo-chat", "hi", false))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200, "{url}");
    }
    let paths: Vec<String> = sim.requests().into_iter().map(|r| r.path).collect();
    assert!(paths.contains(&"/openai/chat/completions".to_string()));
    assert!(paths.contains(&"/models".to_string()));
}

#[tokio::test]
async fn unknown_paths_methods_models_and_bodies_get_openai_errors() {
    let sim = sim().await;
    let base = sim.base_url();
    let resp = client()
        .get(format!("{base}/v1/v1/models"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["message"], "Invalid URL (GET /v1/v1/models)");

    let resp = client()
        .get(format!("{base}/v1/chat/completions"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 405);

    let resp = post_chat(&sim, None, &chat("no-such-model", "hi", true)).await;
    assert_eq!(resp.status(), 404);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["code"], "model_not_found");
    assert_eq!(v["error"]["type"], "invalid_request_error");

    let resp = client()
        .post(format!("{base}/v1/chat/completions"))
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let resp = post_chat(&sim, None, &json!({"model": "demo-chat"})).await;
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["error"]["param"], "messages");

    let resp = client()
        .get(format!("{base}/v1/models/sim/demo-mini"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.json::<Value>().await.unwrap()["id"], "sim/demo-mini");
}

#[tokio::test]
async fn key_is_checked_on_every_route_but_admin_and_never_echoed() {
    let sim = sim_with(SimConfig {
        required_key: Some("sk-right-1234".into()),
        ..SimConfig::default()
    })
    .await;
    let base = sim.base_url();
    let get = |auth: Option<&'static str>| {
        let mut req = client().get(format!("{base}/v1/models"));
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        req.send()
    };
    assert_eq!(
        get(Some("Bearer sk-right-1234")).await.unwrap().status(),
        200
    );
    assert_eq!(get(Some("sk-right-1234")).await.unwrap().status(), 200);
    for auth in [None, Some("Bearer sk-wrong-secret-9876")] {
        let resp = get(auth).await.unwrap();
        assert_eq!(resp.status(), 401);
        let text = resp.text().await.unwrap();
        assert!(!text.contains("sk-wrong-secret-9876"));
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            v,
            json!({"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}})
        );
    }
    // Chat too, before any model check or scenario.
    let resp = post_chat(&sim, Some("http_500"), &chat("nope", "hi", true)).await;
    assert_eq!(resp.status(), 401);
    // Admin needs no key.
    let resp = client()
        .get(format!("{base}/__sim/requests"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
}

#[tokio::test]
async fn requests_are_recorded_with_headers_and_body() {
    let sim = sim().await;
    let body = chat("demo-chat", "record me", false);
    client()
        .post(format!("{}/openai/v1/chat/completions?x=1", sim.base_url()))
        .header("authorization", "Bearer sk-abc")
        .json(&body)
        .send()
        .await
        .unwrap();
    let reqs = sim.requests();
    assert_eq!(reqs.len(), 1);
    let r = &reqs[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, "/openai/v1/chat/completions");
    assert_eq!(r.query.as_deref(), Some("x=1"));
    assert_eq!(r.header("Authorization"), Some("Bearer sk-abc"));
    assert_eq!(r.body_json().unwrap(), body);

    // The admin view returns the same, and is itself not recorded.
    let admin: Value = client()
        .get(format!("{}/__sim/requests", sim.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(admin.as_array().unwrap().len(), 1);
    assert_eq!(admin[0]["path"], "/openai/v1/chat/completions");
    sim.clear_requests();
    assert!(sim.requests().is_empty());
}

#[tokio::test]
async fn admin_sets_and_resets_the_default_scenario() {
    let sim = sim().await;
    let base = sim.base_url();
    let admin = |path: &'static str, body: Value| {
        client()
            .post(format!("{base}/__sim/{path}"))
            .json(&body)
            .send()
    };
    let resp = admin("scenario", json!({"scenario": "http_503"}))
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        post_chat(&sim, None, &chat("demo-chat", "x", false))
            .await
            .status(),
        503
    );
    // A header overrides the default.
    assert_eq!(
        post_chat(&sim, Some("ok"), &chat("demo-chat", "x", false))
            .await
            .status(),
        200
    );

    let resp = admin("scenario", json!({"scenario": "bogus"}))
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let resp = admin("reset", json!({})).await.unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        post_chat(&sim, None, &chat("demo-chat", "x", false))
            .await
            .status(),
        200
    );
    assert!(sim.requests().len() == 1, "reset clears the record");

    sim.set_scenario("http_502");
    assert_eq!(
        post_chat(&sim, None, &chat("demo-chat", "x", false))
            .await
            .status(),
        502
    );
    sim.set_scenario("ok");
    assert_eq!(
        post_chat(&sim, None, &chat("demo-chat", "x", false))
            .await
            .status(),
        200
    );

    let listed: Value = client()
        .get(format!("{base}/__sim/scenarios"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        listed["scenarios"].as_array().unwrap().len(),
        SCENARIOS.len()
    );
    let resp = post_chat(&sim, Some("no_such_thing"), &chat("demo-chat", "x", false)).await;
    assert_eq!(resp.status(), 400);
    assert_eq!(
        resp.json::<Value>().await.unwrap()["error"]["code"],
        "unknown_scenario"
    );
}

#[tokio::test]
async fn shutdown_frees_the_port() {
    let sim = sim().await;
    let addr = sim.addr();
    assert!(addr.ip().is_loopback());
    assert_eq!(sim.base_url(), format!("http://127.0.0.1:{}", addr.port()));
    sim.shutdown().await;
    let again = portico_sim::start_on(SimConfig::default(), addr.port()).await;
    assert!(again.is_ok(), "port reusable after shutdown");
    assert!(client()
        .get(format!("http://{addr}/v1/models"))
        .send()
        .await
        .is_ok());
}
