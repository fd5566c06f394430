use futures_util::stream;
use portico_types::ErrorKind;

use super::*;

const KEY: &str = "sk-unit-test-key-0123456789";

fn body(parts: &[&str], then_hang: bool) -> BodyStream {
    let items: Vec<reqwest::Result<Bytes>> = parts
        .iter()
        .map(|p| Ok(Bytes::copy_from_slice(p.as_bytes())))
        .collect();
    if then_hang {
        Box::pin(stream::iter(items).chain(stream::pending()))
    } else {
        Box::pin(stream::iter(items))
    }
}

fn chat(parts: &[&str], content_type: &str, then_hang: bool, timeouts: Timeouts) -> ChatStream {
    ChatStream::new(
        body(parts, then_hang),
        content_type,
        CancellationToken::new(),
        timeouts,
        Instant::now(),
        Duration::ZERO,
        Some(KEY.to_owned()),
    )
}

async fn drain(mut s: ChatStream) -> (String, Option<GatewayError>) {
    let mut text = String::new();
    let mut err = None;
    while let Some(item) = s.next().await {
        match item {
            Ok(StreamEvent::TextDelta(t)) => text.push_str(&t),
            Ok(_) => {}
            Err(e) => err = Some(e),
        }
    }
    (text, err)
}

fn delta(text: &str) -> String {
    format!("data: {{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{text}\"}}}}]}}\n\n")
}

const FINISH: &str =
    "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n";

#[tokio::test]
async fn eof_without_done_or_finish_is_truncated() {
    let a = delta("Hel");
    let (text, err) = drain(chat(&[&a], "text/event-stream", false, Timeouts::default())).await;
    assert_eq!(text, "Hel");
    let e = err.unwrap();
    assert_eq!(e.kind, ErrorKind::Network);
    assert!(e.detail.unwrap().contains("truncated"));
}

#[tokio::test]
async fn half_written_last_chunk_is_truncation_not_garbage() {
    let a = delta("Hel");
    let parts = [a.as_str(), "data: {\"choices\":[{\"index\":0,\"del"];
    let (text, err) = drain(chat(
        &parts,
        "text/event-stream",
        false,
        Timeouts::default(),
    ))
    .await;
    assert_eq!(text, "Hel");
    assert_eq!(err.unwrap().kind, ErrorKind::Network);
}

#[tokio::test]
async fn finish_without_done_is_complete_and_done_stops_reading() {
    let a = delta("Hi");
    let (text, err) = drain(chat(
        &[&a, FINISH],
        "text/event-stream",
        false,
        Timeouts::default(),
    ))
    .await;
    assert_eq!((text.as_str(), err), ("Hi", None));
    // After [DONE] the body is not read again (it would hang forever here).
    let parts = [a.as_str(), "data: [DONE]\n\n"];
    let s = chat(&parts, "text/event-stream", true, Timeouts::default());
    let (text, err) = tokio::time::timeout(Duration::from_secs(2), drain(s))
        .await
        .unwrap();
    assert_eq!((text.as_str(), err), ("Hi", None));
}

#[tokio::test]
async fn sniffs_sse_and_json_behind_other_content_types() {
    let a = delta("sse");
    for ct in ["text/plain", "application/octet-stream", ""] {
        let (text, err) = drain(chat(&["\n", &a, FINISH], ct, false, Timeouts::default())).await;
        assert_eq!((text.as_str(), err), ("sse", None), "{ct}");
        let json = r#"{"choices":[{"message":{"content":"json"},"finish_reason":"stop"}]}"#;
        let (text, err) = drain(chat(
            &[" \n", &json[..10], &json[10..]],
            ct,
            false,
            Timeouts::default(),
        ))
        .await;
        assert_eq!((text.as_str(), err), ("json", None), "{ct}");
    }
    let (_, err) = drain(chat(&[], "", false, Timeouts::default())).await;
    assert_eq!(err.unwrap().kind, ErrorKind::InvalidResponse);
}

#[tokio::test]
async fn idle_and_first_byte_timeouts() {
    let t = Timeouts {
        first_byte: Duration::from_millis(100),
        idle: Duration::from_millis(100),
        ..Timeouts::default()
    };
    let a = delta("part");
    let (text, err) = drain(chat(&[&a], "text/event-stream", true, t)).await;
    assert_eq!(text, "part");
    let e = err.unwrap();
    assert_eq!(e.kind, ErrorKind::Timeout);
    assert!(e.message.contains("stalled"), "{}", e.message);
    let (_, err) = drain(chat(&[], "text/event-stream", true, t)).await;
    assert!(err.unwrap().message.contains("sent nothing for 0.1 s"));
}

#[tokio::test]
async fn cancel_wins_over_queued_events() {
    let a = delta("a");
    let b = delta("b");
    let mut s = chat(
        &[&format!("{a}{b}")],
        "text/event-stream",
        true,
        Timeouts::default(),
    );
    assert!(matches!(
        s.next().await,
        Some(Ok(StreamEvent::TextDelta(_)))
    ));
    s.cancel.cancel();
    assert_eq!(
        s.next().await.unwrap().unwrap_err().kind,
        ErrorKind::Canceled
    );
    assert!(s.next().await.is_none());
}

#[tokio::test]
async fn errors_are_redacted_with_the_key() {
    let frame =
        format!("data: {{\"error\":{{\"message\":\"Incorrect API key provided: {KEY}\"}}}}\n\n");
    let (_, err) = drain(chat(
        &[&frame],
        "text/event-stream",
        false,
        Timeouts::default(),
    ))
    .await;
    let e = err.unwrap();
    assert!(!format!("{e:?}").contains(KEY), "{e:?}");
    assert!(e.message.contains("sk-…6789"), "{}", e.message);
}
