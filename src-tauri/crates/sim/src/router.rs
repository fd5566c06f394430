//! One entry point for every request: record it, serve admin routes, check the
//! key, apply response-level faults, then route on the path with any of the
//! base spellings gateways use (`/v1`, `/openai/v1`, `/openai`, none).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::response::Response;
use axum::Router;

use crate::record::RecordedRequest;
use crate::scenario::Plan;
use crate::server::Shared;
use crate::{admin, auth, chat, errors, faults, models};

/// Large enough for inline base64 images and videos in a chat body.
const BODY_LIMIT: usize = 256 * 1024 * 1024;

pub fn build(shared: Arc<Shared>) -> Router {
    Router::new().fallback(dispatch).with_state(shared)
}

/// The resource path after any accepted base prefix, without slashes around it.
fn resource(path: &str) -> &str {
    let path = path.trim_end_matches('/');
    ["/openai/v1/", "/v1/", "/openai/", "/"]
        .iter()
        .find_map(|prefix| path.strip_prefix(prefix))
        .unwrap_or(path)
}

async fn dispatch(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        return errors::openai(
            413,
            "Request body too large or unreadable.",
            "invalid_request_error",
            None,
            Some("request_too_large"),
        );
    };
    let method = parts.method.as_str();
    let path = parts.uri.path();
    if let Some(route) = path.strip_prefix("/__sim/") {
        return admin::handle(&shared, method, route, &body);
    }
    shared.record(RecordedRequest {
        method: method.to_string(),
        path: path.to_string(),
        query: parts.uri.query().map(str::to_string),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: String::from_utf8_lossy(&body).into_owned(),
    });

    if !auth::authorized(shared.config.required_key.as_deref(), &parts.headers) {
        return errors::invalid_api_key();
    }
    let plan = match Plan::select(&shared, &parts.headers) {
        Ok(plan) => plan,
        Err(unknown) => return errors::unknown_scenario(&unknown),
    };
    if let Some(response) = faults::apply(&shared, &plan, method, path).await {
        return response;
    }
    match (method, resource(path)) {
        ("GET", "models") => models::list(),
        ("GET", r) if r.starts_with("models/") => models::retrieve(&r["models/".len()..]),
        ("POST", "chat/completions") => chat::handle(shared.clone(), plan, &body).await,
        (_, "models" | "chat/completions") => errors::method_not_allowed(method, path),
        _ => errors::invalid_url(method, path),
    }
}

#[cfg(test)]
mod tests {
    use super::resource;

    #[test]
    fn every_base_spelling_reaches_the_resource() {
        for p in [
            "/v1/chat/completions",
            "/openai/v1/chat/completions",
            "/openai/chat/completions",
            "/chat/completions",
            "/v1/chat/completions/",
        ] {
            assert_eq!(resource(p), "chat/completions", "{p}");
        }
        assert_eq!(resource("/v1/models/sim/demo-mini"), "models/sim/demo-mini");
        assert_eq!(resource("/v1/v1/models"), "v1/models");
    }
}
