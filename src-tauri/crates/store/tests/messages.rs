//! Writing messages: exchanges, streaming checkpoints, final states, continue, and crash
//! recovery, on a real database file.

mod common;

use portico_store::{Finish, StoreError};
use portico_types::{ErrorKind, IpcError, MessageStatus, Role, Timings, Usage};

#[test]
fn an_exchange_writes_two_messages_and_updates_the_conversation() {
    let db = common::open_ticking();
    let c = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let (u, a) = db
        .store
        .messages()
        .insert_exchange(
            &c.id,
            None,
            "  Plan a trip to Kyoto\nwith temples",
            "prov-1",
            "gpt-4o",
        )
        .unwrap();
    assert_eq!(u.role, Role::User);
    assert_eq!(u.status, MessageStatus::Complete);
    assert_eq!(u.parent_id, None);
    assert_eq!(
        u.text, "  Plan a trip to Kyoto\nwith temples",
        "the user's text is kept as typed"
    );
    assert_eq!(u.provider_id, None);
    assert_eq!(a.role, Role::Assistant);
    assert_eq!(a.status, MessageStatus::Streaming);
    assert_eq!(a.text, "");
    assert_eq!(a.parent_id.as_deref(), Some(u.id.as_str()));
    assert_eq!(a.provider_id.as_deref(), Some("prov-1"));
    assert_eq!(a.model.as_deref(), Some("gpt-4o"));

    let c2 = db.store.conversations().get(&c.id).unwrap();
    assert_eq!(c2.title, "Plan a trip to Kyoto");
    assert_eq!(c2.active_leaf_id.as_deref(), Some(a.id.as_str()));
    assert_eq!(c2.message_count, 2);
    assert!(c2.updated_at > c.updated_at);

    // A second exchange keeps the title.
    common::exchange(&db.store, &c.id, Some(&a.id), "And Osaka?", "Sure.");
    let c3 = db.store.conversations().get(&c.id).unwrap();
    assert_eq!(c3.title, "Plan a trip to Kyoto");
    assert_eq!(c3.message_count, 4);
}

#[test]
fn an_exchange_is_all_or_nothing() {
    let db = common::open();
    let c = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let other = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let (_, foreign) = common::exchange(&db.store, &other.id, None, "q", "a");

    let msgs = db.store.messages();
    assert!(matches!(
        msgs.insert_exchange(&c.id, Some(&foreign.id), "hi", "p", "m"),
        Err(StoreError::NotFound {
            what: "message",
            ..
        })
    ));
    assert!(matches!(
        msgs.insert_exchange("no-such-conversation", None, "hi", "p", "m"),
        Err(StoreError::NotFound {
            what: "conversation",
            ..
        })
    ));
    let err = msgs
        .insert_exchange(&c.id, None, " \n ", "p", "m")
        .unwrap_err();
    assert_eq!(IpcError::from(err).kind, ErrorKind::Invalid);

    let c = db.store.conversations().get(&c.id).unwrap();
    assert_eq!(c.message_count, 0);
    assert_eq!(c.title, "");
    assert_eq!(c.active_leaf_id, None);
}

#[test]
fn streaming_checkpoints_then_finish() {
    let db = common::open_ticking();
    let c = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let (_, a) = db
        .store
        .messages()
        .insert_exchange(&c.id, None, "Explain WAL", "p", "m")
        .unwrap();
    let msgs = db.store.messages();

    msgs.checkpoint(&a.id, "Write-ahead", Some("thinking"))
        .unwrap();
    let mid = msgs.get(&a.id).unwrap();
    assert_eq!(mid.text, "Write-ahead");
    assert_eq!(mid.reasoning.as_deref(), Some("thinking"));
    assert_eq!(mid.status, MessageStatus::Streaming);
    assert!(
        db.store.search("Write-ahead", 10).unwrap().is_empty(),
        "not indexed while streaming"
    );

    let finish = Finish {
        status: MessageStatus::Complete,
        text: "Write-ahead logging keeps readers and the writer apart.".into(),
        reasoning: Some("thinking more".into()),
        usage: Some(Usage {
            prompt_tokens: Some(12),
            completion_tokens: Some(40),
            total_tokens: Some(52),
            cached_tokens: Some(3),
            reasoning_tokens: None,
        }),
        timings: Some(Timings {
            first_byte_ms: Some(120),
            first_token_ms: Some(180),
            total_ms: Some(2400),
            reasoning_ms: None,
            tokens_per_second: Some(18.5),
        }),
        finish_reason: Some("stop".into()),
        error: None,
    };
    let done = msgs.finish(&a.id, &finish).unwrap();
    assert_eq!(done.status, MessageStatus::Complete);
    assert_eq!(done.text, finish.text);
    assert_eq!(done.usage, finish.usage);
    assert_eq!(done.timings, finish.timings);
    assert_eq!(done.finish_reason.as_deref(), Some("stop"));
    assert_eq!(msgs.get(&a.id).unwrap(), done);
    assert_eq!(
        db.store.search("readers and the writer", 10).unwrap().len(),
        1
    );

    // The state machine: no checkpoint or second finish after the end.
    assert!(matches!(
        msgs.checkpoint(&a.id, "late", None),
        Err(StoreError::Invalid { .. })
    ));
    assert!(matches!(
        msgs.finish(&a.id, &common::complete("again")),
        Err(StoreError::Invalid { .. })
    ));
    assert!(matches!(
        msgs.checkpoint("missing", "x", None),
        Err(StoreError::NotFound { .. })
    ));
    let mut streaming = common::complete("x");
    streaming.status = MessageStatus::Streaming;
    assert!(matches!(
        msgs.finish(&a.id, &streaming),
        Err(StoreError::Invalid { .. })
    ));
}

