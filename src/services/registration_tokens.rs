//! The links of a registration (confirm, manage, join) carry tokens derived with HMAC
//! from the secret key and the registration id. The database keeps only their SHA-256
//! hash; mails recompute the raw token when they are composed, so no raw token is ever
//! stored, and a reminder can carry the same manage link as the confirmation.

use hmac::{Hmac, Mac};
use sha2::Sha256;

#[derive(Clone)]
pub struct RegistrationTokens {
    key: [u8; 32],
}

#[derive(Clone, Copy)]
pub enum Purpose {
    Confirm,
    Manage,
    Join,
    /// The one link that confirms a whole series registration.
    SeriesConfirm,
    /// The page that shows and cancels a whole series registration (group id).
    SeriesManage,
}

impl RegistrationTokens {
    pub fn from_secret(secret: &[u8; 64]) -> RegistrationTokens {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("any key length");
        mac.update(b"convive registration tokens v1");
        RegistrationTokens {
            key: mac.finalize().into_bytes().into(),
        }
    }

    pub fn raw(&self, purpose: Purpose, registration_id: i64) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length");
        let label: &[u8] = match purpose {
            Purpose::Confirm => b"confirm",
            Purpose::Manage => b"manage",
            Purpose::Join => b"join",
            Purpose::SeriesConfirm => b"series-confirm",
            Purpose::SeriesManage => b"series-manage",
        };
        mac.update(label);
        mac.update(&registration_id.to_be_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    pub fn hashed(&self, purpose: Purpose, registration_id: i64) -> String {
        super::tokens::hash(&self.raw(purpose, registration_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_differ_by_purpose_id_and_key() {
        let a = RegistrationTokens::from_secret(&[1; 64]);
        let b = RegistrationTokens::from_secret(&[2; 64]);
        assert_ne!(a.raw(Purpose::Manage, 1), a.raw(Purpose::Join, 1));
        assert_ne!(a.raw(Purpose::Manage, 1), a.raw(Purpose::Manage, 2));
        assert_ne!(a.raw(Purpose::Manage, 1), b.raw(Purpose::Manage, 1));
        assert!(crate::services::tokens::looks_valid(
            &a.raw(Purpose::Confirm, 9)
        ));
    }
}
