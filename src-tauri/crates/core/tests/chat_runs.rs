//! Chat runs end to end: a real SQLite file, the simulator over loopback, the events a window
//! would get and the rows left behind.

mod support;

use std::sync::Arc;
use std::time::Duration;

use portico_core::chat::VecSink;
use portico_types::{
    ChatStreamEvent, ContinueRequest, ErrorKind, MessageStatus, RegenerateRequest, Role,
};
use support::*;

#[tokio::test]
async fn a_reply_streams_in_order_and_is_persisted() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let sink = Arc::new(VecSink::default());
    let started = h
        .core
        .chat
        .send(
            h.request(&p, "Hello Portico, tell me about gateways"),
            sink.clone(),
        )
        .await
        .unwrap();
    let (events, message) = finished(&sink).await;

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
    let sink = Arc::new(VecSink::default());
    let run = h
        .core
        .chat
        .send(h.request(&p, "Will this work?"), sink.clone())
        .await
        .unwrap();
    let (_, message) = finished(&sink).await;
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
        let sink = Arc::new(VecSink::default());
        h.core
            .chat
            .send(h.request(&p, "Tell me something"), sink.clone())
            .await
            .unwrap();
        let (events, message) = finished(&sink).await;
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
async fn regenerate_adds_a_sibling_and_branches_can_be_switched() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let sink = Arc::new(VecSink::default());
    let first = h
        .core
        .chat
        .send(h.request(&p, "Question one"), sink.clone())
        .await
        .unwrap();
    finished(&sink).await;

    let sink2 = Arc::new(VecSink::default());
    let again = h
        .core
        .chat
        .regenerate(
            RegenerateRequest {
                message_id: first.assistant_message_id.clone(),
                provider_id: None,
                model: Some("demo-reasoner".into()),
            },
            sink2.clone(),
        )
        .await
        .unwrap();
    let (_, regenerated) = finished(&sink2).await;
    assert_eq!(regenerated.model.as_deref(), Some("demo-reasoner"));
    let page = h
        .core
        .conversations
        .thread_page(first.conversation_id.clone(), None, 10)
        .await
        .unwrap();
    let last = page.messages.last().unwrap();
    assert_eq!(last.message.id, again.assistant_message_id);
    assert_eq!(
        last.sibling_ids,
        vec![
            first.assistant_message_id.clone(),
            again.assistant_message_id.clone()
        ]
    );

    h.core
        .conversations
        .switch_branch(first.assistant_message_id.clone())
        .await
        .unwrap();
    let page = h
        .core
        .conversations
        .thread_page(first.conversation_id, None, 10)
        .await
        .unwrap();
    assert_eq!(
        page.messages.last().unwrap().message.id,
        first.assistant_message_id
    );
}

#[tokio::test]
async fn editing_the_first_message_branches_at_the_root() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let sink = Arc::new(VecSink::default());
    let first = h
        .core
        .chat
        .send(h.request(&p, "Original question"), sink.clone())
        .await
        .unwrap();
    finished(&sink).await;
    let user_id = first.user_message_id.clone().unwrap();

    let mut edit = h.request(&p, "Edited question");
    edit.conversation_id = Some(first.conversation_id.clone());
    edit.edit_of = Some(user_id.clone());
    let sink2 = Arc::new(VecSink::default());
    let edited = h.core.chat.send(edit, sink2.clone()).await.unwrap();
    let (_, reply) = finished(&sink2).await;
    assert!(reply.text.contains("Edited question"));

    let page = h
        .core
        .conversations
        .thread_page(first.conversation_id, None, 10)
        .await
        .unwrap();
    assert_eq!(
        page.messages.len(),
        2,
        "the new branch holds only the edited exchange"
    );
    assert_eq!(page.messages[0].message.text, "Edited question");
    assert_eq!(page.messages[0].message.parent_id, None);
    assert_eq!(
        page.messages[0].sibling_ids,
        vec![user_id, edited.user_message_id.unwrap()]
    );
}

