//! A 400 whose body names nothing ("No connected db.", as some gateways answer a wrong key)
//! points at the key when it comes from a connection test or from requests made after the
//! key changed and before the gateway accepted it; otherwise it stays a plain bad request.
//! A context overflow is never taken for a key problem.

mod support;

use portico_types::{ErrorKind, ErrorReason, MessageStatus};
use support::*;

async fn reply_reason(h: &Harness, provider: &portico_types::Provider) -> Option<ErrorReason> {
    let done = h
        .send_and_finish(h.request(provider, "hello sim:words=3"))
        .await;
    assert_eq!(done.message.status, MessageStatus::Error);
    let error = done.message.error.expect("an error on the reply");
    assert_eq!(error.kind, ErrorKind::BadRequest);
    assert_eq!(error.status, Some(400));
    error.reason
}

#[tokio::test]
async fn a_bare_400_on_the_connection_test_suggests_the_key() {
    let h = Harness::new().await;
    let provider = h.provider().await;
    h.sim.set_scenario("http_400_no_db");
    let test = h.core.providers.test(provider.id.clone()).await;
    assert!(!test.ok);
    let error = test.error.unwrap();
    assert_eq!(error.reason, Some(ErrorReason::KeyProbablyRejected));
    assert_eq!(error.gateway_message.as_deref(), Some("No connected db."));
    // Fetching models outside a test, with the key accepted since, is a plain 400.
    h.sim.set_scenario("ok");
    assert!(h.core.providers.test(provider.id.clone()).await.ok);
    h.sim.set_scenario("http_400_no_db");
    let plain = h
        .core
        .providers
        .fetch_models(provider.id.clone())
        .await
        .unwrap_err();
    assert_eq!(plain.reason, None);
}

#[tokio::test]
async fn a_bare_400_after_a_key_change_suggests_the_key_until_one_request_succeeds() {
    let h = Harness::new().await;
    let provider = h.provider().await; // the key was just set
    h.sim.set_scenario("http_400_no_db");
    assert_eq!(
        reply_reason(&h, &provider).await,
        Some(ErrorReason::KeyProbablyRejected)
    );
    // Still not accepted: the next one says the same.
    assert_eq!(
        reply_reason(&h, &provider).await,
        Some(ErrorReason::KeyProbablyRejected)
    );

    h.sim.set_scenario("ok");
    let ok = h
        .send_and_finish(h.request(&provider, "hello sim:words=3"))
        .await;
    assert_eq!(ok.message.status, MessageStatus::Complete);

    // The key worked since: the same 400 is about the request, not the key.
    h.sim.set_scenario("http_400_no_db");
    assert_eq!(reply_reason(&h, &provider).await, None);

    // A new key makes the next 400 suspicious again.
    h.core
        .providers
        .set_key(provider.id.clone(), KEY.into(), false)
        .await
        .unwrap();
    assert_eq!(
        reply_reason(&h, &provider).await,
        Some(ErrorReason::KeyProbablyRejected)
    );
}

#[tokio::test]
async fn a_context_overflow_right_after_a_key_change_is_still_a_context_overflow() {
    let h = Harness::new().await;
    let provider = h.provider().await;
    h.sim.set_scenario("http_400_context");
    assert_eq!(
        reply_reason(&h, &provider).await,
        Some(ErrorReason::ContextTooLong)
    );
}
