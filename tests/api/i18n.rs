use std::collections::BTreeSet;

use convive::domain::Locale;
use convive::i18n::{catalog, sources};
use fluent_syntax::ast::Entry;

fn message_ids(locale: Locale) -> BTreeSet<String> {
    let files = sources(locale);
    assert!(!files.is_empty(), "no .ftl file for {locale}");
    let mut ids = BTreeSet::new();
    for (name, text) in files {
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
        for entry in resource.body {
            match entry {
                Entry::Message(m) => ids.insert(m.id.name.to_owned()),
                Entry::Term(t) => ids.insert(format!("-{}", t.id.name)),
                _ => continue,
            };
        }
    }
    ids
}

#[test]
fn every_message_exists_in_every_language() {
    let en = message_ids(Locale::En);
    for locale in [Locale::Fr, Locale::Ar] {
        let other = message_ids(locale);
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{locale} has ids English lacks: {extra:?}"
        );
    }
}

#[test]
fn messages_format_in_each_language() {
    let c = catalog();
    assert_eq!(c.plain(Locale::En, "nav-webinars", &[]), "Webinars");
    assert_eq!(c.plain(Locale::Fr, "nav-webinars", &[]), "Webinaires");
    assert!(c.plain(Locale::Ar, "nav-webinars", &[]).contains("الندوات"));
    let two = c.plain(Locale::Ar, "session-seats-left", &[("count", 2.into())]);
    assert_eq!(two, "مقعدان متبقيان", "Arabic dual plural");
}
