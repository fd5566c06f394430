//! Error responses: the OpenAI error shape unless a fault is about another shape
//! (HTML pages from proxies and Cloudflare).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// `{"error":{"message","type","param","code"}}` with `status`.
pub fn openai(
    status: u16,
    message: &str,
    kind: &str,
    param: Option<&str>,
    code: Option<&str>,
) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = json!({"error": {"message": message, "type": kind, "param": param, "code": code}});
    (status, Json(body)).into_response()
}

/// Never echoes the key that was sent.
pub fn invalid_api_key() -> Response {
    openai(
        401,
        "Incorrect API key provided.",
        "invalid_request_error",
        None,
        Some("invalid_api_key"),
    )
}

pub fn model_not_found(model: &str) -> Response {
    let message = format!("The model `{model}` does not exist or you do not have access to it.");
    openai(
        404,
        &message,
        "invalid_request_error",
        Some("model"),
        Some("model_not_found"),
    )
}

/// What OpenAI answers for a path it does not serve.
pub fn invalid_url(method: &str, path: &str) -> Response {
    let message = format!("Invalid URL ({method} {path})");
    openai(404, &message, "invalid_request_error", None, None)
}

pub fn method_not_allowed(method: &str, path: &str) -> Response {
    let message = format!("Method {method} is not allowed for {path}");
    openai(
        405,
        &message,
        "invalid_request_error",
        None,
        Some("method_not_allowed"),
    )
}

pub fn bad_request(message: &str, param: Option<&str>) -> Response {
    openai(400, message, "invalid_request_error", param, None)
}

/// A 400 whose body names nothing useful, with empty type and code, as a gateway answered
/// a wrong key.
pub fn no_connected_db() -> Response {
    let body = json!({"error": {"message": "No connected db.", "type": "", "code": ""}});
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

pub fn unknown_scenario(name: &str) -> Response {
    let message = format!(
        "Unknown simulator scenario `{name}`; see portico_sim::SCENARIOS for the supported names."
    );
    openai(
        400,
        &message,
        "invalid_request_error",
        None,
        Some("unknown_scenario"),
    )
}

/// An HTML page, as proxies and CDNs send in front of a broken gateway.
pub fn html(status: u16, title: &str, heading: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"UTF-8\" />\n<title>{title}</title>\n</head>\n<body>\n<h1>{heading}</h1>\n<p>The web server reported an error. Ray ID: 8f1e2d3c4b5a6978</p>\n</body>\n</html>\n"
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=UTF-8")],
        page,
    )
        .into_response()
}

/// The Cloudflare origin-timeout page.
pub fn cloudflare_524() -> Response {
    html(
        524,
        "sim.portico.local | 524: A timeout occurred",
        "A timeout occurred (Error code 524)",
    )
}
