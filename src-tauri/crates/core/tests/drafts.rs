//! Drafts on a real SQLite file: saved, read back after the core is reopened (a relaunch),
//! cleared by empty text, moved from the new chat to the conversation it became, and refused
//! for a conversation that does not exist.

mod support;

use std::collections::BTreeMap;

use portico_core::Core;
use portico_types::{ChatParams, ErrorKind, NewConversation};
use support::Harness;

async fn drafts_by_key(core: &Core) -> BTreeMap<String, String> {
    core.drafts
        .list()
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.conversation_id.unwrap_or_else(|| "(new)".into()), d.text))
        .collect()
}

async fn conversation(core: &Core) -> String {
    core.conversations
        .create(NewConversation {
            provider_id: None,
            model: None,
            params: ChatParams::default(),
        })
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn drafts_survive_reopening_the_core() {
    let h = Harness::new().await;
    let conv = conversation(&h.core).await;
    let long_new = "新的草稿 ".repeat(400);
    let long_conv = "a draft in a conversation\n".repeat(50);
    h.core.drafts.save(None, long_new.clone()).await.unwrap();
    h.core
        .drafts
        .save(Some(conv.clone()), long_conv.clone())
        .await
        .unwrap();

    drop(h.core);
    let core = support::open_core(h.dir.path(), &h.sim, h.secrets.clone());
    let drafts = drafts_by_key(&core).await;
    assert_eq!(drafts.len(), 2, "{drafts:?}");
    assert_eq!(drafts["(new)"], long_new);
    assert_eq!(drafts[&conv], long_conv);
}

#[tokio::test]
async fn empty_text_clears_a_draft() {
    let h = Harness::new().await;
    let conv = conversation(&h.core).await;
    h.core
        .drafts
        .save(Some(conv.clone()), "sent soon".into())
        .await
        .unwrap();
    h.core.drafts.save(None, "stays".into()).await.unwrap();
    h.core.drafts.save(Some(conv), String::new()).await.unwrap();
    let drafts = drafts_by_key(&h.core).await;
    assert_eq!(
        drafts.into_iter().collect::<Vec<_>>(),
        [("(new)".to_string(), "stays".to_string())]
    );
}

#[tokio::test]
async fn the_new_chat_draft_moves_to_the_conversation_it_became() {
    let h = Harness::new().await;
    h.core
        .drafts
        .save(None, "typed while sending".into())
        .await
        .unwrap();
    let conv = conversation(&h.core).await;
    h.core.drafts.move_new_chat_to(conv.clone()).await.unwrap();
    let drafts = drafts_by_key(&h.core).await;
    assert_eq!(
        drafts.into_iter().collect::<Vec<_>>(),
        [(conv, "typed while sending".to_string())]
    );
}

#[tokio::test]
async fn a_draft_for_a_missing_conversation_is_refused_and_not_written() {
    let h = Harness::new().await;
    let err = h
        .core
        .drafts
        .save(Some("deleted-meanwhile".into()), "late write".into())
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound, "{err:?}");
    let err = h
        .core
        .drafts
        .save(Some(String::new()), "x".into())
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid, "{err:?}");
    let err = h
        .core
        .drafts
        .move_new_chat_to("nowhere".into())
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound, "{err:?}");
    assert!(h.core.drafts.list().await.unwrap().is_empty());
}
