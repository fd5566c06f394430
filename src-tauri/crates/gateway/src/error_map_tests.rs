use super::*;
use portico_types::ErrorReason;
use serde_json::json;

fn map(status: u16, body: &str) -> GatewayError {
    from_http(status, Some("application/json"), None, body.as_bytes())
}

const OPENAI_401: &str = r#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#;

#[test]
fn status_table() {
    let cases = [
        (400, ErrorKind::BadRequest),
        (401, ErrorKind::Auth),
        (402, ErrorKind::OutOfCredit),
        (403, ErrorKind::Forbidden),
        (404, ErrorKind::NotFound),
        (405, ErrorKind::NotFound),
        (408, ErrorKind::Timeout),
        (409, ErrorKind::BadRequest),
        (418, ErrorKind::BadRequest),
        (302, ErrorKind::InvalidResponse),
        (413, ErrorKind::BadRequest),
        (422, ErrorKind::BadRequest),
        (429, ErrorKind::RateLimited),
        (500, ErrorKind::GatewayDown),
        (502, ErrorKind::GatewayDown),
        (503, ErrorKind::GatewayDown),
        (504, ErrorKind::Timeout),
        (520, ErrorKind::GatewayDown),
        (524, ErrorKind::Timeout),
        (529, ErrorKind::GatewayDown),
    ];
    for (status, kind) in cases {
        let e = map(status, r#"{"error":{"message":"boom"}}"#);
        assert_eq!(e.kind, kind, "HTTP {status}");
        assert_eq!(e.status, Some(status));
        assert!(e
            .detail
            .as_deref()
            .unwrap()
            .starts_with(&format!("HTTP {status}")));
    }
}

#[test]
fn extraction_cascade_first_match_wins() {
    let cases = [
        (json!({"error":{"message":"a"},"message":"b"}), "a"),
        (json!({"error":{"error":{"message":"double"}}}), "double"),
        (json!({"error":"plain string"}), "plain string"),
        (json!({"message":"top"}), "top"),
        (json!({"msg":"m"}), "m"),
        (
            json!({"base_resp":{"status_code":1004,"status_msg":"login fail"}}),
            "login fail",
        ),
        (json!({"code":23,"description":"mj says no"}), "mj says no"),
        (json!({"detail":"fastapi"}), "fastapi"),
        (
            json!({"error":{"message":""},"message":"fallback"}),
            "fallback",
        ),
    ];
    for (body, want) in cases {
        assert_eq!(
            read_body_error(&body).message.as_deref(),
            Some(want),
            "{body}"
        );
    }
}

#[test]
fn codes_may_be_strings_or_numbers() {
    assert_eq!(
        read_body_error(&json!({"error":{"code":429}}))
            .code
            .as_deref(),
        Some("429")
    );
    assert_eq!(
        read_body_error(&json!({"error":{"code":"invalid_api_key"}}))
            .code
            .as_deref(),
        Some("invalid_api_key")
    );
    let g =
        json!({"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT"}});
    assert_eq!(
        read_body_error(&g).kind_hint.as_deref(),
        Some("INVALID_ARGUMENT")
    );
}

#[test]
fn auth_message_is_actionable_and_detail_keeps_evidence() {
    let e = map(401, OPENAI_401);
    assert_eq!(e.kind, ErrorKind::Auth);
    assert_eq!(
        e.message,
        "The gateway rejected the API key. Check the key in Settings → Providers."
    );
    assert_eq!(e.code.as_deref(), Some("invalid_api_key"));
    assert!(e.detail.unwrap().contains("Incorrect API key provided"));
}

