use std::fmt;

/// A certificate's public verification code, e.g. `K7QM-3XWD-9HTA`: 12 characters of
/// an alphabet without look-alikes (60 random bits), in groups of four.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CertificateCode(String);

pub const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid certificate code")]
pub struct InvalidCode;

impl CertificateCode {
    /// Builds a code from 12 random indices into the alphabet.
    pub fn from_indices(indices: [u8; 12]) -> CertificateCode {
        let chars: Vec<char> = indices
            .iter()
            .map(|i| ALPHABET[usize::from(*i) % ALPHABET.len()] as char)
            .collect();
        let groups: Vec<String> = chars.chunks(4).map(|c| c.iter().collect()).collect();
        CertificateCode(groups.join("-"))
    }

    /// Accepts what a person types: any case, with or without the hyphens.
    pub fn parse(raw: &str) -> Result<CertificateCode, InvalidCode> {
        let compact: String = raw
            .trim()
            .chars()
            .filter(|c| *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.len() != 12 || !compact.bytes().all(|b| ALPHABET.contains(&b)) {
            return Err(InvalidCode);
        }
        let bytes = compact.as_bytes();
        Ok(CertificateCode(format!(
            "{}-{}-{}",
            &compact[..4],
            std::str::from_utf8(&bytes[4..8]).map_err(|_| InvalidCode)?,
            &compact[8..]
        )))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CertificateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_forgive_typing() {
        let code = CertificateCode::from_indices([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 31]);
        assert_eq!(code.as_str(), "ABCD-EFGH-JKL9");
        assert_eq!(CertificateCode::parse("abcdefghjkl9"), Ok(code.clone()));
        assert_eq!(CertificateCode::parse(" ABCD-EFGH-JKL9 "), Ok(code));
        for bad in [
            "",
            "ABCD-EFGH-JKL",
            "ABCD-EFGH-JKLO",
            "../../etc/passwd",
            "ÀBCD-EFGH-JKL9",
        ] {
            assert_eq!(CertificateCode::parse(bad), Err(InvalidCode), "{bad}");
        }
    }
}
