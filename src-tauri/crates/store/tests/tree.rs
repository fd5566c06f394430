//! The message tree: regenerate siblings, edit branches, switching, deleting subtrees and
//! paging the active branch.

mod common;

use portico_store::StoreError;
use portico_types::ThreadPage;

fn ids(page: &ThreadPage) -> Vec<&str> {
    page.messages
        .iter()
        .map(|m| m.message.id.as_str())
        .collect()
}

/// root: u1 -> a1 -> u2 -> a2, then a regenerate of a2 (a2b), then an edit of u2 (u2e -> a2e).
struct Tree {
    conv: String,
    u1: String,
    a1: String,
    u2: String,
    a2: String,
    a2b: String,
    u2e: String,
    a2e: String,
}

fn build(db: &common::TestDb) -> Tree {
    let store = &db.store;
    let conv = store
        .conversations()
        .create(&common::new_conversation())
        .unwrap()
        .id;
    let (u1, a1) = common::exchange(store, &conv, None, "u1", "a1");
    let (u2, a2) = common::exchange(store, &conv, Some(&a1.id), "u2", "a2");
    let a2b = store
        .messages()
        .insert_assistant_sibling(&a2.id, "p", "m")
        .unwrap();
    let a2b = store
        .messages()
        .finish(&a2b.id, &common::complete("a2b"))
        .unwrap();
    // Edit u2: a new user message under u2's parent.
    let (u2e, a2e) = common::exchange(store, &conv, Some(&a1.id), "u2 edited", "a2e");
    Tree {
        conv,
        u1: u1.id,
        a1: a1.id,
        u2: u2.id,
        a2: a2.id,
        a2b: a2b.id,
        u2e: u2e.id,
        a2e: a2e.id,
    }
}

