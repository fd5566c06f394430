//! App settings and drafts on a real file: values round-trip, a corrupt value is an error,
//! drafts follow their conversation.

mod common;

use portico_store::{StoreError, NEW_CHAT};

#[test]
fn a_setting_round_trips_and_can_be_removed() {
    let db = common::open();
    let settings = db.store.settings();
    assert_eq!(settings.get::<String>("defaultProviderId").unwrap(), None);
    settings.set("defaultProviderId", &"p-1").unwrap();
    settings.set("defaultProviderId", &"p-2").unwrap();
    assert_eq!(
        settings
            .get::<String>("defaultProviderId")
            .unwrap()
            .as_deref(),
        Some("p-2")
    );
    settings.remove("defaultProviderId").unwrap();
    settings.remove("defaultProviderId").unwrap();
    assert_eq!(settings.get::<String>("defaultProviderId").unwrap(), None);
}

#[test]
fn a_setting_that_does_not_decode_is_corrupt() {
    let db = common::open();
    db.raw()
        .execute(
            "INSERT INTO app_settings (name, value_json, updated_at) VALUES ('n', 'not json', 1)",
            [],
        )
        .unwrap();
    let err = db.store.settings().get::<u32>("n").unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
}

#[test]
fn drafts_are_saved_replaced_and_cleared_by_empty_text() {
    let db = common::open_ticking();
    let drafts = db.store.drafts();
    drafts.put(NEW_CHAT, "first").unwrap();
    drafts.put("conv-a", "你好，草稿").unwrap();
    drafts.put(NEW_CHAT, "first, longer").unwrap();
    let list = drafts.list().unwrap();
    let texts: Vec<_> = list.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, ["first, longer", "你好，草稿"]);
    drafts.put(NEW_CHAT, "").unwrap();
    let list = drafts.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].conversation_id, "conv-a");
}

#[test]
fn a_deleted_conversation_takes_its_draft_along() {
    let db = common::open();
    let conv = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap();
    db.store.drafts().put(&conv.id, "unsent").unwrap();
    db.store.drafts().put(NEW_CHAT, "new chat text").unwrap();
    db.store.conversations().delete(&conv.id).unwrap();
    let list = db.store.drafts().list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].conversation_id, NEW_CHAT);
}

#[test]
fn moving_the_new_chat_draft_moves_its_row_and_replaces_the_target() {
    let db = common::open_ticking();
    let drafts = db.store.drafts();
    drafts.put(NEW_CHAT, "typed while sending").unwrap();
    drafts.put("conv-a", "older text").unwrap();
    drafts.move_to(NEW_CHAT, "conv-a").unwrap();
    let list = drafts.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].conversation_id, "conv-a");
    assert_eq!(list[0].text, "typed while sending");

    // Nothing at the source: the target keeps what it has.
    drafts.move_to(NEW_CHAT, "conv-a").unwrap();
    let list = drafts.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].text, "typed while sending");
}
