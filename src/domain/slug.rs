use std::fmt;

/// A URL slug: lower-case ASCII letters, digits and single hyphens.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slug(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid slug")]
pub struct InvalidSlug;

impl Slug {
    pub fn parse(raw: &str) -> Result<Slug, InvalidSlug> {
        let ok = !raw.is_empty()
            && raw.len() <= 80
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && !raw.contains("--")
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(Slug(raw.to_owned()))
        } else {
            Err(InvalidSlug)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kebab_case_only() {
        assert!(Slug::parse("fight-against-food-waste").is_ok());
        for bad in ["", "-a", "a-", "a--b", "Upper", "a b", "../etc", "é"] {
            assert!(Slug::parse(bad).is_err(), "{bad:?}");
        }
    }
}