#[test]
fn errors_and_cancels_keep_partial_text() {
    let db = common::open();
    let c = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let (_, a) = db
        .store
        .messages()
        .insert_exchange(&c.id, None, "q", "p", "m")
        .unwrap();
    let mut f = common::complete("partial answer");
    f.status = MessageStatus::Error;
    f.finish_reason = None;
    f.error = Some(
        IpcError::new(ErrorKind::RateLimited, "Rate limited: retry in 20 s").with_detail("429"),
    );
    let m = db.store.messages().finish(&a.id, &f).unwrap();
    assert_eq!(m.status, MessageStatus::Error);
    assert_eq!(m.text, "partial answer");
    let e = m.error.unwrap();
    assert_eq!(e.kind, ErrorKind::RateLimited);
    assert_eq!(e.detail.as_deref(), Some("429"));

    // Continue: streaming again with its text, the error cleared.
    let again = db.store.messages().reopen_for_continue(&a.id).unwrap();
    assert_eq!(again.status, MessageStatus::Streaming);
    assert_eq!(again.text, "partial answer");
    assert_eq!(again.error, None);
    assert!(matches!(
        db.store.messages().reopen_for_continue(&a.id),
        Err(StoreError::Invalid { .. })
    ));
    let mut canceled = common::complete("partial answer, and more");
    canceled.status = MessageStatus::Canceled;
    let m = db.store.messages().finish(&a.id, &canceled).unwrap();
    assert_eq!(m.status, MessageStatus::Canceled);

    let user = db
        .store
        .messages()
        .get(m.parent_id.as_deref().unwrap())
        .unwrap();
    assert!(matches!(
        db.store.messages().reopen_for_continue(&user.id),
        Err(StoreError::Invalid { .. })
    ));
}

#[test]
fn replies_left_streaming_by_a_crash_become_interrupted_with_their_text() {
    let db = common::open();
    let c = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let (_, a1) = db
        .store
        .messages()
        .insert_exchange(&c.id, None, "one", "p", "m")
        .unwrap();
    db.store
        .messages()
        .checkpoint(&a1.id, "half of the Kilimanjaro story", None)
        .unwrap();
    let (_, a2) = db
        .store
        .messages()
        .insert_exchange(&c.id, Some(&a1.id), "two", "p", "m")
        .unwrap();
    let (_, done) = common::exchange(&db.store, &c.id, Some(&a2.id), "three", "finished");

    // The app dies: reopen the file.
    let path = db.path();
    drop(db.store);
    let store = portico_store::Store::open(&path).unwrap();
    assert_eq!(store.messages().mark_interrupted_at_startup().unwrap(), 2);
    assert_eq!(store.messages().mark_interrupted_at_startup().unwrap(), 0);
    let m1 = store.messages().get(&a1.id).unwrap();
    assert_eq!(m1.status, MessageStatus::Interrupted);
    assert_eq!(m1.text, "half of the Kilimanjaro story");
    assert_eq!(
        store.messages().get(&done.id).unwrap().status,
        MessageStatus::Complete
    );
    // Interrupted text is searchable, and can be continued.
    assert_eq!(store.search("Kilimanjaro", 10).unwrap().len(), 1);
    assert_eq!(
        store.messages().reopen_for_continue(&a1.id).unwrap().status,
        MessageStatus::Streaming
    );
}

