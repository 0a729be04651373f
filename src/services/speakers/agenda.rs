//! The agenda of a session: items at a time (minutes after the start, or a wall-clock
//! time in the session's zone), titled per language, with an optional speaker.

use chrono::{NaiveTime, TimeZone as _, Utc};

use crate::db::{DbConnection, DbError, admin, speakers as q, write_transaction};
use crate::domain::Locale;
use crate::domain::speaker::AgendaTime;
use crate::services::FieldErrors;

const MAX_TITLE: usize = 200;

/// An agenda item as typed: its time, a title per language, a speaker id or empty.
pub struct AgendaInput {
    pub time: String,
    pub titles: Vec<(Locale, String)>,
    pub speaker_id: String,
}

/// Minutes after the session's start of a wall-clock time on its first day (or the day
/// after, past midnight), in the session's zone.
fn offset_of_clock(s: &crate::db::models::Session, hour: u32, minute: u32) -> Option<i32> {
    let zone = s.timezone.0;
    let start = s.starts_at.and_utc().with_timezone(&zone);
    let at = NaiveTime::from_hms_opt(hour, minute, 0)?;
    let day = start.date_naive();
    let local = zone.from_local_datetime(&day.and_time(at)).earliest()?;
    let mut minutes = (local.with_timezone(&Utc) - s.starts_at.and_utc()).num_minutes();
    if minutes < 0 {
        minutes += 24 * 60;
    }
    i32::try_from(minutes).ok()
}

fn valid_titles(input: &AgendaInput) -> Option<Vec<(Locale, String)>> {
    let titles: Vec<(Locale, String)> = input
        .titles
        .iter()
        .map(|(l, t)| (*l, t.trim().to_owned()))
        .collect();
    let fits = titles
        .iter()
        .all(|(_, t)| t.chars().count() <= MAX_TITLE && !t.chars().any(char::is_control));
    (fits && titles.iter().any(|(_, t)| !t.is_empty())).then_some(titles)
}

/// Adds an item to a session's agenda; the field errors when the input does not parse.
pub fn add(
    conn: &mut DbConnection,
    actor: i64,
    session_id: i64,
    input: &AgendaInput,
) -> Result<Result<i64, FieldErrors>, DbError> {
    write_transaction(conn, |conn| {
        let s = admin::session_by_id(conn, session_id)?;
        let mut errors: FieldErrors = vec![];
        let offset = match AgendaTime::parse(&input.time) {
            Some(AgendaTime::Offset(m)) => Some(m),
            Some(AgendaTime::Clock { hour, minute }) => offset_of_clock(&s, hour, minute),
            None => None,
        }
        .filter(|m| *m <= s.duration_minutes);
        if offset.is_none() {
            errors.push(("agenda_time", "admin-agenda-error-time"));
        }
        let titles = valid_titles(input);
        if titles.is_none() {
            errors.push(("agenda_title", "admin-agenda-error-title"));
        }
        let speaker = match input.speaker_id.trim() {
            "" => Some(None),
            raw => raw.parse::<i64>().ok().map(Some),
        };
        if speaker.is_none() {
            errors.push(("agenda_speaker", "admin-agenda-error-speaker"));
        }
        let (Some(offset), Some(titles), Some(speaker), true) =
            (offset, titles, speaker, errors.is_empty())
        else {
            return Ok(Err(errors));
        };
        if let Some(id) = speaker {
            match q::by_id(conn, id) {
                Err(e) if e.is_not_found() => {
                    return Ok(Err(vec![("agenda_speaker", "admin-agenda-error-speaker")]));
                }
                other => other.map(drop)?,
            }
        }
        let codes: Vec<(&str, &str)> = titles.iter().map(|(l, t)| (l.code(), t.as_str())).collect();
        let now = Utc::now().naive_utc();
        let id = q::add_agenda_item(conn, session_id, offset, speaker, &codes, now)?;
        admin::audit(
            conn,
            actor,
            "agenda.add",
            &format!("session:{session_id}"),
            &format!("item:{id}"),
        )?;
        Ok(Ok(id))
    })
}

pub fn remove(
    conn: &mut DbConnection,
    actor: i64,
    session_id: i64,
    item_id: i64,
) -> Result<bool, DbError> {
    write_transaction(conn, |conn| {
        let removed = q::remove_agenda_item(conn, session_id, item_id)?;
        if removed {
            admin::audit(
                conn,
                actor,
                "agenda.remove",
                &format!("session:{session_id}"),
                &format!("item:{item_id}"),
            )?;
        }
        Ok(removed)
    })
}

/// An agenda item as the back office lists it.
pub struct AgendaRow {
    pub id: i64,
    /// Wall-clock time in the session's zone, and minutes after the start.
    pub time: String,
    pub offset_minutes: i32,
    /// Titles as written, by language code.
    pub titles: Vec<(String, String)>,
    pub speaker: Option<String>,
}

/// The agenda of one session, any state, for the back office.
pub fn rows(conn: &mut DbConnection, session_id: i64) -> Result<Vec<AgendaRow>, DbError> {
    let s = admin::session_by_id(conn, session_id)?;
    let (items, titles) = q::agenda_of(conn, &[session_id])?;
    let mut out = vec![];
    for i in items {
        let at = (s.starts_at + chrono::Duration::minutes(i64::from(i.offset_minutes)))
            .and_utc()
            .with_timezone(&s.timezone.0);
        let speaker = match i.speaker_id {
            Some(id) => Some(q::by_id(conn, id)?.full_name),
            None => None,
        };
        out.push(AgendaRow {
            id: i.id,
            time: at.format("%H:%M").to_string(),
            offset_minutes: i.offset_minutes,
            titles: titles
                .iter()
                .filter(|t| t.item_id == i.id)
                .map(|t| (t.locale.clone(), t.title.clone()))
                .collect(),
            speaker,
        });
    }
    Ok(out)
}