#[tokio::test]
async fn a_crash_mid_stream_leaves_an_interrupted_reply_that_can_be_continued() {
    let h = Harness::new().await;
    let p = h.provider().await;
    h.sim.set_scenario("stall_midstream");
    let sink = Arc::new(VecSink::default());
    let run = h
        .core
        .chat
        .send(h.request(&p, "Stall after a while"), sink.clone())
        .await
        .unwrap();
    first_delta(&sink).await;
    tokio::time::sleep(Duration::from_millis(150)).await; // past a checkpoint
    let (partial, _) = streamed_text(&sink.0.lock().unwrap());
    assert!(!partial.is_empty());

    // A relaunch on the same data folder while the first process's reply was still streaming.
    h.sim.set_scenario("ok");
    let relaunched = open_core(h.dir.path(), &h.sim, h.secrets.clone());
    let page = relaunched
        .conversations
        .thread_page(run.conversation_id.clone(), None, 10)
        .await
        .unwrap();
    let reply = &page.messages[1].message;
    assert_eq!(reply.status, MessageStatus::Interrupted);
    assert_eq!(reply.text, partial, "the checkpointed text survived");

    let sink2 = Arc::new(VecSink::default());
    relaunched
        .chat
        .continue_reply(
            ContinueRequest {
                message_id: reply.id.clone(),
            },
            sink2.clone(),
        )
        .await
        .unwrap();
    let (_, continued) = finished(&sink2).await;
    assert_eq!(continued.status, MessageStatus::Complete);
    assert!(continued.text.starts_with(&partial) && continued.text.len() > partial.len());
    h.core.chat.shutdown(Duration::from_millis(500)).await;
}

#[tokio::test]
async fn quitting_mid_stream_ends_the_reply_interrupted_with_all_its_text() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let sink = Arc::new(VecSink::default());
    h.core
        .chat
        .send(
            h.request(&p, "Long sim:words=3000 sim:delay=3"),
            sink.clone(),
        )
        .await
        .unwrap();
    first_delta(&sink).await;
    h.core.chat.shutdown(Duration::from_secs(2)).await;
    let (events, message) = finished(&sink).await;
    assert_eq!(message.status, MessageStatus::Interrupted);
    assert_eq!(streamed_text(&events).0, message.text);
}

#[tokio::test]
async fn text_is_checkpointed_while_streaming() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let sink = Arc::new(VecSink::default());
    let run = h
        .core
        .chat
        .send(
            h.request(&p, "Slow sim:words=400 sim:delay=5"),
            sink.clone(),
        )
        .await
        .unwrap();
    first_delta(&sink).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let page = h
        .core
        .conversations
        .thread_page(run.conversation_id, None, 10)
        .await
        .unwrap();
    let on_disk = &page.messages[1].message;
    assert_eq!(on_disk.status, MessageStatus::Streaming);
    assert!(
        !on_disk.text.is_empty(),
        "a checkpoint was written before the end"
    );
    h.core.chat.cancel(&run.run_id);
    finished(&sink).await;
}

#[tokio::test]
async fn a_reloaded_window_reattaches_and_gets_the_text_so_far() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let first_window = Arc::new(VecSink::default());
    let run = h
        .core
        .chat
        .send(
            h.request(&p, "Reattach sim:words=600 sim:delay=3"),
            first_window.clone(),
        )
        .await
        .unwrap();
    first_delta(&first_window).await;
    let second_window = Arc::new(VecSink::default());
    assert!(h.core.chat.attach(&run.run_id, second_window.clone()));
    let (events, message) = finished(&second_window).await;
    let mut text = String::new();
    for e in &events {
        match e {
            ChatStreamEvent::Snapshot { text: t, .. } => text = t.clone(),
            ChatStreamEvent::Delta { text: t, .. } => text.push_str(t),
            _ => {}
        }
    }
    assert!(matches!(
        events.first(),
        Some(ChatStreamEvent::Snapshot { .. })
    ));
    assert_eq!(text, message.text);
    assert!(
        !h.core
            .chat
            .attach(&run.run_id, Arc::new(VecSink::default())),
        "finished runs can't be attached"
    );
}

#[tokio::test]
async fn the_key_never_reaches_the_database_files() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let sink = Arc::new(VecSink::default());
    h.core
        .chat
        .send(h.request(&p, "Anything"), sink.clone())
        .await
        .unwrap();
    finished(&sink).await;
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

#[tokio::test]
async fn a_word_from_a_reply_is_found_with_its_context_highlighted() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let sink = Arc::new(VecSink::default());
    let run = h
        .core
        .chat
        .send(h.request(&p, "Explain server-sent events"), sink.clone())
        .await
        .unwrap();
    let (_, message) = finished(&sink).await;
    let reference = message
        .text
        .split("Reference: ")
        .nth(1)
        .unwrap()
        .split('.')
        .next()
        .unwrap()
        .to_string();
    let hits = h
        .core
        .conversations
        .search(reference.clone(), 20)
        .await
        .unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hit = &hits[0];
    assert_eq!(hit.conversation_id, run.conversation_id);
    assert_eq!(hit.message_id.as_deref(), Some(message.id.as_str()));
    let marked = format!(
        "{}{reference}{}",
        portico_types::HIGHLIGHT_START,
        portico_types::HIGHLIGHT_END
    );
    assert!(
        hit.snippet.contains(&marked),
        "the match is marked in the snippet: {:?}",
        hit.snippet
    );
}
