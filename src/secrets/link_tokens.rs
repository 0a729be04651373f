//! The links of a registration (confirm, manage, join) carry tokens derived with HMAC
//! from the secret key and the registration's random seed (kept in its row). The
//! database keeps only their SHA-256 hash; mails recompute the raw token when they are
//! composed, so no raw token is ever stored, and a reminder can carry the same manage
//! link as the confirmation. Deriving from a seed rather than the id lets the row be
//! inserted once with its final hashes; rows made before seeds existed (seed '') keep
//! their id-derived tokens.

use hmac::{Hmac, Mac};
use rand::RngExt;
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

    /// A fresh random seed for a new registration or series group.
    pub fn new_seed() -> String {
        let mut bytes = [0u8; 16];
        rand::rng().fill(&mut bytes);
        hex::encode(bytes)
    }

    /// The raw token of `purpose` for the registration (or series group) `id` whose
    /// seed is `seed`. The id counts only for rows without a seed, so a row about to be
    /// inserted (no id yet) can pass 0.
    pub fn raw(&self, purpose: Purpose, id: i64, seed: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length");
        let label: &[u8] = match purpose {
            Purpose::Confirm => b"confirm",
            Purpose::Manage => b"manage",
            Purpose::Join => b"join",
            Purpose::SeriesConfirm => b"series-confirm",
            Purpose::SeriesManage => b"series-manage",
        };
        mac.update(label);
        if seed.is_empty() {
            mac.update(&id.to_be_bytes());
        } else {
            mac.update(b":");
            mac.update(seed.as_bytes());
        }
        hex::encode(mac.finalize().into_bytes())
    }

    pub fn hashed(&self, purpose: Purpose, id: i64, seed: &str) -> String {
        crate::secrets::tokens::hash(&self.raw(purpose, id, seed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_differ_by_purpose_id_and_key() {
        let a = RegistrationTokens::from_secret(&[1; 64]);
        let b = RegistrationTokens::from_secret(&[2; 64]);
        assert_ne!(a.raw(Purpose::Manage, 1, ""), a.raw(Purpose::Join, 1, ""));
        assert_ne!(a.raw(Purpose::Manage, 1, ""), a.raw(Purpose::Manage, 2, ""));
        assert_ne!(a.raw(Purpose::Manage, 1, ""), b.raw(Purpose::Manage, 1, ""));
        assert!(crate::secrets::tokens::looks_valid(&a.raw(
            Purpose::Confirm,
            9,
            ""
        )));
    }

    #[test]
    fn seeded_tokens_ignore_the_id_and_differ_by_seed() {
        let t = RegistrationTokens::from_secret(&[1; 64]);
        let (s1, s2) = (
            RegistrationTokens::new_seed(),
            RegistrationTokens::new_seed(),
        );
        assert_ne!(s1, s2);
        // A reused id with a new seed never matches the older link.
        assert_ne!(
            t.raw(Purpose::Manage, 1, &s1),
            t.raw(Purpose::Manage, 1, &s2)
        );
        assert_eq!(
            t.raw(Purpose::Manage, 1, &s1),
            t.raw(Purpose::Manage, 7, &s1)
        );
        assert_ne!(
            t.raw(Purpose::Manage, 1, &s1),
            t.raw(Purpose::Manage, 1, "")
        );
        assert_ne!(t.raw(Purpose::Manage, 1, &s1), t.raw(Purpose::Join, 1, &s1));
    }
}
