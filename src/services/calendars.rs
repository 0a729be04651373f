//! Sessions in people's calendars: "add to Google Calendar / Outlook" links and a `.ics`
//! file per session, a feed of the whole programme per language, and a registrant's own
//! feed ("my sessions") reached from their manage link. Feeds are built when asked, so a
//! moved or cancelled session shows in subscribed calendars at their next refresh.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};

use crate::db::models::{Session, Translation};
use crate::db::{DbConnection, DbError, feeds, programme as q, speakers};
use crate::domain::translation::pick;
use crate::domain::{Locale, SessionLanguages};
use crate::i18n::{catalog, format_time, languages_line};
use crate::mail::calendar::{self, FeedEvent};
use crate::services::content::programme::{SessionView, localise};
use crate::services::registrations::manage::registrant_email;
use crate::services::registrations::seats::RegistrationError;

/// Where a session's "add to calendar" links lead.
pub struct CalendarLinks {
    pub google: String,
    pub outlook: String,
    /// This site's `.ics` file of the session (a path).
    pub ics: String,
}

/// Feeds list sessions from a month back, so a recent change still reaches calendars.
fn since(now: NaiveDateTime) -> NaiveDateTime {
    now - Duration::days(31)
}

/// The host part of the public URL names the events' UIDs.
fn uid_domain(public_url: &str) -> &str {
    let host = public_url.split("://").nth(1).unwrap_or(public_url);
    host.split(['/', ':']).next().unwrap_or(host)
}

pub fn session_page(public_url: &str, locale: Locale, slug: &str, id: i64) -> String {
    format!(
        "{public_url}/{}/webinars/{slug}#session-{id}",
        locale.code()
    )
}

/// The links shown beside a session on its webinar's page.
pub fn links(public_url: &str, locale: Locale, title: &str, s: &SessionView) -> CalendarLinks {
    let page = session_page(public_url, locale, &s.webinar_slug, s.id);
    CalendarLinks {
        google: calendar::google_link(title, &page, s.starts_at, s.duration_minutes),
        outlook: calendar::outlook_link(title, &page, s.starts_at, s.duration_minutes),
        ics: format!("/{}/sessions/{}/calendar.ics", locale.code(), s.id),
    }
}

/// Each session's agenda as lines ("10:00 Opening — Amina Benali"), in its own zone.
fn agendas(
    conn: &mut DbConnection,
    locale: Locale,
    sessions: &[(Session, bool)],
) -> Result<HashMap<i64, String>, DbError> {
    let ids: Vec<i64> = sessions.iter().map(|(s, _)| s.id).collect();
    let (items, titles) = speakers::agenda_of(conn, &ids)?;
    let mut out: HashMap<i64, String> = HashMap::new();
    for (s, _) in sessions {
        let mut lines = vec![];
        for item in items.iter().filter(|i| i.session_id == s.id) {
            let at = (s.starts_at + Duration::minutes(i64::from(item.offset_minutes)))
                .and_utc()
                .with_timezone(&s.timezone.0);
            let title = pick(
                locale,
                titles
                    .iter()
                    .filter(|t| t.item_id == item.id)
                    .map(|t| (t.locale.as_str(), t)),
                |t| !t.title.is_empty(),
            )
            .map(|(_, t)| t.title.clone())
            .unwrap_or_default();
            let who = match item.speaker_id {
                Some(id) => format!(" — {}", speakers::by_id(conn, id)?.full_name),
                None => String::new(),
            };
            lines.push(format!("{} {title}{who}", format_time(&at, locale)));
        }
        if !lines.is_empty() {
            let heading = catalog().plain(locale, "session-agenda", &[]);
            out.insert(s.id, format!("{heading}\n{}", lines.join("\n")));
        }
    }
    Ok(out)
}

/// The sessions' events in `locale`: the webinar's title, its summary, languages, agenda
/// and page.
fn events(
    conn: &mut DbConnection,
    public_url: &str,
    locale: Locale,
    sessions: &[(Session, bool)],
) -> Result<Vec<FeedEvent>, DbError> {
    let webinar_ids: Vec<i64> = sessions.iter().map(|(s, _)| s.webinar_id).collect();
    let texts: Vec<Translation> = q::webinar_translations(conn, &webinar_ids)?;
    let agendas = agendas(conn, locale, sessions)?;
    let mut slugs: HashMap<i64, String> = HashMap::new();
    for id in &webinar_ids {
        if !slugs.contains_key(id) {
            slugs.insert(*id, q::webinar_by_id(conn, *id)?.slug);
        }
    }
    Ok(sessions
        .iter()
        .map(|(s, active)| {
            let (title, summary, _) = localise(locale, s.webinar_id, &texts);
            let page = session_page(public_url, locale, &slugs[&s.webinar_id], s.id);
            let spoken = SessionLanguages::from_list(s.languages.split(','))
                .map(|l| languages_line(locale, &l))
                .unwrap_or_default();
            FeedEvent {
                uid: format!("session-{}@{}", s.id, uid_domain(public_url)),
                sequence: s.sequence,
                starts_at: s.starts_at.and_utc(),
                duration_minutes: s.duration_minutes,
                summary: title,
                description: [
                    summary,
                    spoken,
                    agendas.get(&s.id).cloned().unwrap_or_default(),
                    page.clone(),
                ]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n"),
                url: page,
                cancelled: !s.published || !active,
            }
        })
        .collect())
}

/// One session as a `.ics` file.
pub fn session_file(
    conn: &mut DbConnection,
    public_url: &str,
    locale: Locale,
    session_id: i64,
) -> Result<String, DbError> {
    let s = q::published_session(conn, session_id)?;
    if !q::webinar_by_id(conn, s.webinar_id)?.published {
        return Err(DbError::not_found());
    }
    let events = events(conn, public_url, locale, &[(s, true)])?;
    let name = events
        .first()
        .map(|e| e.summary.clone())
        .unwrap_or_default();
    Ok(calendar::feed(&name, &events))
}

/// The whole programme in `locale`, cancelled sessions marked so.
pub fn programme_feed(
    conn: &mut DbConnection,
    public_url: &str,
    locale: Locale,
    now: NaiveDateTime,
) -> Result<String, DbError> {
    let sessions: Vec<(Session, bool)> = feeds::programme_sessions(conn, since(now))?
        .into_iter()
        .map(|s| (s, true))
        .collect();
    let events = events(conn, public_url, locale, &sessions)?;
    let name = catalog().plain(locale, "calendar-programme-name", &[]);
    Ok(calendar::feed(&name, &events))
}

/// The sessions of the person whose manage link this is, in `locale`.
pub fn registrant_feed(
    conn: &mut DbConnection,
    public_url: &str,
    raw_token: &str,
    locale: Locale,
    now: NaiveDateTime,
) -> Result<String, RegistrationError> {
    let email = registrant_email(conn, raw_token)?;
    let sessions = feeds::sessions_of_registrant(conn, &email, since(now))?;
    let events = events(conn, public_url, locale, &sessions)?;
    let name = catalog().plain(locale, "calendar-mine-name", &[]);
    Ok(calendar::feed(&name, &events))
}
