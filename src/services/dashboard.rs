//! The dashboard's figures: registrations over time, per webinar, language, country and
//! function; attendance rate; replay views; module completions.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;

use crate::db::{DbConnection, DbError, programme, stats};
use crate::domain::Locale;

use crate::domain::translation::pick;

/// A labelled count; `key` is stable (a code or slug), `label` is for people.
#[derive(Clone, Debug, Serialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub value: i64,
}

#[derive(Clone, Debug, Serialize)]
pub struct ModuleCompletion {
    pub slug: String,
    pub title: String,
    pub lessons_completed: i64,
    pub certificates: i64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    /// Registrations not cancelled.
    pub registrations: i64,
    pub confirmed: i64,
    /// Registrations per day over the last `DAYS` days, oldest first.
    pub per_day: Vec<Count>,
    pub per_webinar: Vec<Count>,
    pub per_language: Vec<Count>,
    pub per_country: Vec<Count>,
    pub per_function: Vec<Count>,
    /// Confirmed registrants of sessions that have started, and those who attended.
    pub attendance_base: i64,
    pub attended: i64,
    /// Percent, rounded; none before any session took place.
    pub attendance_rate: Option<i64>,
    pub replay_views: i64,
    pub replay_views_per_webinar: Vec<Count>,
    pub modules: Vec<ModuleCompletion>,
}

pub const DAYS: i64 = 30;

fn sorted(map: BTreeMap<String, i64>, label: impl Fn(&str) -> String) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(key, value)| Count {
            label: label(&key),
            key,
            value,
        })
        .collect();
    v.sort_by(|a, b| b.value.cmp(&a.value).then(a.key.cmp(&b.key)));
    v
}

/// `label` names a code in the viewer's language (country, function, language).
pub fn stats(
    conn: &mut DbConnection,
    locale: Locale,
    label: impl Fn(&str, &str) -> String,
) -> Result<Stats, DbError> {
    let webinars = crate::db::admin::all_webinars(conn)?;
    let ids: Vec<i64> = webinars.iter().map(|w| w.id).collect();
    let texts = programme::webinar_translations(conn, &ids)?;
    let title_of = |id: i64| -> String {
        pick(
            locale,
            texts
                .iter()
                .filter(|t| t.owner_id == id)
                .map(|t| (t.locale.as_str(), t)),
            |t| !t.title.is_empty(),
        )
        .map(|(_, t)| t.title.clone())
        .or_else(|| webinars.iter().find(|w| w.id == id).map(|w| w.slug.clone()))
        .unwrap_or_default()
    };
    let now = Utc::now().naive_utc();
    let t = Tally::of(&stats::registration_facts(conn)?, now);
    let views = stats::replay_view_facts(conn)?;
    let mut views_per_webinar = BTreeMap::new();
    for (w, _) in &views {
        *views_per_webinar.entry(w.to_string()).or_insert(0) += 1;
    }
    let webinar_label = |key: &str| key.parse().map(title_of).unwrap_or_default();
    Ok(Stats {
        registrations: t.registrations,
        confirmed: t.confirmed,
        per_day: t
            .per_day
            .into_iter()
            .map(|(d, value)| Count {
                key: d.to_string(),
                label: d.format("%d/%m").to_string(),
                value,
            })
            .collect(),
        per_webinar: sorted(t.per_webinar, webinar_label),
        per_language: sorted(t.per_language, |k| label("language", k)),
        per_country: sorted(t.per_country, |k| label("country", k)),
        per_function: sorted(t.per_function, |k| label("function", k)),
        attendance_base: t.base,
        attended: t.attended,
        attendance_rate: (t.base > 0).then(|| (t.attended * 100 + t.base / 2) / t.base),
        replay_views: views.len() as i64,
        replay_views_per_webinar: sorted(views_per_webinar, webinar_label),
        modules: module_completions(conn, locale)?,
    })
}

/// Registrations not cancelled, counted by day (the last `DAYS` days), webinar, language,
/// country and function; attendance of confirmed registrants of sessions that started.
#[derive(Default)]
struct Tally {
    registrations: i64,
    confirmed: i64,
    base: i64,
    attended: i64,
    per_day: BTreeMap<NaiveDate, i64>,
    per_webinar: BTreeMap<String, i64>,
    per_language: BTreeMap<String, i64>,
    per_country: BTreeMap<String, i64>,
    per_function: BTreeMap<String, i64>,
}

impl Tally {
    fn of(facts: &[stats::RegistrationFact], now: NaiveDateTime) -> Tally {
        let first = now.date() - Duration::days(DAYS - 1);
        let mut t = Tally {
            per_day: (0..DAYS).map(|i| (first + Duration::days(i), 0)).collect(),
            ..Tally::default()
        };
        for f in facts.iter().filter(|f| f.status != "cancelled") {
            t.registrations += 1;
            if let Some(n) = t.per_day.get_mut(&f.created_at.date()) {
                *n += 1;
            }
            *t.per_webinar.entry(f.webinar_id.to_string()).or_insert(0) += 1;
            *t.per_language.entry(f.locale.clone()).or_insert(0) += 1;
            *t.per_country.entry(f.country.clone()).or_insert(0) += 1;
            *t.per_function.entry(f.function.clone()).or_insert(0) += 1;
            if f.status == "confirmed" {
                t.confirmed += 1;
                if f.session_starts_at <= now {
                    t.base += 1;
                    t.attended += i64::from(f.attended);
                }
            }
        }
        t
    }
}

fn module_completions(
    conn: &mut DbConnection,
    locale: Locale,
) -> Result<Vec<ModuleCompletion>, DbError> {
    let modules = crate::db::content_admin::all_modules(conn)?;
    let module_ids: Vec<i64> = modules.iter().map(|m| m.id).collect();
    let module_texts = programme::module_translations(conn, &module_ids)?;
    let done = stats::module_completions(conn)?;
    Ok(modules
        .iter()
        .map(|m| {
            let (_, lessons_completed, certificates) = done
                .iter()
                .find(|d| d.0 == m.id)
                .copied()
                .unwrap_or((m.id, 0, 0));
            ModuleCompletion {
                slug: m.slug.clone(),
                title: crate::services::content::programme::localise(locale, m.id, &module_texts).0,
                lessons_completed,
                certificates,
            }
        })
        .collect())
}
