//! Time zones named as people say them: "heure de Tunis", "Tunis time", "توقيت تونس".
//! The city comes from CLDR's exemplar cities through ICU4X (compiled data); the frame
//! around it is a message of each language (`zone-time`).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use icu_datetime::NoCalendarFormatter;
use icu_datetime::fieldsets::zone::ExemplarCity;
use icu_locale_core::Locale as IcuLocale;
use icu_time::zone::IanaParser;

use super::{Arg, catalog};
use crate::domain::{Locale, TimeZone};

thread_local! {
    // ICU4X formatters are not `Sync`: one set per thread, made on first use.
    static FORMATTERS: HashMap<Locale, Option<NoCalendarFormatter<ExemplarCity>>> = Locale::ALL
        .into_iter()
        .map(|l| {
            let icu: Option<IcuLocale> = l.code().parse().ok();
            (l, icu.and_then(|icu| NoCalendarFormatter::try_new(icu.into(), ExemplarCity).ok()))
        })
        .collect();
}

/// The zone's city in `locale` from CLDR ("Tunis", "تونس", "Alger"); the last part of
/// the IANA name when CLDR has none.
pub fn zone_city(zone: TimeZone, locale: Locale) -> String {
    static CACHE: OnceLock<Mutex<HashMap<(Locale, &'static str), String>>> = OnceLock::new();
    let key = (locale, zone.name());
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return hit;
    }
    let city = cldr_city(zone, locale).unwrap_or_else(|| iana_city(zone));
    if let Ok(mut c) = cache.lock() {
        c.insert(key, city.clone());
    }
    city
}

fn cldr_city(zone: TimeZone, locale: Locale) -> Option<String> {
    let id = IanaParser::new().parse(zone.name());
    if id.is_unknown() {
        return None;
    }
    FORMATTERS.with(|all| {
        let written = all
            .get(&locale)?
            .as_ref()?
            .format(&id.without_offset())
            .to_string();
        Some(written).filter(|c| !c.is_empty())
    })
}

fn iana_city(zone: TimeZone) -> String {
    zone.name()
        .rsplit('/')
        .next()
        .unwrap_or(zone.name())
        .replace('_', " ")
}

/// "heure de Tunis", "Tunis time", "توقيت تونس"; "UTC" for the zones without a city.
pub fn zone_name(zone: TimeZone, locale: Locale) -> String {
    let name = zone.name();
    if name == "UTC" || name.starts_with("Etc/") {
        return catalog().plain(locale, "zone-utc", &[]);
    }
    let city = zone_city(zone, locale);
    // French writes "heure d’Alger" before a vowel.
    let elide = city
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYÂÉÈÊÎÔÛaeiouy".contains(c));
    catalog().plain(
        locale,
        "zone-time",
        &[
            ("city", Arg::from(city.as_str())),
            (
                "elision",
                Arg::from(if elide { "vowel" } else { "consonant" }),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        TimeZone::parse(name).unwrap()
    }

    #[test]
    fn zones_are_named_as_each_language_says_them() {
        assert_eq!(zone_name(zone("Africa/Tunis"), Locale::En), "Tunis time");
        assert_eq!(
            zone_name(zone("Africa/Tunis"), Locale::Fr),
            "heure de Tunis"
        );
        assert_eq!(zone_name(zone("Africa/Tunis"), Locale::Ar), "توقيت تونس");
        assert_eq!(
            zone_name(zone("Africa/Algiers"), Locale::Fr),
            "heure d’Alger"
        );
        assert_eq!(
            zone_name(zone("Africa/Casablanca"), Locale::Ar),
            "توقيت الدار البيضاء"
        );
    }

    #[test]
    fn zones_without_a_city_read_utc() {
        assert_eq!(zone_name(zone("UTC"), Locale::En), "UTC");
        assert!(!zone_name(zone("America/Argentina/Buenos_Aires"), Locale::En).contains('_'));
    }
}