#[test]
fn the_active_branch_follows_regenerates_and_edits() {
    let db = common::open_ticking();
    let t = build(&db);
    let msgs = db.store.messages();

    let page = msgs.thread_page(&t.conv, None, 50).unwrap();
    assert_eq!(ids(&page), [&t.u1, &t.a1, &t.u2e, &t.a2e]);
    assert!(!page.has_more);
    assert_eq!(page.messages[0].sibling_ids, [t.u1.as_str()]);
    assert_eq!(page.messages[2].sibling_ids, [t.u2.clone(), t.u2e.clone()]);
    assert_eq!(page.messages[3].sibling_ids, [t.a2e.as_str()]);

    // Back to the original u2: its newest reply (the regenerate) is the leaf.
    let c = msgs.switch_branch(&t.u2).unwrap();
    assert_eq!(c.active_leaf_id.as_deref(), Some(t.a2b.as_str()));
    let page = msgs.thread_page(&t.conv, None, 50).unwrap();
    assert_eq!(ids(&page), [&t.u1, &t.a1, &t.u2, &t.a2b]);
    assert_eq!(page.messages[3].sibling_ids, [t.a2.clone(), t.a2b.clone()]);

    // The first answer of the pair.
    msgs.switch_branch(&t.a2).unwrap();
    assert_eq!(
        ids(&msgs.thread_page(&t.conv, None, 50).unwrap()),
        [&t.u1, &t.a1, &t.u2, &t.a2]
    );

    // Switching from high up descends along the newest children.
    let c = msgs.switch_branch(&t.u1).unwrap();
    assert_eq!(c.active_leaf_id.as_deref(), Some(t.a2e.as_str()));

    let path = msgs.path_to(&t.a2b).unwrap();
    let path: Vec<_> = path.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(path, [&t.u1, &t.a1, &t.u2, &t.a2b]);
    assert_eq!(msgs.path_to(&t.u1).unwrap().len(), 1);
    assert!(matches!(
        msgs.path_to("missing"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        msgs.switch_branch("missing"),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn deleting_a_subtree_moves_the_leaf_to_the_remaining_branch() {
    let db = common::open_ticking();
    let t = build(&db);
    let msgs = db.store.messages();
    assert_eq!(
        db.store.conversations().get(&t.conv).unwrap().message_count,
        7
    );

    // The edited branch is on screen; delete it: back to the other child of a1, newest leaf.
    let c = msgs.delete_subtree(&t.u2e).unwrap();
    assert_eq!(c.active_leaf_id.as_deref(), Some(t.a2b.as_str()));
    assert_eq!(c.message_count, 5);
    assert!(matches!(msgs.get(&t.a2e), Err(StoreError::NotFound { .. })));

    // Deleting an off-screen branch leaves the leaf alone.
    let c = msgs.delete_subtree(&t.a2).unwrap();
    assert_eq!(c.active_leaf_id.as_deref(), Some(t.a2b.as_str()));
    let page = msgs.thread_page(&t.conv, None, 50).unwrap();
    assert_eq!(page.messages[3].sibling_ids, [t.a2b.as_str()]);

    // Deleting the only child of u2: the leaf becomes u2 itself.
    let c = msgs.delete_subtree(&t.a2b).unwrap();
    assert_eq!(c.active_leaf_id.as_deref(), Some(t.u2.as_str()));

    // Deleting from the root empties the conversation.
    let c = msgs.delete_subtree(&t.u1).unwrap();
    assert_eq!(c.active_leaf_id, None);
    assert_eq!(c.message_count, 0);
    let page = msgs.thread_page(&t.conv, None, 50).unwrap();
    assert!(page.messages.is_empty() && !page.has_more);
    assert!(db.store.search("a2e", 10).unwrap().is_empty());
    assert!(matches!(
        msgs.delete_subtree(&t.a1),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn deleting_a_first_message_falls_back_to_another_root() {
    let db = common::open_ticking();
    let store = &db.store;
    let conv = store
        .conversations()
        .create(&common::new_conversation())
        .unwrap()
        .id;
    let (r1, _) = common::exchange(store, &conv, None, "first try", "x");
    let (r2, a2) = common::exchange(store, &conv, None, "second try", "y");
    store.messages().switch_branch(&r1.id).unwrap();
    let c = store.messages().delete_subtree(&r1.id).unwrap();
    assert_eq!(c.active_leaf_id.as_deref(), Some(a2.id.as_str()));
    let page = store.messages().thread_page(&conv, None, 10).unwrap();
    assert_eq!(page.messages[0].sibling_ids, [r2.id.as_str()]);
}

#[test]
fn thread_pages_walk_back_with_before_id() {
    let db = common::open_ticking();
    let store = &db.store;
    let conv = store
        .conversations()
        .create(&common::new_conversation())
        .unwrap()
        .id;
    let mut parent: Option<String> = None;
    let mut all = Vec::new();
    for i in 0..37 {
        let (u, a) = common::exchange(
            store,
            &conv,
            parent.as_deref(),
            &format!("q{i}"),
            &format!("a{i}"),
        );
        all.push(u.id);
        all.push(a.id.clone());
        parent = Some(a.id);
    }
    // A regenerated reply in the middle, off the branch.
    store
        .messages()
        .insert_assistant_sibling(&all[41], "p", "m")
        .unwrap();
    let sibling_leaf = store
        .messages()
        .switch_branch(&all[0])
        .unwrap()
        .active_leaf_id;
    assert_ne!(
        sibling_leaf.as_ref(),
        all.last(),
        "u20's newest child is the regenerate"
    );
    let leaf = store
        .messages()
        .switch_branch(&all[41])
        .unwrap()
        .active_leaf_id
        .unwrap();
    assert_eq!(&leaf, all.last().unwrap());

    let mut seen: Vec<String> = Vec::new();
    let mut before: Option<String> = None;
    let mut pages = 0;
    loop {
        let page = store
            .messages()
            .thread_page(&conv, before.as_deref(), 10)
            .unwrap();
        pages += 1;
        let mut chunk: Vec<String> = page.messages.iter().map(|m| m.message.id.clone()).collect();
        chunk.append(&mut seen);
        seen = chunk;
        if !page.has_more {
            break;
        }
        before = page.messages.first().map(|m| m.message.id.clone());
    }
    assert_eq!(pages, 8);
    assert_eq!(seen, all);

    let page = store
        .messages()
        .thread_page(&conv, Some(&all[44]), 4)
        .unwrap();
    let got: Vec<_> = page
        .messages
        .iter()
        .map(|m| m.message.id.as_str())
        .collect();
    assert_eq!(got, [&all[40], &all[41], &all[42], &all[43]]);
    assert!(page.has_more);
    assert_eq!(
        page.messages[1].sibling_ids.len(),
        2,
        "a41 and its regenerate"
    );

    let first = store
        .messages()
        .thread_page(&conv, Some(&all[0]), 10)
        .unwrap();
    assert!(first.messages.is_empty() && !first.has_more);

    let other = store
        .conversations()
        .create(&common::new_conversation())
        .unwrap()
        .id;
    assert!(matches!(
        store.messages().thread_page(&other, Some(&all[3]), 10),
        Err(StoreError::NotFound {
            what: "message",
            ..
        })
    ));
    assert!(matches!(
        store.messages().thread_page("missing", None, 10),
        Err(StoreError::NotFound {
            what: "conversation",
            ..
        })
    ));
}
