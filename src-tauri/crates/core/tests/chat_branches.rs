//! The message tree through chat runs: regenerate, edit and resend, switching branches, and
//! finding a reply by a word in it.

mod support;

use std::sync::Arc;

use portico_core::chat::VecSink;
use portico_types::RegenerateRequest;
use support::*;

#[tokio::test]
async fn regenerate_adds_a_sibling_and_branches_can_be_switched() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let Finished { started: first, .. } = h.send_and_finish(h.request(&p, "Question one")).await;

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
    let Finished { started: first, .. } =
        h.send_and_finish(h.request(&p, "Original question")).await;
    let user_id = first.user_message_id.clone().unwrap();

    let mut edit = h.request(&p, "Edited question");
    edit.conversation_id = Some(first.conversation_id.clone());
    edit.edit_of = Some(user_id.clone());
    let Finished {
        started: edited,
        message: reply,
        ..
    } = h.send_and_finish(edit).await;
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
async fn a_word_from_a_reply_is_found_with_its_context_highlighted() {
    let h = Harness::new().await;
    let p = h.provider().await;
    let Finished {
        started: run,
        message,
        ..
    } = h
        .send_and_finish(h.request(&p, "Explain server-sent events"))
        .await;
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
