//! Sessions as the back office names them: the webinar's title and the start in the
//! session's own zone, e.g. "Fight against food waste — 14 March 2030, 10:00
//! (Africa/Casablanca)". Every session, published or not, soonest first.

use chrono::{DateTime, Utc};

use crate::db::{DbConnection, DbError, admin, programme};
use crate::domain::{Locale, TimeZone};
use crate::i18n::format_datetime;

use crate::services::content::programme::localise;

#[derive(Clone, Debug)]
pub struct SessionLabel {
    pub id: i64,
    pub webinar: String,
    pub starts_at: DateTime<Utc>,
    pub timezone: TimeZone,
    pub published: bool,
}

impl SessionLabel {
    /// The start in the session's zone, formatted for `locale`, with the zone.
    pub fn when(&self, locale: Locale) -> String {
        let zone = self.timezone;
        format!(
            "{} ({})",
            format_datetime(&self.starts_at.with_timezone(&zone.0), locale),
            zone.name()
        )
    }

    pub fn text(&self, locale: Locale) -> String {
        format!("{} — {}", self.webinar, self.when(locale))
    }

    pub fn is_past(&self) -> bool {
        self.starts_at < Utc::now()
    }
}

/// Every session of every webinar, upcoming ones first (soonest first), then past ones.
pub fn all(conn: &mut DbConnection, locale: Locale) -> Result<Vec<SessionLabel>, DbError> {
    let webinars = admin::all_webinars(conn)?;
    let ids: Vec<i64> = webinars.iter().map(|w| w.id).collect();
    let translations = programme::webinar_translations(conn, &ids)?;
    let mut out = vec![];
    for w in &webinars {
        let (title, _, _) = localise(locale, w.id, &translations);
        let title = if title.is_empty() {
            w.slug.clone()
        } else {
            title
        };
        for s in admin::sessions_of(conn, w.id)? {
            out.push(SessionLabel {
                id: s.id,
                webinar: title.clone(),
                starts_at: s.starts_at.and_utc(),
                timezone: s.timezone,
                published: s.published,
            });
        }
    }
    let now = Utc::now();
    out.sort_by_key(|s| (s.starts_at < now, s.starts_at));
    Ok(out)
}

/// One session's label; `None` when it does not exist.
pub fn one(
    conn: &mut DbConnection,
    locale: Locale,
    id: i64,
) -> Result<Option<SessionLabel>, DbError> {
    let s = match admin::session_by_id(conn, id) {
        Ok(s) => s,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(e) => return Err(e),
    };
    let translations = programme::webinar_translations(conn, &[s.webinar_id])?;
    let (title, _, _) = localise(locale, s.webinar_id, &translations);
    Ok(Some(SessionLabel {
        id: s.id,
        webinar: title,
        starts_at: s.starts_at.and_utc(),
        timezone: s.timezone,
        published: s.published,
    }))
}