#[test]
fn quota_and_billing_overrides() {
    let quota = r#"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}"#;
    let e = map(429, quota);
    assert_eq!(e.kind, ErrorKind::OutOfCredit);
    assert!(!e.is_retryable());
    assert_eq!(
        map(403, r#"{"error":{"message":"用户余额不足"}}"#).kind,
        ErrorKind::OutOfCredit
    );
    assert_eq!(
        map(
            403,
            r#"{"error":{"message":"Your credit balance is too low"}}"#
        )
        .kind,
        ErrorKind::OutOfCredit
    );
    // Plain 403 and a per-minute "quota" rate limit stay what their status says.
    assert_eq!(
        map(
            403,
            r#"{"error":{"message":"model not allowed for group"}}"#
        )
        .kind,
        ErrorKind::Forbidden
    );
    assert_eq!(
        map(429, r#"{"error":{"message":"Quota exceeded for requests per minute","status":"RESOURCE_EXHAUSTED"}}"#).kind,
        ErrorKind::RateLimited
    );
    // "Invalid credentials" is not about credit.
    assert_eq!(
        map(403, r#"{"message":"Invalid credentials"}"#).kind,
        ErrorKind::Forbidden
    );
}

#[test]
fn rate_limit_message_names_the_wait() {
    let e = from_http(429, None, Some(Duration::from_millis(2300)), b"{}");
    assert_eq!(e.kind, ErrorKind::RateLimited);
    assert_eq!(e.retry_after, Some(Duration::from_millis(2300)));
    assert!(e.message.contains("Try again in 3 s"), "{}", e.message);
}

#[test]
fn bad_request_quotes_the_gateway() {
    let e = map(
        400,
        r#"{"error":{"message":"Unsupported parameter: 'temperature'","param":"temperature"}}"#,
    );
    assert_eq!(e.kind, ErrorKind::BadRequest);
    assert!(
        e.message.contains("Unsupported parameter: 'temperature'"),
        "{}",
        e.message
    );
    assert!(map(413, "{}").message.contains("too large"));
}

#[test]
fn html_pages_show_the_title() {
    let page = "<!DOCTYPE html>\n<html><head><title>example.com | 524: A timeout occurred</title>\
        <style>body{}</style></head><body><h1>A timeout occurred</h1><script>x()</script></body></html>";
    let e = from_http(524, Some("text/html; charset=UTF-8"), None, page.as_bytes());
    assert_eq!(e.kind, ErrorKind::Timeout);
    assert_eq!(e.status, Some(524));
    assert!(
        e.message.starts_with(
            "The gateway returned an error page (HTTP 524: example.com | 524: A timeout occurred)."
        ),
        "{}",
        e.message
    );
    assert!(e.message.contains("streaming"));
    let detail = e.detail.unwrap();
    assert!(
        detail.contains("A timeout occurred")
            && !detail.contains("<h1>")
            && !detail.contains("x()")
    );

    // An HTML page with status 200 and a wrong content type is still an error page.
    let e = from_http(
        200,
        Some("text/plain"),
        None,
        b"  <html><title>502 Bad Gateway</title></html>",
    );
    assert_eq!(e.kind, ErrorKind::GatewayDown);
    assert!(
        e.message.contains("(HTTP 200: 502 Bad Gateway)"),
        "{}",
        e.message
    );
    let e = from_http(
        502,
        Some("text/html"),
        None,
        b"<html><body>nginx</body></html>",
    );
    assert!(e.message.contains("(HTTP 502: no title)"), "{}", e.message);
}

#[test]
fn plain_text_bodies_are_quoted() {
    let e = from_http(
        503,
        Some("text/plain"),
        None,
        b"no available channel for model x",
    );
    assert_eq!(e.kind, ErrorKind::GatewayDown);
    assert!(e.message.contains("no available channel"), "{}", e.message);
}

#[test]
fn error_bodies_in_a_200() {
    assert!(is_error_body(&json!({"error":{"message":"x"}})));
    assert!(is_error_body(
        &json!({"type":"error","error":{"type":"overloaded_error"}})
    ));
    assert!(is_error_body(
        &json!({"base_resp":{"status_code":1008,"status_msg":"balance"}})
    ));
    assert!(!is_error_body(&json!({"error":null,"choices":[]})));
    assert!(!is_error_body(&json!({"base_resp":{"status_code":0}})));
    let e = map(200, OPENAI_401);
    assert_eq!(e.kind, ErrorKind::Auth);
    let e = map(
        200,
        r#"{"error":{"message":"upstream exploded","type":"upstream_error"}}"#,
    );
    assert_eq!(e.kind, ErrorKind::GatewayDown);
    assert!(e.message.contains("upstream exploded"));
    assert_eq!(
        map(
            200,
            r#"{"base_resp":{"status_code":1008,"status_msg":"insufficient balance"}}"#
        )
        .kind,
        ErrorKind::OutOfCredit
    );
}

#[test]
fn stream_payload_errors() {
    let e = from_stream_payload(
        r#"{"error":{"message":"upstream timeout","type":"upstream_error","code":"504"}}"#,
    );
    assert_eq!(e.kind, ErrorKind::Timeout);
    assert!(e.message.contains("upstream timeout"), "{}", e.message);
    let e = from_stream_payload(
        r#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#,
    );
    assert_eq!(e.kind, ErrorKind::GatewayDown);
    assert!(e.message.contains("Overloaded"));
    let e = from_stream_payload("something broke upstream");
    assert!(e.message.contains("something broke upstream"));
    let e = from_stream_payload("");
    assert!(e.message.contains("An error occurred during streaming"));
    let e = from_stream_payload(r#"{"error":{"message":"slow down","type":"rate_limit_error"}}"#);
    assert_eq!(e.kind, ErrorKind::RateLimited);
}

#[test]
fn strip_html_keeps_text() {
    assert_eq!(strip_html("<p>a &amp; b</p><br/>c"), "a & b c");
    assert_eq!(strip_html("<p>unterminated <b"), "unterminated");
}

#[test]
fn a_code_that_repeats_the_status_is_not_repeated() {
    let e = map(500, r#"{"error":{"message":"upstream failed","code":500}}"#);
    assert_eq!(e.code.as_deref(), Some("500"));
    let detail = e.detail.unwrap();
    assert!(detail.starts_with("HTTP 500: upstream failed"), "{detail}");
    assert!(!detail.contains("HTTP 500 (500)"), "{detail}");
    // A code that says more than the status stays.
    let e = map(500, r#"{"error":{"message":"x","code":"server_error"}}"#);
    assert!(e.detail.unwrap().starts_with("HTTP 500 (server_error): x"));
}

#[test]
fn the_gateways_own_words_are_kept_as_they_came() {
    let e = map(
        503,
        r#"{"error":{"message":"当前分组无可用渠道","code":"model_not_available"}}"#,
    );
    assert_eq!(e.gateway_message.as_deref(), Some("当前分组无可用渠道"));
    assert_eq!(e.code.as_deref(), Some("model_not_available"));
    assert_eq!(e.status, Some(503));
    // A plain-text body is quoted too.
    let e = from_http(502, Some("text/plain"), None, b"bad gateway upstream");
    assert_eq!(e.gateway_message.as_deref(), Some("bad gateway upstream"));
}

#[test]
fn context_overflow_bodies_are_recognised() {
    let overflows = [
        r#"{"error":{"message":"This model's maximum context length is 8192 tokens. However, your messages resulted in 9317 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}"#,
        r#"{"error":{"message":"This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (1000 in the messages, 4000 in the completion).","type":"BadRequestError"}}"#,
        r#"{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}}"#,
        r#"{"error":{"code":400,"message":"The input token count (40000) exceeds the maximum number of tokens allowed (32768).","status":"INVALID_ARGUMENT"}}"#,
        r#"{"error":{"message":"Input is too long for requested model."}}"#,
        r#"{"code":400,"msg":"请求的上下文长度超过模型限制"}"#,
    ];
    for body in overflows {
        let e = map(400, body);
        assert_eq!(e.kind, ErrorKind::BadRequest, "{body}");
        assert_eq!(e.reason, Some(ErrorReason::ContextTooLong), "{body}");
    }
    // Errors about tokens that are not about the history's length.
    let others = [
        r#"{"error":{"message":"max_tokens must be at most 4096 for this model","param":"max_tokens"}}"#,
        r#"{"error":{"message":"Unsupported parameter: 'temperature'","code":"unsupported_parameter"}}"#,
        r#"{"error":{"message":"Invalid token"}}"#,
        r#"{"error":{"message":"No connected db.","type":"","code":""}}"#,
    ];
    for body in others {
        assert_eq!(map(400, body).reason, None, "{body}");
    }
}

#[test]
fn a_400_that_names_nothing_stays_a_plain_bad_request() {
    let e = map(
        400,
        r#"{"error":{"message":"No connected db.","type":"","code":""}}"#,
    );
    assert_eq!(e.kind, ErrorKind::BadRequest);
    assert_eq!(e.reason, None);
    assert_eq!(e.code, None);
    assert_eq!(e.gateway_message.as_deref(), Some("No connected db."));
}

#[test]
fn finer_reasons_by_status() {
    assert_eq!(map(413, "{}").reason, Some(ErrorReason::RequestTooLarge));
    assert_eq!(map(405, "{}").reason, Some(ErrorReason::WrongMethod));
    assert_eq!(map(408, "{}").reason, Some(ErrorReason::RequestTimeout));
    assert_eq!(map(504, "{}").reason, Some(ErrorReason::UpstreamTimeout));
    assert_eq!(
        map(200, r#"{"error":{"message":"overloaded"}}"#).reason,
        Some(ErrorReason::ErrorInReply)
    );
    assert_eq!(map(401, OPENAI_401).reason, None);
}

#[test]
fn a_context_overflow_inside_a_stream_is_recognised() {
    let e = from_stream_payload(
        r#"{"error":{"message":"This model's maximum context length is 8192 tokens.","code":"context_length_exceeded"}}"#,
    );
    assert_eq!(e.reason, Some(ErrorReason::ContextTooLong));
    let e =
        from_stream_payload(r#"{"error":{"message":"upstream timeout","code":"timeout_error"}}"#);
    assert_eq!(e.reason, Some(ErrorReason::ErrorMidReply));
    assert_eq!(e.gateway_message.as_deref(), Some("upstream timeout"));
}
