//! Organisers create sessions (start given in UTC or as a local time in an IANA zone)
//! and change their capacity and meeting link.

pub mod edit;
pub mod labels;
pub mod lookup;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone as _, Utc};

use crate::db::models::NewSession;
use crate::db::{DbConnection, DbError, admin};
use crate::domain::TimeZone;

use crate::services::FieldErrors;

pub const MAX_CAPACITY: i32 = 100_000;

/// When a session starts, as typed.
pub enum Start {
    /// RFC 3339 (the API).
    Utc(String),
    /// A date and a time on the wall clock of the session's zone (the HTML form).
    Local { date: String, time: String },
}

pub struct SessionInput {
    pub start: Start,
    pub timezone: String,
    pub duration_minutes: String,
    pub capacity: String,
    pub meeting_url: String,
    pub languages: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ValidSession {
    pub starts_at: DateTime<Utc>,
    pub timezone: TimeZone,
    pub duration_minutes: i32,
    pub capacity: i32,
    pub meeting_url: String,
    pub languages: String,
}

pub fn parse_capacity(raw: &str) -> Result<i32, &'static str> {
    raw.trim()
        .parse::<i32>()
        .ok()
        .filter(|c| (0..=MAX_CAPACITY).contains(c))
        .ok_or("admin-session-error-capacity")
}

pub fn parse_meeting_url(raw: &str) -> Result<String, &'static str> {
    let u = raw.trim();
    let ok = (u.starts_with("https://") || u.starts_with("http://"))
        && u.len() <= 2000
        && u.len() > "https://".len()
        && !u.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(u.to_owned())
    } else {
        Err("admin-session-error-meeting-url")
    }
}

/// Local wall-clock time in `zone` to UTC. A time skipped by a DST change is refused;
/// an ambiguous one (clocks going back) takes the earlier instant.
pub fn local_to_utc(date: &str, time: &str, zone: TimeZone) -> Result<DateTime<Utc>, &'static str> {
    let d = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| "admin-session-error-date")?;
    let t = NaiveTime::parse_from_str(time.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(time.trim(), "%H:%M:%S"))
        .map_err(|_| "admin-session-error-time")?;
    zone.0
        .from_local_datetime(&NaiveDateTime::new(d, t))
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .ok_or("admin-session-error-time-gap")
}

impl SessionInput {
    pub fn parse(&self) -> Result<ValidSession, FieldErrors> {
        let mut errors: FieldErrors = vec![];
        let zone = TimeZone::parse(&self.timezone).ok();
        if zone.is_none() {
            errors.push(("timezone", "admin-session-error-timezone"));
        }
        let starts_at = match (&self.start, zone) {
            (Start::Utc(raw), _) => DateTime::parse_from_rfc3339(raw.trim())
                .map(|d| d.with_timezone(&Utc))
                .map_err(|_| ("starts_at", "admin-session-error-starts-at")),
            (Start::Local { date, time }, Some(z)) => local_to_utc(date, time, z).map_err(|e| {
                if e == "admin-session-error-date" {
                    ("date", e)
                } else {
                    ("time", e)
                }
            }),
            (Start::Local { .. }, None) => Err(("date", "admin-session-error-date")),
        };
        let starts_at = starts_at.map_err(|e| errors.push(e)).ok();
        let duration = self
            .duration_minutes
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|d| (1..=24 * 60).contains(d));
        if duration.is_none() {
            errors.push(("duration_minutes", "admin-session-error-duration"));
        }
        let capacity = parse_capacity(&self.capacity)
            .map_err(|e| errors.push(("capacity", e)))
            .ok();
        let meeting_url = parse_meeting_url(&self.meeting_url)
            .map_err(|e| errors.push(("meeting_url", e)))
            .ok();
        let languages: Vec<&str> = self
            .languages
            .iter()
            .map(|l| l.trim())
            .filter(|l| matches!(*l, "fr" | "en" | "ar"))
            .collect();
        if let (Some(s), Some(z), Some(d), Some(c), Some(u), true) = (
            starts_at,
            zone,
            duration,
            capacity,
            meeting_url,
            errors.is_empty(),
        ) {
            Ok(ValidSession {
                starts_at: s,
                timezone: z,
                duration_minutes: d,
                capacity: c,
                meeting_url: u,
                languages: if languages.is_empty() {
                    "fr,en,ar".to_owned()
                } else {
                    languages.join(",")
                },
            })
        } else {
            Err(errors)
        }
    }
}

pub fn create(
    conn: &mut DbConnection,
    actor: i64,
    webinar_slug: &str,
    s: &ValidSession,
) -> Result<i64, DbError> {
    crate::db::write_transaction(conn, |conn| {
        let w = admin::webinar_by_slug(conn, webinar_slug)?;
        let now = Utc::now().naive_utc();
        let id = admin::insert_session(
            conn,
            &NewSession {
                webinar_id: w.id,
                starts_at: s.starts_at.naive_utc(),
                timezone: s.timezone.name(),
                duration_minutes: s.duration_minutes,
                capacity: s.capacity,
                meeting_url: &s.meeting_url,
                languages: &s.languages,
                reminder_offsets: "1440,60",
                published: true,
                created_at: now,
                updated_at: now,
            },
        )?;
        admin::audit(
            conn,
            actor,
            "session.create",
            &format!("session:{id}"),
            &format!(
                "webinar={webinar_slug} starts_at={}",
                s.starts_at.to_rfc3339()
            ),
        )?;
        Ok(id)
    })
}

#[derive(Debug, PartialEq, Eq)]
pub enum UpdateOutcome {
    Updated,
    /// The new capacity is below the seats already confirmed.
    BelowConfirmed,
}

/// New capacity and meeting link; a raised capacity promotes people from the waitlist.
pub fn update(
    conn: &mut DbConnection,
    actor: i64,
    session_id: i64,
    capacity: i32,
    meeting_url: &str,
) -> Result<UpdateOutcome, DbError> {
    crate::db::write_transaction(conn, |conn| {
        let before = admin::session_by_id(conn, session_id)?;
        if !admin::update_session(conn, session_id, capacity, meeting_url)? {
            return Ok(UpdateOutcome::BelowConfirmed);
        }
        if capacity > before.capacity {
            // New seats go to the waiting list first (main's registrations service).
            crate::services::registrations::seats::promote_waitlist(
                conn,
                session_id,
                Utc::now().naive_utc(),
            )?;
        }
        admin::audit(
            conn,
            actor,
            "session.update",
            &format!("session:{session_id}"),
            &format!("capacity {} -> {capacity}", before.capacity),
        )?;
        Ok(UpdateOutcome::Updated)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casablanca_local_time_becomes_utc() {
        let z = TimeZone::parse("Africa/Casablanca").unwrap();
        // Casablanca is UTC+1 outside Ramadan.
        let at = local_to_utc("2026-12-10", "10:00", z).unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-10T09:00:00+00:00");
        let paris = TimeZone::parse("Europe/Paris").unwrap();
        assert_eq!(
            local_to_utc("2026-03-29", "02:30", paris),
            Err("admin-session-error-time-gap")
        );
    }
}
