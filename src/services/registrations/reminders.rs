//! Reminders before a session (a scheduled job of the worker) and the personal join link.
//! Times are UTC throughout: a reminder falls due `minutes_before` the session's UTC
//! start, whatever daylight-saving change happens in the session's or the registrant's
//! zone in between.

use crate::db::reminders as q;
use crate::db::{DbConnection, DbError, programme, write_transaction};
use crate::domain::EmailAddress;
use crate::domain::registration::Status;
use crate::mail::MailKind;
use crate::mail::kinds::enqueue;
use chrono::{Duration, NaiveDateTime};

use crate::secrets::tokens;
use crate::services::registrations::seats::RegistrationError;

/// The meeting link behind a personal join link; records the first click.
pub fn join(
    conn: &mut DbConnection,
    raw_token: &str,
    now: NaiveDateTime,
) -> Result<String, RegistrationError> {
    if !tokens::looks_valid(raw_token) {
        return Err(RegistrationError::UnknownToken);
    }
    let r =
        q::by_join_hash(conn, &tokens::hash(raw_token))?.ok_or(RegistrationError::UnknownToken)?;
    if r.status != Status::Confirmed {
        return Err(RegistrationError::UnknownToken);
    }
    q::record_join_click(conn, r.id, now)?;
    Ok(programme::published_session(conn, r.session_id)?.meeting_url)
}

/// Queues the reminders that are due (scheduled job of the worker); returns how many.
/// Each (registration, offset) is claimed once in the database, so a reminder goes out
/// once even when several workers run or the job runs late; after a downtime only the
/// closest due reminder is sent (not a 24 h reminder an hour before), and nothing once
/// the session has started.
pub fn queue_due_reminders(conn: &mut DbConnection, now: NaiveDateTime) -> Result<usize, DbError> {
    let candidates = q::due_reminders(conn, now)?;
    let mut queued = 0;
    for (r, starts_at, offsets) in candidates {
        let due: Vec<i32> = offsets
            .split(',')
            .filter_map(|o| o.trim().parse::<i32>().ok())
            .filter(|m| starts_at - Duration::minutes(i64::from(*m)) <= now)
            .collect();
        // Only the closest offset is mailed; earlier ones that were missed are skipped.
        let Some(minutes) = due.iter().min().copied() else {
            continue;
        };
        write_transaction(conn, |conn| {
            let mut fresh = false;
            for m in &due {
                fresh |= q::claim_reminder(conn, r.id, *m, now)? && *m == minutes;
            }
            if fresh && let Ok(to) = EmailAddress::parse(&r.email) {
                let locale = r.locale;
                enqueue(
                    conn,
                    &to,
                    locale,
                    &MailKind::SessionReminder {
                        registration_id: r.id,
                        minutes_before: i64::from(minutes),
                    },
                )?;
                queued += 1;
            }
            Ok::<_, DbError>(())
        })?;
    }
    Ok(queued)
}
