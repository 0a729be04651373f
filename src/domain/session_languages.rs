//! The languages of a session: the one spoken on the floor and those it is interpreted
//! into. Stored as one ordered list, the floor language first.

use serde::Serialize;

use super::Locale;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SessionLanguages {
    /// The language the session is held in.
    pub floor: Locale,
    /// The languages it is interpreted into, in the organiser's order.
    pub interpreted: Vec<Locale>,
}

impl SessionLanguages {
    /// From the stored list (`"fr,ar,en"`): the first language is the floor language;
    /// unknown codes and repeats are skipped. `None` when no language is known.
    pub fn from_list<'a>(codes: impl IntoIterator<Item = &'a str>) -> Option<SessionLanguages> {
        let mut known: Vec<Locale> = vec![];
        for locale in codes.into_iter().filter_map(|c| c.trim().parse().ok()) {
            if !known.contains(&locale) {
                known.push(locale);
            }
        }
        let (floor, interpreted) = known.split_first()?;
        Some(SessionLanguages {
            floor: *floor,
            interpreted: interpreted.to_vec(),
        })
    }

    /// The stored form, the floor language first.
    pub fn to_list(&self) -> String {
        std::iter::once(self.floor)
            .chain(self.interpreted.iter().copied())
            .map(Locale::code)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Someone who understands `locale` can follow the session: it is spoken or
    /// interpreted in it.
    pub fn can_follow_in(&self, locale: Locale) -> bool {
        self.floor == locale || self.interpreted.contains(&locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_stored_language_is_the_floor_language() {
        let l = SessionLanguages::from_list("fr,ar,en".split(',')).unwrap();
        assert_eq!(l.floor, Locale::Fr);
        assert_eq!(l.interpreted, vec![Locale::Ar, Locale::En]);
        assert_eq!(l.to_list(), "fr,ar,en");
        assert!(l.can_follow_in(Locale::Ar));
    }

    #[test]
    fn unknown_and_repeated_codes_are_skipped() {
        let l = SessionLanguages::from_list(["de", "en", "en", "ar"]).unwrap();
        assert_eq!((l.floor, l.interpreted), (Locale::En, vec![Locale::Ar]));
        assert!(SessionLanguages::from_list(["", "xx"]).is_none());
        let alone = SessionLanguages::from_list(["fr"]).unwrap();
        assert!(!alone.can_follow_in(Locale::Ar));
    }
}
