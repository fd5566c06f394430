//! Nothing is lost: checkpoints while streaming, crashes, quitting mid-reply, reattaching
//! windows, and continuing an interrupted reply.

mod support;

use std::sync::Arc;
use std::time::Duration;

use portico_core::chat::VecSink;
use portico_types::{ChatStreamEvent, ContinueRequest, MessageStatus};
use support::*;

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
