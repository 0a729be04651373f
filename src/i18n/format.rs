//! Dates and times written the way each language writes them.

use chrono::{DateTime, TimeZone};

use crate::domain::Locale;

fn chrono_locale(locale: Locale) -> chrono::Locale {
    match locale {
        Locale::Fr => chrono::Locale::fr_FR,
        Locale::En => chrono::Locale::en_GB,
        Locale::Ar => chrono::Locale::ar_EG,
    }
}

/// "jeudi 10 décembre 2026", "Thursday 10 December 2026", "الخميس 10 ديسمبر 2026".
pub fn format_date<Tz: TimeZone>(at: &DateTime<Tz>, locale: Locale) -> String
where
    Tz::Offset: std::fmt::Display,
{
    at.format_localized("%A %-d %B %Y", chrono_locale(locale))
        .to_string()
}

/// 24-hour clock, as used around the Mediterranean: "14:30".
pub fn format_time<Tz: TimeZone>(at: &DateTime<Tz>, _locale: Locale) -> String
where
    Tz::Offset: std::fmt::Display,
{
    at.format("%H:%M").to_string()
}

pub fn format_datetime<Tz: TimeZone>(at: &DateTime<Tz>, locale: Locale) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let sep = if locale == Locale::Ar { "، " } else { ", " };
    format!(
        "{}{sep}{}",
        format_date(at, locale),
        format_time(at, locale)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    #[test]
    fn writes_dates_per_language() {
        let at = Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).unwrap();
        assert_eq!(format_date(&at, Locale::Fr), "jeudi 10 décembre 2026");
        assert_eq!(format_date(&at, Locale::En), "Thursday 10 December 2026");
        assert!(format_date(&at, Locale::Ar).contains("ديسمبر"));
        assert_eq!(
            format_datetime(&at, Locale::En),
            "Thursday 10 December 2026, 09:00"
        );
    }
}
