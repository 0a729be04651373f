//! What every path of a registration shares: its error, the session it may join, the
//! seat-or-waitlist step and promotion from the waitlist, cancelling one registration,
//! the outcome of a confirmation and mailing the registrant. The modules beside it
//! (`mod.rs`, `manage.rs`, `series.rs`, `reminders.rs`, `registrants.rs`) build on it;
//! it imports none of them.

use chrono::NaiveDateTime;

use crate::db::registrations::{self as q, Registration};
use crate::db::{DbConnection, DbError, programme};
use crate::domain::EmailAddress;
use crate::domain::registration::Status;
use crate::mail::MailKind;
use crate::mail::kinds::enqueue;

#[derive(Debug, thiserror::Error)]
pub enum RegistrationError {
    #[error("no such session, or it has started")]
    SessionUnavailable,
    #[error("unknown or expired link")]
    UnknownToken,
    #[error("the confirmation link has expired")]
    Expired,
    #[error("already registered for that session")]
    AlreadyRegistered,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Runs a write again once when a concurrent request inserted the same unique row first
/// (PostgreSQL; SQLite serialises writers): the second run finds the row and answers
/// as for a repeated request.
pub(crate) fn retrying<T>(
    mut f: impl FnMut() -> Result<T, RegistrationError>,
) -> Result<T, RegistrationError> {
    match f() {
        Err(RegistrationError::Db(e)) if e.is_unique_violation() => f(),
        other => other,
    }
}

pub(crate) fn status_of(r: &Registration) -> Status {
    r.status
}

pub(crate) fn open_session(
    conn: &mut DbConnection,
    session_id: i64,
    now: NaiveDateTime,
) -> Result<(), RegistrationError> {
    match programme::published_session(conn, session_id) {
        Ok(s) if s.starts_at > now => Ok(()),
        Ok(_) => Err(RegistrationError::SessionUnavailable),
        Err(e) if e.is_not_found() => Err(RegistrationError::SessionUnavailable),
        Err(e) => Err(e.into()),
    }
}

pub(crate) fn mail_to(
    conn: &mut DbConnection,
    r: &Registration,
    mail: &MailKind,
) -> Result<(), RegistrationError> {
    let to = EmailAddress::parse(&r.email).map_err(|_| RegistrationError::UnknownToken)?;
    enqueue(conn, &to, r.locale, mail)?;
    Ok(())
}

/// Gives a registration in status `from` a seat if one is free, else the end of the
/// waitlist. Returns the status it is in now, and whether this call moved it (false when
/// a concurrent request, e.g. a double click, moved it first).
pub(crate) fn seat_or_waitlist(
    conn: &mut DbConnection,
    r: &Registration,
    from: Status,
    now: NaiveDateTime,
) -> Result<(Status, bool), RegistrationError> {
    q::lock_session(conn, r.session_id)?;
    let took = q::take_seat(conn, r.session_id)?;
    let (to, at) = if took {
        (Status::Confirmed, now)
    } else {
        let at = q::next_waitlist_time(conn, r.session_id, now)?;
        (Status::Waitlisted, at)
    };
    if q::transition(conn, r.id, from.as_str(), to.as_str(), at)? {
        return Ok((to, true));
    }
    if took {
        q::release_seat(conn, r.session_id)?;
    }
    Ok((status_of(&q::by_id(conn, r.id)?), false))
}

/// Cancels one registration (without mail); false when there was nothing to cancel.
/// When a concurrent request changed it first (e.g. confirmed it), cancels what it is now.
pub(crate) fn cancel_one(
    conn: &mut DbConnection,
    r: &Registration,
    now: NaiveDateTime,
) -> Result<bool, RegistrationError> {
    let mut was = status_of(r);
    for _ in 0..2 {
        if was == Status::Cancelled {
            return Ok(false);
        }
        if q::transition(conn, r.id, was.as_str(), Status::Cancelled.as_str(), now)? {
            if was == Status::Confirmed {
                q::release_seat(conn, r.session_id)?;
                promote_waitlist(conn, r.session_id, now)?;
            }
            return Ok(true);
        }
        was = status_of(&q::by_id(conn, r.id)?);
    }
    Ok(false)
}

/// Gives free seats to the waitlist in order, mailing each person promoted.
pub fn promote_waitlist(
    conn: &mut DbConnection,
    session_id: i64,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    q::lock_session(conn, session_id)?;
    let mut promoted = 0;
    while let Some(next) = q::first_waitlisted(conn, session_id)? {
        if !q::take_seat(conn, session_id)? {
            break;
        }
        if !q::transition(conn, next.id, "waitlisted", "confirmed", now)? {
            // Changed by a concurrent request: give the seat back and look again.
            q::release_seat(conn, session_id)?;
            continue;
        }
        if let Ok(to) = EmailAddress::parse(&next.email) {
            let locale = next.locale;
            enqueue(
                conn,
                &to,
                locale,
                &MailKind::RegistrationConfirmed {
                    registration_id: next.id,
                    promoted: true,
                },
            )?;
        }
        promoted += 1;
    }
    Ok(promoted)
}

/// The outcome of a confirmation: confirmed, or waitlisted at a position; for the whole
/// series, one outcome per session as well.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Confirmation {
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<SessionOutcome>,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct SessionOutcome {
    pub session_id: i64,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
}

pub(crate) fn outcome(
    conn: &mut DbConnection,
    id: i64,
) -> Result<SessionOutcome, RegistrationError> {
    let r = q::by_id(conn, id)?;
    let status = status_of(&r);
    Ok(SessionOutcome {
        session_id: r.session_id,
        status: status.as_str(),
        waitlist_position: (status == Status::Waitlisted)
            .then(|| q::waitlist_position(conn, &r))
            .transpose()?,
    })
}

pub(crate) fn outcome_mail(registration_id: i64, status: Status) -> MailKind {
    if status == Status::Confirmed {
        MailKind::RegistrationConfirmed {
            registration_id,
            promoted: false,
        }
    } else {
        MailKind::RegistrationWaitlisted { registration_id }
    }
}
