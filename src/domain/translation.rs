//! Choosing which translation of a content item to show.

use crate::domain::Locale;

/// The order in which translations are tried when the wanted one is missing.
pub fn fallback_order(wanted: Locale) -> [Locale; 3] {
    match wanted {
        Locale::Fr => [Locale::Fr, Locale::En, Locale::Ar],
        Locale::En => [Locale::En, Locale::Fr, Locale::Ar],
        Locale::Ar => [Locale::Ar, Locale::Fr, Locale::En],
    }
}

/// Picks the best of the available translations (by locale code) for `wanted`.
/// Returns the item and the locale actually used; a non-empty text is required.
pub fn pick<'a, T>(
    wanted: Locale,
    available: impl IntoIterator<Item = (&'a str, &'a T)>,
    is_filled: impl Fn(&T) -> bool,
) -> Option<(Locale, &'a T)> {
    let items: Vec<(&str, &T)> = available.into_iter().collect();
    fallback_order(wanted).into_iter().find_map(|locale| {
        items
            .iter()
            .find(|(code, item)| *code == locale.code() && is_filled(item))
            .map(|(_, item)| (locale, *item))
    })
}

/// Title and summary of one item in the best language for `wanted`, from its
/// translations as (locale code, title, summary); only a translation with a title
/// counts. The locale used is returned when it is not `wanted`; an item without any
/// titled translation gets empty texts.
pub fn localise<'a>(
    wanted: Locale,
    translations: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
) -> (String, String, Option<Locale>) {
    let texts: Vec<(&str, (&str, &str))> = translations
        .into_iter()
        .map(|(code, title, summary)| (code, (title, summary)))
        .collect();
    let available = texts.iter().map(|(code, texts)| (*code, texts));
    match pick(wanted, available, |(title, _)| !title.is_empty()) {
        Some((used, (title, summary))) => (
            (*title).to_owned(),
            (*summary).to_owned(),
            (used != wanted).then_some(used),
        ),
        None => (String::new(), String::new(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_when_missing_or_empty() {
        let fr = "Bonjour".to_owned();
        let ar = String::new();
        let items = [("fr", &fr), ("ar", &ar)];
        let (used, text) = pick(Locale::Ar, items, |t| !t.is_empty()).unwrap();
        assert_eq!((used, text.as_str()), (Locale::Fr, "Bonjour"));
        assert!(pick::<String>(Locale::En, [], |_| true).is_none());
    }

    #[test]
    fn localises_title_and_summary_and_says_when_it_fell_back() {
        let texts = [("fr", "Titre", "Résumé"), ("en", "", "Summary only")];
        assert_eq!(
            localise(Locale::En, texts),
            ("Titre".into(), "Résumé".into(), Some(Locale::Fr))
        );
        assert_eq!(
            localise(Locale::Fr, texts),
            ("Titre".into(), "Résumé".into(), None)
        );
        assert_eq!(
            localise(Locale::Ar, []),
            (String::new(), String::new(), None)
        );
    }
}
