//! Every framing and transport scenario of the sim reassembles to exactly the reply the sim
//! sends as plain JSON, over real loopback HTTP.

mod common;

use common::*;

const PROMPT: &str = "Explain how a gateway streams tokens sim:words=80";
const CJK_PROMPT: &str = "请解释网关如何流式传输令牌，并举例说明 🎉 sim:words=60";

async fn assert_reassembles(scenario: &str, prompt: &str) {
    let sim = sim_with_key().await;
    let (_, want) = expected(&sim, "demo-chat", prompt).await;
    assert!(want.len() > 100, "expected text too short: {want:?}");
    let reply = chat(
        &client(),
        &endpoint(&sim, scenario),
        &request("demo-chat", prompt, true),
    )
    .await
    .unwrap_or_else(|e| panic!("{scenario}: {e:?}"));
    assert!(reply.error.is_none(), "{scenario}: {:?}", reply.error);
    assert_eq!(reply.text, want, "{scenario}");
    assert_eq!(reply.finish.as_deref(), Some("stop"), "{scenario}");
    assert!(
        reply.usage.is_some(),
        "{scenario}: usage chunk asked for with include_usage"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn ok() {
    assert_reassembles("ok", PROMPT).await;
}

#[tokio::test]
async fn byte_drip() {
    assert_reassembles("byte_drip", PROMPT).await;
}

#[tokio::test]
async fn split_utf8_with_cjk_prompt() {
    assert_reassembles("split_utf8", CJK_PROMPT).await;
}

#[tokio::test]
async fn byte_drip_with_cjk() {
    assert_reassembles("byte_drip", CJK_PROMPT).await;
}

#[tokio::test]
async fn crlf() {
    assert_reassembles("crlf", PROMPT).await;
}

#[tokio::test]
async fn cr_only() {
    assert_reassembles("cr_only", PROMPT).await;
}

#[tokio::test]
async fn cr_only_dripped() {
    assert_reassembles("cr_only,byte_drip", PROMPT).await;
}

#[tokio::test]
async fn no_space_after_colon() {
    assert_reassembles("no_space_after_colon", PROMPT).await;
}

#[tokio::test]
async fn multiline_data() {
    assert_reassembles("multiline_data", PROMPT).await;
}

#[tokio::test]
async fn keepalive_comments() {
    assert_reassembles("keepalive_comments", PROMPT).await;
}

#[tokio::test]
async fn bom() {
    assert_reassembles("bom,byte_drip", PROMPT).await;
    assert_reassembles("bom", PROMPT).await;
}

#[tokio::test]
async fn no_done_but_finish_is_complete() {
    assert_reassembles("no_done", PROMPT).await;
}

#[tokio::test]
async fn no_trailing_blank_is_flushed_at_eof() {
    assert_reassembles("no_trailing_blank", PROMPT).await;
}

#[tokio::test]
async fn data_after_done_is_ignored() {
    assert_reassembles("data_after_done", PROMPT).await;
}

#[tokio::test]
async fn gzip() {
    assert_reassembles("gzip", PROMPT).await;
    assert_reassembles("gzip,byte_drip", CJK_PROMPT).await;
}

#[tokio::test]
async fn keepalive_long_prelude_resets_the_idle_timer() {
    // Only comments for 1.2 s, with an idle timeout of 0.6 s: comments are bytes, so no timeout.
    let sim = sim_with_key().await;
    let mut ep = endpoint(&sim, "keepalive_long");
    ep.extra_headers.push(header("x-sim-keepalive-ms", "1200"));
    let timeouts = portico_gateway::Timeouts {
        idle: std::time::Duration::from_millis(600),
        ..Default::default()
    };
    let (_, want) = expected(&sim, "demo-chat", PROMPT).await;
    let reply = chat(
        &client_with(timeouts),
        &ep,
        &request("demo-chat", PROMPT, true),
    )
    .await
    .unwrap();
    assert!(reply.error.is_none(), "{:?}", reply.error);
    assert_eq!(reply.text, want);
}

#[tokio::test]
async fn json_when_stream_is_read_as_a_plain_reply() {
    let sim = sim_with_key().await;
    let (reasoning, want) = expected(&sim, "demo-reasoner", PROMPT).await;
    let reply = chat(
        &client(),
        &endpoint(&sim, "json_when_stream"),
        &request("demo-reasoner", PROMPT, true),
    )
    .await
    .unwrap();
    assert!(reply.error.is_none(), "{:?}", reply.error);
    assert_eq!(
        (reply.reasoning.as_str(), reply.text.as_str()),
        (reasoning.as_str(), want.as_str())
    );
    assert_eq!(reply.order, "rtuf");
}

#[tokio::test]
async fn request_on_the_wire() {
    let sim = sim_with_key().await;
    let mut req = request("demo-chat", "hi", true);
    req.params.system_prompt = Some("Be brief.".into());
    req.params.temperature = Some(0.7);
    chat(&client(), &endpoint(&sim, ""), &req).await.unwrap();
    let recorded = sim.requests();
    let r = recorded.last().unwrap();
    assert_eq!(
        (r.method.as_str(), r.path.as_str()),
        ("POST", "/v1/chat/completions")
    );
    assert_eq!(r.header("accept"), Some("text/event-stream"));
    assert_eq!(
        r.header("authorization").map(|a| a.starts_with("Bearer ")),
        Some(true)
    );
    let body = r.body_json().unwrap();
    assert_eq!(body["stream_options"]["include_usage"], true);
    assert_eq!(body["temperature"], 0.7);
    assert_eq!(body["messages"][0]["role"], "system");
    assert!(body.get("top_p").is_none());
}

#[tokio::test]
async fn base_url_spellings_reach_the_same_route() {
    let sim = sim_with_key().await;
    let base = sim.base_url();
    let cases = [
        (format!("{base}/v1"), false, "/v1/chat/completions"),
        (format!("{base}/"), false, "/v1/chat/completions"),
        (format!("{base}/openai"), true, "/openai/chat/completions"),
        (
            format!("{base}/openai"),
            false,
            "/openai/v1/chat/completions",
        ),
    ];
    for (url, exact, path) in cases {
        let mut ep = endpoint(&sim, "");
        ep.base_url = url;
        ep.exact_base_url = exact;
        let reply = chat(&client(), &ep, &request("demo-chat", "hi", true))
            .await
            .unwrap();
        assert!(reply.error.is_none());
        assert_eq!(sim.requests().last().unwrap().path, path);
    }
}
