//! The languages of a session said in a sentence: "in French, interpreted into Arabic
//! and English", "en français, avec interprétation en arabe et en anglais".

use super::{Arg, catalog};
use crate::domain::{Locale, SessionLanguages};

pub fn languages_line(locale: Locale, spoken: &SessionLanguages) -> String {
    let t = |id: String| catalog().plain(locale, &id, &[]);
    let into = |i: usize| {
        spoken
            .interpreted
            .get(i)
            .map(|l| t(format!("language-into-{}", l.code())))
            .unwrap_or_default()
    };
    let count = spoken.interpreted.len() as i64;
    catalog().plain(
        locale,
        "session-language-line",
        &[
            (
                "floor",
                Arg::from(t(format!("language-in-{}", spoken.floor.code()))),
            ),
            ("first", Arg::from(into(0))),
            ("second", Arg::from(into(1))),
            ("count", Arg::from(count)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spoken(list: &str) -> SessionLanguages {
        SessionLanguages::from_list(list.split(',')).unwrap()
    }

    #[test]
    fn floor_and_interpretation_read_as_a_sentence() {
        assert_eq!(
            languages_line(Locale::En, &spoken("fr,ar,en")),
            "in French, interpreted into Arabic and English"
        );
        assert_eq!(
            languages_line(Locale::Fr, &spoken("fr,ar")),
            "en français, avec interprétation en arabe"
        );
        assert_eq!(languages_line(Locale::Ar, &spoken("ar")), "بالعربية");
        assert_eq!(
            languages_line(Locale::Ar, &spoken("fr,ar,en")),
            "بالفرنسية، مع ترجمة فورية إلى العربية وإلى الإنجليزية"
        );
    }
}
