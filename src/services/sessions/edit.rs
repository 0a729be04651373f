//! Editing a whole session from the back office (time in its zone, duration, capacity,
//! link, languages, reminders) and cancelling it. A new time or duration mails every
//! active registrant an updated calendar invitation; a cancellation mails a CANCEL.

use chrono::{Duration, Utc};

use crate::db::models::Session;
use crate::db::session_changes::{self as q, SessionChanges};
use crate::db::{DbConnection, DbError, admin, registrations as regs, write_transaction};
use crate::domain::EmailAddress;
use crate::mail::MailKind;
use crate::mail::kinds::enqueue;

use crate::services::FieldErrors;
use crate::services::sessions::ValidSession;

/// Reminder offsets in minutes before the start, e.g. "1440,60".
pub fn parse_reminders(raw: &str) -> Result<String, &'static str> {
    let mut minutes: Vec<i32> = vec![];
    for part in raw.split([',', ' ', ';']).filter(|p| !p.trim().is_empty()) {
        match part.trim().parse::<i32>() {
            Ok(m) if (1..=14 * 24 * 60).contains(&m) => minutes.push(m),
            _ => return Err("admin-session-error-reminders"),
        }
    }
    minutes.sort_unstable_by(|a, b| b.cmp(a));
    minutes.dedup();
    if minutes.len() > 5 {
        return Err("admin-session-error-reminders");
    }
    Ok(minutes
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(","))
}

#[derive(Debug, PartialEq, Eq)]
pub enum EditOutcome {
    Updated { rescheduled: usize },
    BelowConfirmed,
}

fn mail_all(
    conn: &mut DbConnection,
    session_id: i64,
    statuses: &[&str],
    kind: impl Fn(i64) -> MailKind,
) -> Result<usize, DbError> {
    let ids = q::registrations_in(conn, session_id, statuses)?;
    for id in &ids {
        let r = regs::by_id(conn, *id)?;
        if let Ok(to) = EmailAddress::parse(&r.email) {
            let locale = r.locale;
            enqueue(conn, &to, locale, &kind(*id))?;
        }
    }
    Ok(ids.len())
}

/// Saves every field; a raised capacity promotes the waitlist, a moved start or a new
/// duration sends the updated invitation to confirmed registrants.
pub fn update(
    conn: &mut DbConnection,
    actor: i64,
    session_id: i64,
    s: &ValidSession,
    reminder_offsets: &str,
) -> Result<EditOutcome, DbError> {
    write_transaction(conn, |conn| {
        let before: Session = admin::session_by_id(conn, session_id)?;
        let ok = q::update_session_full(
            conn,
            session_id,
            &SessionChanges {
                starts_at: s.starts_at.naive_utc(),
                timezone: s.timezone.name(),
                duration_minutes: s.duration_minutes,
                capacity: s.capacity,
                meeting_url: &s.meeting_url,
                languages: &s.languages,
                reminder_offsets,
            },
        )?;
        if !ok {
            return Ok(EditOutcome::BelowConfirmed);
        }
        let now = Utc::now().naive_utc();
        if s.capacity > before.capacity {
            crate::services::registrations::seats::promote_waitlist(conn, session_id, now)?;
        }
        let moved = before.starts_at != s.starts_at.naive_utc()
            || before.duration_minutes != s.duration_minutes;
        let rescheduled = if moved && before.published {
            mail_all(conn, session_id, &["confirmed"], |registration_id| {
                MailKind::SessionRescheduled { registration_id }
            })?
        } else {
            0
        };
        admin::audit(
            conn,
            actor,
            "session.edit",
            &format!("session:{session_id}"),
            &format!(
                "starts_at={} capacity={} rescheduled={rescheduled}",
                s.starts_at.to_rfc3339(),
                s.capacity
            ),
        )?;
        Ok(EditOutcome::Updated { rescheduled })
    })
}

/// Cancels a session: it leaves the programme, every active registration is cancelled
/// and mailed a calendar CANCEL. Returns how many people were told.
pub fn cancel(conn: &mut DbConnection, actor: i64, session_id: i64) -> Result<usize, DbError> {
    write_transaction(conn, |conn| {
        let s = admin::session_by_id(conn, session_id)?;
        if !s.published {
            return Ok(0);
        }
        let active = ["pending", "confirmed", "waitlisted"];
        let told = mail_all(conn, session_id, &active, |registration_id| {
            MailKind::SessionCancelled { registration_id }
        })?;
        let now = Utc::now().naive_utc();
        for id in q::registrations_in(conn, session_id, &active)? {
            let r = regs::by_id(conn, id)?;
            regs::transition(conn, id, r.status.as_str(), "cancelled", now)?;
        }
        q::cancel_session(conn, session_id)?;
        admin::audit(
            conn,
            actor,
            "session.cancel",
            &format!("session:{session_id}"),
            &format!("registrants={told}"),
        )?;
        Ok(told)
    })
}

/// Default reminders of a new session, as stored.
pub const DEFAULT_REMINDERS: &str = "1440,60";

/// A session still ahead (it may be edited in the form with its local time).
pub fn is_upcoming(s: &Session) -> bool {
    s.starts_at + Duration::minutes(i64::from(s.duration_minutes)) > Utc::now().naive_utc()
}

pub type Errors = FieldErrors;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reminder_offsets_are_sorted_and_bounded() {
        assert_eq!(parse_reminders("60, 1440").unwrap(), "1440,60");
        assert_eq!(parse_reminders("").unwrap(), "");
        assert!(parse_reminders("0").is_err());
        assert!(parse_reminders("soon").is_err());
    }
}
