//! The real OS keychain: gnome-keyring's Secret Service in a private D-Bus session
//! (scripts/with-keyring.sh, which `make test` uses). Outside such a session these tests
//! say so and skip, unless PORTICO_IN_KEYRING_SESSION is set, when a missing keychain fails.

use portico_core::secrets::{OsKeychain, SecretStore, Secrets};
use std::sync::Arc;

fn keychain_expected() -> bool {
    std::env::var_os("PORTICO_IN_KEYRING_SESSION").is_some()
}

#[test]
fn keys_round_trip_through_the_secret_service() {
    let keychain = OsKeychain::new("dev.portico.app.test");
    if let Err(e) = keychain.probe() {
        assert!(
            !keychain_expected(),
            "a keychain session was set up but did not answer: {e:?}"
        );
        eprintln!("skipped: no keychain here ({e:?}); run through scripts/with-keyring.sh");
        return;
    }
    let account = format!("provider-{}", std::process::id());
    let key = "sk-real-keychain-test-5e1d0c9b";
    keychain.set(&account, key).unwrap();
    assert_eq!(keychain.get(&account).unwrap().as_deref(), Some(key));

    // A new launch (fresh cache) reads the key back from the keychain itself.
    let secrets = Secrets::new(Arc::new(OsKeychain::new("dev.portico.app.test")));
    assert!(secrets.status().available);
    let state = secrets.key_state(&account);
    assert!(state.is_set && !state.session_only);
    assert_eq!(state.last_four.as_deref(), Some("0c9b"));

    secrets.clear_key(&account).unwrap();
    assert_eq!(keychain.get(&account).unwrap(), None);
    keychain.delete(&account).unwrap(); // deleting a missing entry is fine
}
