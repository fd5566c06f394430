//! Full-text search: English and Chinese, user text that looks like FTS5 syntax, short
//! queries, highlight markers, titles, and what is (not) indexed.

mod common;

use portico_store::Store;
use portico_types::{BranchPosition, MessageStatus, SearchHit, HIGHLIGHT_END, HIGHLIGHT_START};

fn marked(hit: &SearchHit) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = hit.snippet.as_str();
    while let Some(start) = rest.find(HIGHLIGHT_START) {
        let after = &rest[start + HIGHLIGHT_START.len_utf8()..];
        let end = after.find(HIGHLIGHT_END).expect("every start has an end");
        out.push(after[..end].to_owned());
        rest = &after[end + HIGHLIGHT_END.len_utf8()..];
    }
    out
}

/// One conversation per (user, reply) pair, in order, so later ones are newer.
fn history(store: &Store, pairs: &[(&str, &str)]) -> Vec<(String, String, String)> {
    pairs
        .iter()
        .map(|(q, a)| {
            let conv = store
                .conversations()
                .create(&common::new_conversation())
                .unwrap()
                .id;
            let (u, r) = common::exchange(store, &conv, None, q, a);
            (conv, u.id, r.id)
        })
        .collect()
}

#[test]
fn english_matches_are_highlighted_newest_first() {
    let db = common::open_ticking();
    let rows = history(
        &db.store,
        &[
            (
                "How do lifetimes work?",
                "Lifetimes tell the borrow checker how long references live.",
            ),
            ("Recipe for bread", "Mix flour, water, salt and yeast."),
            (
                "More on LIFETIMES please",
                "Elided lifetimes follow three rules.",
            ),
        ],
    );
    let hits = db.store.search("lifetimes", 20).unwrap();
    // Titles first (both titles contain it), then messages newest first.
    let title_hits: Vec<_> = hits.iter().filter(|h| h.message_id.is_none()).collect();
    assert_eq!(title_hits.len(), 2);
    assert_eq!(title_hits[0].conversation_id, rows[2].0);
    let message_ids: Vec<_> = hits.iter().filter_map(|h| h.message_id.clone()).collect();
    assert_eq!(
        message_ids,
        [
            rows[2].2.clone(),
            rows[2].1.clone(),
            rows[0].2.clone(),
            rows[0].1.clone()
        ]
    );
    for h in &hits {
        let marks = marked(h);
        assert!(!marks.is_empty(), "no highlight in {:?}", h.snippet);
        assert!(
            marks.iter().all(|m| m.eq_ignore_ascii_case("lifetimes")),
            "{marks:?}"
        );
    }
    let hit = hits
        .iter()
        .find(|h| h.message_id.as_ref() == Some(&rows[0].2))
        .unwrap();
    assert_eq!(hit.conversation_title, "How do lifetimes work?");
    assert!(hit.created_at > 0);

    // All terms must match, in any order.
    let hits = db.store.search("borrow lifetimes", 20).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].message_id.as_ref(), Some(&rows[0].2));
    assert_eq!(db.store.search("yeast", 20).unwrap().len(), 1);
    assert!(db.store.search("sourdough", 20).unwrap().is_empty());
    assert!(db.store.search("   ", 20).unwrap().is_empty());
}

#[test]
fn chinese_and_japanese_match_inside_sentences() {
    let db = common::open();
    let rows = history(
        &db.store,
        &[
            (
                "帮我写一个程序",
                "这是一个示例：你好世界是每个程序员写的第一个程序。",
            ),
            ("日本語のテスト", "東京は日本の首都です。"),
        ],
    );
    let hits = db.store.search("你好世界", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].message_id.as_ref(), Some(&rows[0].2));
    assert_eq!(marked(&hits[0]).concat(), "你好世界");

    let hits = db.store.search("日本の首都", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].message_id.as_ref(), Some(&rows[1].2));

    // Title hit on Chinese text.
    let hits = db.store.search("写一个程序", 10).unwrap();
    assert_eq!(hits[0].message_id, None);
    assert_eq!(hits[0].conversation_id, rows[0].0);
    assert_eq!(marked(&hits[0]).concat(), "写一个程序");
}

