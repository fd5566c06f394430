//! The store shared across threads: one writer at a time, readers alongside it.

mod common;

use std::sync::Arc;
use std::thread;

#[test]
fn readers_and_writers_share_one_store() {
    let db = common::open();
    let store = Arc::new(db.store);
    let conv = store
        .conversations()
        .create(&common::new_conversation())
        .unwrap()
        .id;

    let writers: Vec<_> = (0..3)
        .map(|w| {
            let store = Arc::clone(&store);
            let conv = conv.clone();
            thread::spawn(move || {
                for i in 0..20 {
                    let (_, a) = store
                        .messages()
                        .insert_exchange(&conv, None, &format!("writer {w} message {i}"), "p", "m")
                        .unwrap();
                    store.messages().checkpoint(&a.id, "partial", None).unwrap();
                    store
                        .messages()
                        .finish(&a.id, &common::complete("done"))
                        .unwrap();
                }
            })
        })
        .collect();
    let readers: Vec<_> = (0..6)
        .map(|_| {
            let store = Arc::clone(&store);
            let conv = conv.clone();
            thread::spawn(move || {
                for _ in 0..40 {
                    let c = store.conversations().get(&conv).unwrap();
                    assert_eq!(
                        c.message_count % 2,
                        0,
                        "an exchange is seen whole or not at all"
                    );
                    store.messages().thread_page(&conv, None, 20).unwrap();
                    store.search("writer", 10).unwrap();
                }
            })
        })
        .collect();
    for t in writers.into_iter().chain(readers) {
        t.join().unwrap();
    }
    assert_eq!(store.conversations().get(&conv).unwrap().message_count, 120);
    // 60 user messages and the title taken from the first one.
    assert_eq!(store.search("writer", 200).unwrap().len(), 61);
}

#[test]
fn in_memory_store_works_for_unit_tests() {
    let store = portico_store::Store::open_in_memory().unwrap();
    assert_eq!(store.file_path(), None);
    let conv = store
        .conversations()
        .create(&common::new_conversation())
        .unwrap()
        .id;
    common::exchange(&store, &conv, None, "memory only", "yes");
    assert_eq!(store.search("memory", 10).unwrap().len(), 2);
}
