//! Secret tokens for links in mail: 256 random bits from the OS CSPRNG, shown once to
//! their holder and stored only as a SHA-256 hash (looked up by hash, so no timing leak).

use rand::RngExt;
use sha2::{Digest, Sha256};

/// A fresh token: (the raw value for the link, its hash for the database).
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill(&mut bytes);
    let raw = hex::encode(bytes);
    let hash = hash(&raw);
    (raw, hash)
}

pub fn hash(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.trim().as_bytes()))
}

/// True when a string can be a token at all (cheap check before touching the database).
pub fn looks_valid(raw: &str) -> bool {
    raw.len() == 64 && raw.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let (a, ha) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert!(looks_valid(&a));
        assert_eq!(hash(&a), ha);
        assert_ne!(a, ha);
        assert!(!looks_valid("../../etc/passwd"));
    }
}
