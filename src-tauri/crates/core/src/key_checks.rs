//! Which providers' keys changed since the gateway last accepted a request with them.
//! Some gateways answer a wrong key with a plain 400 whose body does not name the key
//! ("No connected db."): such a 400 from a connection test, or from the first requests after a
//! key change, is worded as a key the gateway probably rejected.

use std::collections::HashSet;
use std::sync::Mutex;

use portico_types::{ErrorKind, ErrorReason, IpcError};

#[derive(Default)]
pub(crate) struct KeyChecks {
    /// Provider ids whose key changed and has not been accepted since.
    unconfirmed: Mutex<HashSet<String>>,
}

impl KeyChecks {
    /// A new key was saved (or cleared) for this provider.
    pub fn key_changed(&self, provider_id: &str) {
        self.unconfirmed
            .lock()
            .unwrap()
            .insert(provider_id.to_owned());
    }

    /// The gateway accepted a request with the provider's current key.
    pub fn key_accepted(&self, provider_id: &str) {
        self.unconfirmed.lock().unwrap().remove(provider_id);
    }

    /// `error` from a request to this provider, reworded when the key is the likely cause:
    /// a 400 that names no better reason, on a connection test or while the key is new.
    pub fn explain(&self, provider_id: &str, testing: bool, mut error: IpcError) -> IpcError {
        let plain_400 = error.kind == ErrorKind::BadRequest
            && error.status == Some(400)
            && error.reason.is_none();
        if plain_400 && (testing || self.unconfirmed.lock().unwrap().contains(provider_id)) {
            error.reason = Some(ErrorReason::KeyProbablyRejected);
            error.message =
                "The gateway refused the request (HTTP 400); some gateways answer a wrong API key this way. Check the key in Settings → Providers."
                    .into();
        }
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_400() -> IpcError {
        let mut e = IpcError::new(ErrorKind::BadRequest, "refused");
        e.status = Some(400);
        e
    }

    #[test]
    fn a_plain_400_points_at_the_key_only_while_it_is_unconfirmed() {
        let checks = KeyChecks::default();
        assert_eq!(checks.explain("p", false, plain_400()).reason, None);
        checks.key_changed("p");
        assert_eq!(
            checks.explain("p", false, plain_400()).reason,
            Some(ErrorReason::KeyProbablyRejected)
        );
        assert_eq!(checks.explain("other", false, plain_400()).reason, None);
        checks.key_accepted("p");
        assert_eq!(checks.explain("p", false, plain_400()).reason, None);
        assert_eq!(
            checks.explain("p", true, plain_400()).reason,
            Some(ErrorReason::KeyProbablyRejected)
        );
    }

    #[test]
    fn a_400_with_a_known_reason_or_another_status_is_left_alone() {
        let checks = KeyChecks::default();
        checks.key_changed("p");
        let overflow = plain_400().with_reason(ErrorReason::ContextTooLong);
        assert_eq!(
            checks.explain("p", true, overflow).reason,
            Some(ErrorReason::ContextTooLong)
        );
        let mut e500 = IpcError::new(ErrorKind::GatewayDown, "down");
        e500.status = Some(500);
        assert_eq!(checks.explain("p", true, e500).reason, None);
    }
}
