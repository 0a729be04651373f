use std::fmt;

/// An IANA time zone such as `Africa/Casablanca`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeZone(pub chrono_tz::Tz);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown time zone")]
pub struct UnknownTimeZone;

impl TimeZone {
    pub fn parse(raw: &str) -> Result<TimeZone, UnknownTimeZone> {
        raw.trim()
            .parse::<chrono_tz::Tz>()
            .map(TimeZone)
            .map_err(|_| UnknownTimeZone)
    }

    pub fn name(&self) -> &'static str {
        self.0.name()
    }
}

/// Written as its IANA name, as it is stored.
impl serde::Serialize for TimeZone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iana_names() {
        assert_eq!(
            TimeZone::parse("Africa/Casablanca").unwrap().name(),
            "Africa/Casablanca"
        );
        assert!(TimeZone::parse("Mars/Olympus").is_err());
    }
}
