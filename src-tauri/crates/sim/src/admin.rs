//! `/__sim/...`: control routes for tests and the demo. No key needed, and not
//! recorded, so they never show up in what a test asserts about its client.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::errors;
use crate::scenario::SCENARIOS;
use crate::server::Shared;

pub fn handle(shared: &Shared, method: &str, route: &str, body: &[u8]) -> Response {
    match (method, route.trim_end_matches('/')) {
        ("POST", "scenario") => set_scenario(shared, body),
        ("GET", "scenario") => Json(json!({"scenario": shared.default_scenario()})).into_response(),
        ("GET", "scenarios") => Json(json!({"scenarios": SCENARIOS})).into_response(),
        ("GET", "requests") => Json(shared.requests()).into_response(),
        ("DELETE", "requests") => {
            shared.clear_requests();
            StatusCode::NO_CONTENT.into_response()
        }
        ("POST", "reset") => {
            shared.reset();
            Json(json!({"scenario": "ok"})).into_response()
        }
        _ => errors::invalid_url(method, &format!("/__sim/{route}")),
    }
}

/// Body `{"scenario":"name"}`; a comma-separated list combines scenarios.
fn set_scenario(shared: &Shared, body: &[u8]) -> Response {
    let name = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("scenario")?.as_str().map(str::to_string));
    let Some(name) = name else {
        return errors::bad_request("expected {\"scenario\": \"<name>\"}", Some("scenario"));
    };
    if let Some(unknown) = name
        .split(',')
        .map(str::trim)
        .find(|n| !n.is_empty() && !SCENARIOS.contains(n))
    {
        return errors::unknown_scenario(unknown);
    }
    shared.set_default_scenario(&name);
    Json(json!({"scenario": name.trim()})).into_response()
}
