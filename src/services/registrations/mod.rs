//! Registering officials to live sessions: double opt-in, capacity with a waitlist,
//! promotion. Every state change and the mail it causes are written in one transaction.
//! Self-service from the manage link (view, cancel, switch session, change language) is
//! in `manage.rs`, registering for the whole series in
//! `series.rs`, reminders and join links in `reminders.rs`.

pub mod export;
pub mod manage;
pub mod registrants;
pub mod reminders;
pub mod series;

use chrono::{Duration, NaiveDateTime};

use crate::db::registrations::{self as q, NewRegistrationRow, Registration};
use crate::db::{DbConnection, DbError, programme, within_write_transaction, write_transaction};
use crate::domain::registration::{NewRegistration, Status};
use crate::domain::{EmailAddress, Locale};
use crate::mail::MailKind;
use crate::mail::kinds::enqueue;

use crate::secrets::link_tokens::{Purpose, RegistrationTokens};
use crate::secrets::tokens;

pub use crate::services::registrations::manage::{
    Managed, RegistrationView, cancel, change_locale, invitee, switch_session, view,
};
pub use crate::services::registrations::reminders::{join, queue_due_reminders};

/// Wording version of the processing notice the registrant consented to.
pub const CONSENT_VERSION: &str = crate::services::privacy::NOTICE_VERSION;
pub(super) const CONFIRM_WITHIN: Duration = Duration::days(7);
/// The same request again within this time is a double submit (double click, a client
/// retrying): answered the same, without a second mail.
pub(super) const DOUBLE_SUBMIT_WINDOW: Duration = Duration::seconds(30);

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

impl From<diesel::result::Error> for RegistrationError {
    fn from(e: diesel::result::Error) -> Self {
        RegistrationError::Db(DbError::Query(e))
    }
}

/// Runs a write again once when a concurrent request inserted the same unique row first
/// (PostgreSQL; SQLite serialises writers): the second run finds the row and answers
/// as for a repeated request.
pub(super) fn retrying<T>(
    mut f: impl FnMut() -> Result<T, RegistrationError>,
) -> Result<T, RegistrationError> {
    match f() {
        Err(RegistrationError::Db(e)) if e.is_unique_violation() => f(),
        other => other,
    }
}

pub(super) fn status_of(r: &Registration) -> Status {
    Status::parse(&r.status).unwrap_or(Status::Pending)
}

