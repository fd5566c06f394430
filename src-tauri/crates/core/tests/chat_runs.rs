//! Chat runs end to end: a real SQLite file, the simulator over loopback, the events a window
//! would get and the rows left behind.

mod support;

use std::sync::Arc;

use portico_core::chat::VecSink;
use portico_types::{ChatStreamEvent, ErrorKind, MessageStatus, Role};
use support::*;

#[tokio::test]
async fn a_reply_streams_in_order_and_is_persisted() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let Finished {
        started,
        events,
        message,
    } = h
        .send_and_finish(h.request(&p, "Hello Portico, tell me about gateways"))
        .await;

    assert!(
        matches!(events.first(), Some(ChatStreamEvent::Opened { .. })),
        "first event is Opened"
    );
    assert!(
        events
            .iter()
            .filter(|e| matches!(e, ChatStreamEvent::Delta { .. }))
            .count()
            >= 1
    );
    let (text, _) = streamed_text(&events);
    assert_eq!(text, message.text, "the deltas add up to the saved text");
    assert!(
        message.text.contains("Reference: ref"),
        "deterministic simulator reply: {}",
        message.text
    );
    assert_eq!(message.status, MessageStatus::Complete);
    assert_eq!(message.finish_reason.as_deref(), Some("stop"));
    let usage = message.usage.clone().expect("usage from the final chunk");
    assert!(usage.completion_tokens.unwrap() > 0);
    let timings = message.timings.clone().unwrap();
    assert!(timings.first_token_ms.is_some() && timings.total_ms.is_some());

    let page = h
        .core
        .conversations
        .thread_page(started.conversation_id.clone(), None, 50)
        .await
        .unwrap();
    let texts: Vec<_> = page
        .messages
        .iter()
        .map(|m| (m.message.role, m.message.text.clone()))
        .collect();
    assert_eq!(texts.len(), 2);
    assert_eq!(
        texts[0],
        (
            Role::User,
            "Hello Portico, tell me about gateways".to_string()
        )
    );
    assert_eq!(page.messages[1].message, message);
    let conv = h
        .core
        .conversations
        .get(started.conversation_id)
        .await
        .unwrap();
    assert_eq!(conv.title, "Hello Portico, tell me about gateways");
    assert_eq!(conv.model.as_deref(), Some("demo-chat"));
}

#[tokio::test]
async fn reasoning_arrives_on_its_own_channel_with_a_duration() {
    let h = Harness::new().await;
    let p = h.provider().await;
    for model in ["demo-reasoner", "demo-reasoning-field", "demo-think"] {
        let sink = Arc::new(VecSink::default());
        let mut req = h.request(&p, "Why is the sky blue?");
        req.model = model.into();
        h.core.chat.send(req, sink.clone()).await.unwrap();
        let (events, message) = finished(&sink).await;
        let (text, reasoning) = streamed_text(&events);
        assert!(!reasoning.is_empty(), "{model}: reasoning streamed");
        assert_eq!(
            message.reasoning.as_deref(),
            Some(reasoning.as_str()),
            "{model}"
        );
        assert_eq!(message.text, text, "{model}");
        assert!(
            !message.text.contains("<think>") && !message.text.contains("</think>"),
            "{model}"
        );
        assert!(message.timings.unwrap().reasoning_ms.is_some(), "{model}");
    }
}

#[tokio::test]
async fn stop_keeps_the_partial_reply_as_canceled() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let sink = Arc::new(VecSink::default());
    let run = h
        .core
        .chat
        .send(
            h.request(&p, "A long one please sim:words=3000 sim:delay=3"),
            sink.clone(),
        )
        .await
        .unwrap();
    first_delta(&sink).await;
    h.core.chat.cancel(&run.run_id);
    let (events, message) = finished(&sink).await;
    assert_eq!(message.status, MessageStatus::Canceled);
    assert!(!message.text.is_empty());
    assert!(
        message.text.split_whitespace().count() < 3000,
        "stopped before the end"
    );
    let (text, _) = streamed_text(&events);
    assert_eq!(text, message.text);
    let page = h
        .core
        .conversations
        .thread_page(run.conversation_id, None, 10)
        .await
        .unwrap();
    assert_eq!(
        page.messages[1].message.text, message.text,
        "the partial text is on disk"
    );
    assert!(h.core.chat.active_runs().is_empty());
}

#[tokio::test]
async fn a_wrong_key_is_an_auth_error_and_the_question_is_kept() {
    let h = Harness::new().await;
    let p = h.provider().await;
    h.core
        .providers
        .set_key(p.id.clone(), "sk-wrong-key-000000000000".into(), false)
        .await
        .unwrap();
    let Finished {
        started: run,
        message,
        ..
    } = h.send_and_finish(h.request(&p, "Will this work?")).await;
    assert_eq!(message.status, MessageStatus::Error);
    let error = message.error.unwrap();
    assert_eq!(error.kind, ErrorKind::Auth);
    assert!(!error.retryable);
    assert!(
        !format!("{error:?}").contains("sk-wrong-key"),
        "the key never appears in errors"
    );
    let page = h
        .core
        .conversations
        .thread_page(run.conversation_id, None, 10)
        .await
        .unwrap();
    assert_eq!(page.messages[0].message.text, "Will this work?");
}

#[tokio::test]
async fn without_a_key_nothing_is_written_and_the_error_says_what_to_do() {
    let h = Harness::new().await;
    let p = h.provider().await;
    h.core.providers.clear_key(p.id.clone()).await.unwrap();
    let err = h
        .core
        .chat
        .send(h.request(&p, "hello"), Arc::new(VecSink::default()))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Auth);
    assert!(err.message.contains("Settings"), "{}", err.message);
    assert!(h
        .core
        .conversations
        .list(None, 10)
        .await
        .unwrap()
        .items
        .is_empty());
}

#[tokio::test]
async fn gateway_failures_keep_partial_text_and_say_why() {
    let h = Harness::new().await;
    let p = h.provider().await;
    for (scenario, kind) in [
        ("error_midstream_json", ErrorKind::Timeout), // its code is "504"
        ("disconnect_midstream", ErrorKind::Network),
        ("http_429", ErrorKind::RateLimited),
        ("http_524", ErrorKind::Timeout),
        ("html_200", ErrorKind::GatewayDown),
        ("http_402", ErrorKind::OutOfCredit),
    ] {
        h.sim.set_scenario(scenario);
        let Finished {
            events, message, ..
        } = h.send_and_finish(h.request(&p, "Tell me something")).await;
        assert_eq!(message.status, MessageStatus::Error, "{scenario}");
        let error = message.error.clone().unwrap();
        assert_eq!(error.kind, kind, "{scenario}: {error:?}");
        let (text, _) = streamed_text(&events);
        assert_eq!(message.text, text, "{scenario}: partial text kept");
        if scenario.contains("midstream") {
            assert!(
                !message.text.is_empty(),
                "{scenario}: some text arrived before the failure"
            );
        }
    }
    h.sim.set_scenario("ok");
}

#[tokio::test]
async fn the_key_never_reaches_the_database_files() {
    let h = Harness::new().await;
    let p = h.provider().await;
    h.send_and_finish(h.request(&p, "Anything")).await;
    h.core.providers.test(p.id.clone()).await;
    let mut checked = 0;
    for entry in std::fs::read_dir(h.dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !bytes.windows(KEY.len()).any(|w| w == KEY.as_bytes()),
            "the key is in a data file"
        );
        checked += 1;
    }
    assert!(checked >= 1);
}