#[test]
fn regenerate_makes_a_sibling_that_becomes_the_leaf() {
    let db = common::open_ticking();
    let c = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let (u, a) = common::exchange(&db.store, &c.id, None, "q", "first answer");
    let b = db
        .store
        .messages()
        .insert_assistant_sibling(&a.id, "p2", "other-model")
        .unwrap();
    assert_eq!(b.parent_id.as_deref(), Some(u.id.as_str()));
    assert_eq!(b.status, MessageStatus::Streaming);
    assert_eq!(b.model.as_deref(), Some("other-model"));
    let c2 = db.store.conversations().get(&c.id).unwrap();
    assert_eq!(c2.active_leaf_id.as_deref(), Some(b.id.as_str()));
    assert_eq!(c2.message_count, 3);
    assert!(matches!(
        db.store
            .messages()
            .insert_assistant_sibling(&u.id, "p", "m"),
        Err(StoreError::Invalid { .. })
    ));
    assert!(matches!(
        db.store
            .messages()
            .insert_assistant_sibling("missing", "p", "m"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn corrupt_message_columns_are_errors() {
    let db = common::open();
    let c = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let (u, a) = common::exchange(&db.store, &c.id, None, "q", "a");
    let raw = db.raw();
    raw.execute(
        "UPDATE messages SET usage_json = '[1,2' WHERE id = ?1",
        [&a.id],
    )
    .unwrap();
    raw.execute("UPDATE messages SET role = 'robot' WHERE id = ?1", [&u.id])
        .unwrap();

    match db.store.messages().get(&a.id).unwrap_err() {
        StoreError::Corrupt { table, id, reason } => {
            assert_eq!(table, "messages");
            assert_eq!(id, a.id);
            assert!(reason.contains("usage_json"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    match db.store.messages().get(&u.id).unwrap_err() {
        StoreError::Corrupt { reason, .. } => assert!(reason.contains("robot"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        db.store.messages().thread_page(&c.id, None, 10),
        Err(StoreError::Corrupt { .. })
    ));
}

#[test]
fn a_full_disk_is_a_clear_error_and_loses_nothing() {
    let db = common::open();
    let c = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let (_, a) = common::exchange(&db.store, &c.id, None, "keep me", "kept");
    // Cap the file at its current size: the next big write hits SQLITE_FULL, as on a full disk.
    db.store
        .write(|tx| {
            let pages: i64 = tx.query_row("PRAGMA page_count", [], |r| r.get(0))?;
            tx.query_row(
                &format!("PRAGMA max_page_count = {}", pages + 2),
                [],
                |_| Ok(()),
            )?;
            Ok(())
        })
        .unwrap();
    let big = "lorem ipsum ".repeat(100_000);
    let err = db
        .store
        .messages()
        .insert_exchange(&c.id, Some(&a.id), &big, "p", "m")
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull), "{err:?}");
    let ipc = IpcError::from(err);
    assert_eq!(ipc.kind, ErrorKind::Storage);
    assert!(ipc.message.contains("free some space"), "{}", ipc.message);

    let after = db.store.conversations().get(&c.id).unwrap();
    assert_eq!(after.message_count, 2);
    assert_eq!(after.active_leaf_id.as_deref(), Some(a.id.as_str()));
    assert_eq!(db.store.messages().get(&a.id).unwrap().text, "kept");
    let check: String = db
        .raw()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn an_error_saved_by_an_older_version_still_reads_and_new_fields_round_trip() {
    let db = common::open();
    let c = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    let (_, a) = common::exchange(&db.store, &c.id, None, "q", "a");
    // Exactly what the previous version wrote: no reason, status or gateway fields.
    let saved = r#"{"kind":"gatewayDown","message":"The gateway or its upstream failed (HTTP 500). Try again in a moment.","retryable":true,"detail":"HTTP 500 (500): upstream failed"}"#;
    db.raw()
        .execute(
            "UPDATE messages SET status = 'error', error_json = ?1 WHERE id = ?2",
            [saved, &a.id],
        )
        .unwrap();
    let e = db.store.messages().get(&a.id).unwrap().error.unwrap();
    assert_eq!(e.kind, ErrorKind::GatewayDown);
    assert!(e.retryable);
    assert_eq!(e.detail.as_deref(), Some("HTTP 500 (500): upstream failed"));
    assert_eq!((e.reason, e.status), (None, None));

    // A new error keeps every structured field through the database.
    let (_, b) = db
        .store
        .messages()
        .insert_exchange(&c.id, None, "q2", "p", "m")
        .unwrap();
    let mut fresh = IpcError::new(ErrorKind::BadRequest, "too long")
        .with_reason(portico_types::ErrorReason::ContextTooLong);
    fresh.status = Some(400);
    fresh.gateway_code = Some("context_length_exceeded".into());
    fresh.gateway_message = Some("This model's maximum context length is 8192 tokens.".into());
    let mut f = common::complete("");
    f.status = MessageStatus::Error;
    f.error = Some(fresh.clone());
    db.store.messages().finish(&b.id, &f).unwrap();
    let stored = db.store.messages().get(&b.id).unwrap();
    assert_eq!(stored.error, Some(fresh));
}