pub(super) fn open_session(
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

/// The registration of `new.email` to a session: created pending, renewed when it was
/// cancelled, refreshed when pending, left alone when it holds or awaits a seat. Also
/// returns its status before this request (`None` when new). `mailed_at`: when the
/// caller mails the registrant about a new registration (recorded with it).
pub(super) fn upsert_pending(
    conn: &mut DbConnection,
    tokens: &RegistrationTokens,
    session_id: i64,
    new: &NewRegistration,
    now: NaiveDateTime,
    mailed_at: Option<NaiveDateTime>,
) -> Result<(Registration, Option<Status>), RegistrationError> {
    open_session(conn, session_id, now)?;
    let invitation_id = q::invitation_for(conn, session_id, new.email.as_str())?;
    let seed = RegistrationTokens::new_seed();
    let hashed = |purpose| tokens.hashed(purpose, 0, &seed);
    let (confirm, manage, join) = (
        hashed(Purpose::Confirm),
        hashed(Purpose::Manage),
        hashed(Purpose::Join),
    );
    let row = NewRegistrationRow {
        session_id,
        email: new.email.as_str(),
        full_name: &new.full_name,
        organisation: &new.organisation,
        function: new.function.as_str(),
        territory: &new.territory,
        country: new.country.code(),
        locale: new.locale.code(),
        timezone: new.timezone.name(),
        consent_version: CONSENT_VERSION,
        consent_at: now,
        announcements: new.announcements,
        status: Status::Pending.as_str(),
        confirm_token_hash: Some(&confirm),
        confirm_expires_at: Some(now + CONFIRM_WITHIN),
        manage_token_hash: &manage,
        join_token_hash: &join,
        invitation_id,
        created_at: now,
        request_mailed_at: mailed_at,
        token_seed: &seed,
    };
    if let Some(inserted) = q::insert_new(conn, &row)? {
        return Ok((inserted, None));
    }
    let existing = q::by_session_email(conn, session_id, new.email.as_str())?
        .ok_or(RegistrationError::SessionUnavailable)?;
    let before = status_of(&existing);
    match before {
        Status::Pending => q::extend_confirmation(conn, existing.id, now + CONFIRM_WITHIN)?,
        Status::Cancelled => q::renew_pending(conn, existing.id, &row)?,
        Status::Confirmed | Status::Waitlisted => return Ok((existing, Some(before))),
    }
    Ok((q::by_id(conn, existing.id)?, Some(before)))
}

/// True when a request repeats one answered by mail moments ago: same state, no new mail.
pub(super) fn repeated(
    before: Option<Status>,
    mailed_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> bool {
    before.is_some_and(|s| s != Status::Cancelled)
        && mailed_at.is_some_and(|t| t > now - DOUBLE_SUBMIT_WINDOW)
}

/// Records a pending registration and queues the confirmation request. Registering again
/// with the same address answers the same and mails the person again (once: a double
/// submit mails once); nothing tells a third party whether the address was registered.
pub fn register(
    conn: &mut DbConnection,
    tokens: &RegistrationTokens,
    session_id: i64,
    new: &NewRegistration,
    now: NaiveDateTime,
) -> Result<(), RegistrationError> {
    within_write_transaction(conn, |conn| {
        let (r, before) = upsert_pending(conn, tokens, session_id, new, now, Some(now))?;
        if repeated(before, r.request_mailed_at, now) {
            return Ok(());
        }
        let mail = match before {
            Some(Status::Confirmed) => MailKind::RegistrationConfirmed {
                registration_id: r.id,
                promoted: false,
            },
            Some(Status::Waitlisted) => MailKind::RegistrationWaitlisted {
                registration_id: r.id,
            },
            _ => MailKind::RegistrationConfirm {
                registration_id: r.id,
            },
        };
        mail_to(conn, &r, &mail)?;
        if before.is_some() {
            q::set_request_mailed(conn, r.id, now)?;
        }
        Ok(())
    })
}

pub(super) fn mail_to(
    conn: &mut DbConnection,
    r: &Registration,
    mail: &MailKind,
) -> Result<(), RegistrationError> {
    let to = EmailAddress::parse(&r.email).map_err(|_| RegistrationError::UnknownToken)?;
    enqueue(conn, &to, r.locale.parse().unwrap_or(Locale::En), mail)?;
    Ok(())
}

/// Gives a registration in status `from` a seat if one is free, else the end of the
/// waitlist. Returns the status it is in now, and whether this call moved it (false when
/// a concurrent request, e.g. a double click, moved it first).
pub(super) fn seat_or_waitlist(
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

pub(super) fn outcome(
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

/// Confirms from the mailed token (of one registration or of a series registration).
/// Idempotent: confirming twice answers the same and mails once.
pub fn confirm(
    conn: &mut DbConnection,
    raw_token: &str,
    now: NaiveDateTime,
) -> Result<Confirmation, RegistrationError> {
    if !tokens::looks_valid(raw_token) {
        return Err(RegistrationError::UnknownToken);
    }
    let hash = tokens::hash(raw_token);
    write_transaction(conn, |conn| {
        let Some(r) = q::by_confirm_hash(conn, &hash)? else {
            return series::confirm_group(conn, &hash, now);
        };
        match status_of(&r) {
            Status::Pending => {
                if r.confirm_expires_at.is_some_and(|t| t < now) {
                    return Err(RegistrationError::Expired);
                }
                let (status, moved) = seat_or_waitlist(conn, &r, Status::Pending, now)?;
                if moved {
                    mail_to(conn, &r, &outcome_mail(r.id, status))?;
                }
            }
            Status::Cancelled => return Err(RegistrationError::UnknownToken),
            Status::Confirmed | Status::Waitlisted => {}
        }
        let o = outcome(conn, r.id)?;
        Ok(Confirmation {
            status: o.status,
            waitlist_position: o.waitlist_position,
            sessions: vec![],
        })
    })
}

pub(super) fn outcome_mail(registration_id: i64, status: Status) -> MailKind {
    if status == Status::Confirmed {
        MailKind::RegistrationConfirmed {
            registration_id,
            promoted: false,
        }
    } else {
        MailKind::RegistrationWaitlisted { registration_id }
    }
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
            let locale = next.locale.parse().unwrap_or(Locale::En);
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
