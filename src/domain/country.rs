//! Countries a registrant can choose: ISO 3166-1 alpha-2 codes of the Mediterranean
//! basin, Europe, Africa and the Middle East, where the programme's officials work.
//! Their names are Fluent messages `country-XX` in each language.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country(&'static str);

pub const CODES: [&str; 48] = [
    "AL", "DZ", "AD", "AT", "BE", "BA", "BF", "BG", "CM", "CY", "CI", "HR", "DK", "EG", "ES", "FI",
    "FR", "DE", "GR", "IE", "IQ", "IT", "JO", "LB", "LY", "LU", "MT", "MR", "MC", "ME", "MA", "NL",
    "NE", "PS", "PL", "PT", "RO", "SN", "RS", "SI", "SE", "CH", "SY", "TN", "TR", "GB", "ML", "MK",
];

impl Country {
    pub fn parse(raw: &str) -> Option<Country> {
        let upper = raw.trim().to_ascii_uppercase();
        CODES.iter().find(|c| **c == upper).map(|c| Country(c))
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    pub fn message_id(self) -> String {
        format!("country-{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_codes_in_any_case() {
        assert_eq!(Country::parse(" ma ").unwrap().code(), "MA");
        assert!(Country::parse("XX").is_none());
        assert!(Country::parse("").is_none());
    }
}