#[test]
fn user_text_is_never_query_syntax() {
    let db = common::open();
    let rows = history(
        &db.store,
        &[
            (
                "quotes",
                r#"He said "hello world" AND (left) -- then NEAR(x y) and *stars* 100%_done"#,
            ),
            ("other", "plain text without operators"),
        ],
    );
    for q in [
        r#""hello world""#,
        r#"said "hello"#,
        "AND (left)",
        "NEAR(x y)",
        "*stars*",
        "-- then",
        "100%_done",
        "\"",
        "(",
        "OR",
        "NOT",
        "a:b",
        "^abc",
        "{col}",
        "'; DROP TABLE messages; --",
    ] {
        let hits = db.store.search(q, 10);
        assert!(hits.is_ok(), "{q}: {hits:?}");
    }
    assert_eq!(
        db.store.search("AND (left)", 10).unwrap()[0]
            .message_id
            .as_ref(),
        Some(&rows[0].2)
    );
    assert_eq!(db.store.search(r#""hello world""#, 10).unwrap().len(), 1);
    assert_eq!(db.store.search("100%_done", 10).unwrap().len(), 1);
    // A literal % or _ is not a wildcard in short queries either.
    assert_eq!(db.store.search("%_", 10).unwrap().len(), 1);
    assert!(db.store.search("t_", 10).unwrap().is_empty());
    // "OR" is text: it matches "world" and "operators".
    assert_eq!(db.store.search("OR", 10).unwrap().len(), 2);
}

#[test]
fn short_queries_fall_back_to_like_with_the_same_shape() {
    let db = common::open();
    let rows = history(
        &db.store,
        &[
            ("Go question", "Use go vet and gofmt."),
            ("你好", "你好！有什么可以帮你？"),
        ],
    );
    let hits = db.store.search("vet", 10).unwrap();
    assert_eq!(hits.len(), 1);

    let hits = db.store.search("你好", 10).unwrap();
    // The title "你好" and both messages.
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[0].message_id, None);
    assert_eq!(
        hits[0].snippet,
        format!("{HIGHLIGHT_START}你好{HIGHLIGHT_END}")
    );
    assert_eq!(hits[1].message_id.as_ref(), Some(&rows[1].2));
    assert!(hits[1]
        .snippet
        .starts_with(&format!("{HIGHLIGHT_START}你好{HIGHLIGHT_END}！")));

    let hits = db.store.search("GO", 10).unwrap();
    assert!(hits
        .iter()
        .any(|h| h.message_id.as_ref() == Some(&rows[0].2)));
    for h in &hits {
        assert!(
            marked(h).iter().all(|m| m.eq_ignore_ascii_case("go")),
            "{:?}",
            h.snippet
        );
    }

    // A long term plus a short one: both must appear.
    assert_eq!(db.store.search("gofmt go", 10).unwrap().len(), 1);
    assert!(db.store.search("gofmt zz", 10).unwrap().is_empty());
}

#[test]
fn long_messages_get_a_short_snippet_around_the_match() {
    let db = common::open();
    let long = format!(
        "{} the needle is here {}",
        "filler ".repeat(200),
        "tail ".repeat(200)
    );
    history(&db.store, &[("q", long.as_str())]);
    let hits = db.store.search("needle", 10).unwrap();
    assert_eq!(hits.len(), 1);
    let n = hits[0].snippet.chars().count();
    assert!(
        (20..=120).contains(&n),
        "snippet of {n} chars: {:?}",
        hits[0].snippet
    );
    assert_eq!(marked(&hits[0]), ["needle"]);
}

#[test]
fn only_settled_text_is_indexed_and_edits_reindex() {
    let db = common::open();
    let conv = db
        .store
        .conversations()
        .create(&common::new_conversation())
        .unwrap()
        .id;
    let (_, a) = db
        .store
        .messages()
        .insert_exchange(&conv, None, "question", "p", "m")
        .unwrap();
    db.store
        .messages()
        .checkpoint(&a.id, "draft about platypus", None)
        .unwrap();
    assert!(db.store.search("platypus", 10).unwrap().is_empty());

    let mut f = common::complete("final about echidna");
    f.status = MessageStatus::Canceled;
    db.store.messages().finish(&a.id, &f).unwrap();
    assert!(db.store.search("platypus", 10).unwrap().is_empty());
    assert_eq!(db.store.search("echidna", 10).unwrap().len(), 1);

    // Continue: streaming again drops it from the index until it finishes.
    db.store.messages().reopen_for_continue(&a.id).unwrap();
    assert!(db.store.search("echidna", 10).unwrap().is_empty());
    db.store
        .messages()
        .finish(&a.id, &common::complete("final about echidna and wombat"))
        .unwrap();
    assert_eq!(db.store.search("wombat", 10).unwrap().len(), 1);

    // Renaming reindexes the title.
    db.store
        .conversations()
        .rename(&conv, "Marsupials")
        .unwrap();
    assert_eq!(db.store.search("marsupial", 10).unwrap().len(), 1);
    assert!(db
        .store
        .search("question", 10)
        .unwrap()
        .iter()
        .all(|h| h.message_id.is_some()));

    db.raw()
        .execute_batch(
            "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1);
             INSERT INTO conversations_fts (conversations_fts, rank) VALUES ('integrity-check', 1);",
        )
        .unwrap();
}

#[test]
fn limits_cap_titles_and_messages() {
    let db = common::open();
    let pairs: Vec<(String, String)> = (0..12)
        .map(|i| (format!("capybara chat {i}"), format!("capybara fact {i}")))
        .collect();
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    history(&db.store, &refs);
    let hits = db.store.search("capybara", 8).unwrap();
    assert_eq!(hits.len(), 8);
    assert_eq!(
        hits.iter().filter(|h| h.message_id.is_none()).count(),
        2,
        "a quarter for titles"
    );
    assert_eq!(db.store.search("capybara", 1000).unwrap().len(), 36);
}

fn at(index: u32, count: u32) -> BranchPosition {
    BranchPosition { index, count }
}

#[test]
fn the_same_reply_in_two_branches_gives_hits_that_say_which_branch() {
    let db = common::open_ticking();
    let store = &db.store;
    let conv = store
        .conversations()
        .create(&common::new_conversation())
        .unwrap()
        .id;
    let (_, first) = common::exchange(store, &conv, None, "Name a colour", "Ultramarine blue");
    // Regenerated, word for word.
    let again = store
        .messages()
        .insert_assistant_sibling(&first.id, "prov", "model-x")
        .unwrap();
    store
        .messages()
        .finish(&again.id, &common::complete("Ultramarine blue"))
        .unwrap();
    // The question edited: a second first message, the same reply under it.
    let (_, edited) = common::exchange(store, &conv, None, "Name one colour", "Ultramarine blue");
    let (_, later) = common::exchange(
        store,
        &conv,
        Some(&edited.id),
        "Another?",
        "Ultramarine blue",
    );

    let hits = store.search("ultramarine", 10).unwrap();
    let forks_of = |id: &str| {
        hits.iter()
            .find(|h| h.message_id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("a hit for {id}"))
            .forks
            .clone()
    };
    assert_eq!(hits.len(), 4);
    assert_eq!(forks_of(&first.id), vec![at(1, 2), at(1, 2)]);
    assert_eq!(forks_of(&again.id), vec![at(1, 2), at(2, 2)]);
    assert_eq!(forks_of(&edited.id), vec![at(2, 2)]);
    assert_eq!(forks_of(&later.id), vec![at(2, 2)]);

    // A conversation that never forks: nothing to tell apart, nothing on its hits.
    history(store, &[("Another question", "Ultramarine again")]);
    let hits = store.search("ultramarine again", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(hits[0].forks.is_empty());
    // Titles never carry forks.
    assert!(store
        .search("colour", 10)
        .unwrap()
        .iter()
        .filter(|h| h.message_id.is_none())
        .all(|h| h.forks.is_empty()));
}
