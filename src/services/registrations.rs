//! Registering officials to live sessions: double opt-in, capacity with a waitlist,
//! self-service (cancel, switch session, change language) and reminders. Every state
//! change and the mail it causes are written in one transaction.

use chrono::{Duration, NaiveDateTime};

use crate::db::registrations::{self as q, NewRegistrationRow, Registration};
use crate::db::{DbConnection, DbError, programme, write_transaction};
use crate::domain::registration::{NewRegistration, Status};
use crate::domain::{EmailAddress, Locale};
use crate::mail::MailKind;
use crate::mail::kinds::enqueue;

use super::programme::SessionView;
use super::registration_tokens::{Purpose, RegistrationTokens};
use super::tokens;

/// Wording version of the processing notice the registrant consented to.
pub const CONSENT_VERSION: &str = super::privacy::NOTICE_VERSION;
const CONFIRM_WITHIN: Duration = Duration::days(7);

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

/// A registration as its holder sees it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RegistrationView {
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    pub full_name: String,
    pub locale: Locale,
    pub timezone: String,
    pub session: SessionView,
    #[serde(skip)]
    pub other_sessions: Vec<SessionView>,
}

fn status_of(r: &Registration) -> Status {
    Status::parse(&r.status).unwrap_or(Status::Pending)
}

fn open_session(
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

/// Records a pending registration and queues the confirmation request. Registering again
/// with the same address answers the same and mails the person again; nothing tells a
/// third party whether the address was registered.
pub fn register(
    conn: &mut DbConnection,
    tokens: &RegistrationTokens,
    session_id: i64,
    new: &NewRegistration,
    now: NaiveDateTime,
) -> Result<(), RegistrationError> {
    write_transaction(conn, |conn| {
        open_session(conn, session_id, now)?;
        let invitation_id = q::invitation_for(conn, session_id, new.email.as_str())?;
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
            confirm_token_hash: None,
            confirm_expires_at: Some(now + CONFIRM_WITHIN),
            manage_token_hash: "",
            join_token_hash: "",
            invitation_id,
            created_at: now,
        };
        let (id, mail) = match q::by_session_email(conn, session_id, new.email.as_str())? {
            None => {
                // Unique placeholders until the id-derived hashes are set below.
                let placeholder = tokens::new_token().1;
                let row = NewRegistrationRow {
                    manage_token_hash: &placeholder,
                    join_token_hash: &format!("{placeholder}j"),
                    ..row
                };
                let id = q::insert(conn, &row)?;
                q::set_token_hashes(
                    conn,
                    id,
                    &tokens.hashed(Purpose::Confirm, id),
                    &tokens.hashed(Purpose::Manage, id),
                    &tokens.hashed(Purpose::Join, id),
                )?;
                (
                    id,
                    MailKind::RegistrationConfirm {
                        registration_id: id,
                    },
                )
            }
            Some(existing) => match status_of(&existing) {
                Status::Pending => {
                    q::extend_confirmation(conn, existing.id, now + CONFIRM_WITHIN)?;
                    (
                        existing.id,
                        MailKind::RegistrationConfirm {
                            registration_id: existing.id,
                        },
                    )
                }
                Status::Cancelled => {
                    q::renew_pending(conn, existing.id, &row)?;
                    (
                        existing.id,
                        MailKind::RegistrationConfirm {
                            registration_id: existing.id,
                        },
                    )
                }
                Status::Confirmed => (
                    existing.id,
                    MailKind::RegistrationConfirmed {
                        registration_id: existing.id,
                        promoted: false,
                    },
                ),
                Status::Waitlisted => (
                    existing.id,
                    MailKind::RegistrationWaitlisted {
                        registration_id: existing.id,
                    },
                ),
            },
        };
        let reg = q::by_id(conn, id)?;
        mail_to(conn, &reg, &mail)?;
        Ok(())
    })
}

fn mail_to(
    conn: &mut DbConnection,
    r: &Registration,
    mail: &MailKind,
) -> Result<(), RegistrationError> {
    let to = EmailAddress::parse(&r.email).map_err(|_| RegistrationError::UnknownToken)?;
    enqueue(conn, &to, r.locale.parse().unwrap_or(Locale::En), mail)?;
    Ok(())
}

/// Takes a seat for a pending or waitlisted registration, or puts it on the waitlist.
fn seat_or_waitlist(
    conn: &mut DbConnection,
    r: &Registration,
    now: NaiveDateTime,
) -> Result<Status, RegistrationError> {
    if q::take_seat(conn, r.session_id)? {
        q::set_status(conn, r.id, Status::Confirmed.as_str(), now)?;
        Ok(Status::Confirmed)
    } else {
        q::set_status(conn, r.id, Status::Waitlisted.as_str(), now)?;
        Ok(Status::Waitlisted)
    }
}

/// The outcome of a confirmation: confirmed, or waitlisted at a position.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct Confirmation {
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
}

/// Confirms from the mailed token. Idempotent: confirming twice answers the same.
pub fn confirm(
    conn: &mut DbConnection,
    raw_token: &str,
    now: NaiveDateTime,
) -> Result<Confirmation, RegistrationError> {
    if !tokens::looks_valid(raw_token) {
        return Err(RegistrationError::UnknownToken);
    }
    write_transaction(conn, |conn| {
        let r = q::by_confirm_hash(conn, &tokens::hash(raw_token))?
            .ok_or(RegistrationError::UnknownToken)?;
        let status = match status_of(&r) {
            Status::Pending => {
                if r.confirm_expires_at.is_some_and(|t| t < now) {
                    return Err(RegistrationError::Expired);
                }
                let status = seat_or_waitlist(conn, &r, now)?;
                let mail = match status {
                    Status::Confirmed => MailKind::RegistrationConfirmed {
                        registration_id: r.id,
                        promoted: false,
                    },
                    _ => MailKind::RegistrationWaitlisted {
                        registration_id: r.id,
                    },
                };
                mail_to(conn, &r, &mail)?;
                status
            }
            Status::Cancelled => return Err(RegistrationError::UnknownToken),
            other => other,
        };
        let r = q::by_id(conn, r.id)?;
        Ok(Confirmation {
            status: status.as_str(),
            waitlist_position: (status == Status::Waitlisted)
                .then(|| q::waitlist_position(conn, &r))
                .transpose()?,
        })
    })
}

fn by_manage(conn: &mut DbConnection, raw_token: &str) -> Result<Registration, RegistrationError> {
    if !tokens::looks_valid(raw_token) {
        return Err(RegistrationError::UnknownToken);
    }
    q::by_manage_hash(conn, &tokens::hash(raw_token))?.ok_or(RegistrationError::UnknownToken)
}

/// What the manage page and `GET /registrations/{token}` show.
pub fn view(
    conn: &mut DbConnection,
    tokens: &RegistrationTokens,
    public_url: &str,
    raw_token: &str,
    now: NaiveDateTime,
) -> Result<RegistrationView, RegistrationError> {
    let r = by_manage(conn, raw_token)?;
    let status = status_of(&r);
    let session = super::programme::session(conn, r.session_id)?;
    let webinar_id = programme::published_session(conn, r.session_id).map(|s| s.webinar_id)?;
    let others = programme::upcoming_sessions(conn, &[webinar_id], now)?
        .iter()
        .filter(|s| s.id != r.session_id)
        .map(|s| super::programme::session(conn, s.id))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(RegistrationView {
        status: status.as_str(),
        waitlist_position: (status == Status::Waitlisted)
            .then(|| q::waitlist_position(conn, &r))
            .transpose()?,
        join_url: (status == Status::Confirmed)
            .then(|| format!("{public_url}/join/{}", tokens.raw(Purpose::Join, r.id))),
        full_name: r.full_name.clone(),
        locale: r.locale.parse().unwrap_or(Locale::En),
        timezone: r.timezone.clone(),
        session,
        other_sessions: others,
    })
}

/// Cancels from the manage link; a freed seat goes to the waitlist.
pub fn cancel(
    conn: &mut DbConnection,
    raw_token: &str,
    now: NaiveDateTime,
) -> Result<(), RegistrationError> {
    write_transaction(conn, |conn| {
        let r = by_manage(conn, raw_token)?;
        let was = status_of(&r);
        if was == Status::Cancelled {
            return Ok(());
        }
        q::set_status(conn, r.id, Status::Cancelled.as_str(), now)?;
        if was.is_active() || was == Status::Pending {
            mail_to(
                conn,
                &r,
                &MailKind::RegistrationCancelled {
                    registration_id: r.id,
                },
            )?;
        }
        if was == Status::Confirmed {
            q::release_seat(conn, r.session_id)?;
            promote_waitlist(conn, r.session_id, now)?;
        }
        Ok(())
    })
}

/// Moves a registration to another session of the same webinar.
pub fn switch_session(
    conn: &mut DbConnection,
    raw_token: &str,
    to_session: i64,
    now: NaiveDateTime,
) -> Result<Status, RegistrationError> {
    write_transaction(conn, |conn| {
        let r = by_manage(conn, raw_token)?;
        open_session(conn, to_session, now)?;
        let from = programme::published_session(conn, r.session_id)?;
        let to = programme::published_session(conn, to_session)?;
        if from.webinar_id != to.webinar_id || status_of(&r) == Status::Cancelled {
            return Err(RegistrationError::SessionUnavailable);
        }
        if q::by_session_email(conn, to_session, &r.email)?.is_some() {
            return Err(RegistrationError::AlreadyRegistered);
        }
        let was = status_of(&r);
        q::move_to_session(conn, r.id, to_session)?;
        if was == Status::Confirmed {
            q::release_seat(conn, from.id)?;
        }
        let r = q::by_id(conn, r.id)?;
        let status = if was == Status::Pending {
            Status::Pending
        } else {
            seat_or_waitlist(conn, &r, now)?
        };
        match status {
            Status::Confirmed => mail_to(
                conn,
                &r,
                &MailKind::RegistrationConfirmed {
                    registration_id: r.id,
                    promoted: false,
                },
            )?,
            Status::Waitlisted => mail_to(
                conn,
                &r,
                &MailKind::RegistrationWaitlisted {
                    registration_id: r.id,
                },
            )?,
            _ => {}
        }
        if was == Status::Confirmed {
            promote_waitlist(conn, from.id, now)?;
        }
        Ok(status)
    })
}

pub fn change_locale(
    conn: &mut DbConnection,
    raw_token: &str,
    locale: Locale,
) -> Result<(), RegistrationError> {
    let r = by_manage(conn, raw_token)?;
    q::set_locale(conn, r.id, locale.code())?;
    Ok(())
}

/// Gives free seats to the waitlist in order, mailing each person promoted.
pub fn promote_waitlist(
    conn: &mut DbConnection,
    session_id: i64,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    let mut promoted = 0;
    while let Some(next) = q::first_waitlisted(conn, session_id)? {
        if !q::take_seat(conn, session_id)? {
            break;
        }
        q::set_status(conn, next.id, Status::Confirmed.as_str(), now)?;
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
    if status_of(&r) != Status::Confirmed {
        return Err(RegistrationError::UnknownToken);
    }
    q::record_join_click(conn, r.id, now)?;
    Ok(programme::published_session(conn, r.session_id)?.meeting_url)
}

/// Queues the reminders that are due (scheduled job of the worker); returns how many.
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
        conn.transaction(|conn| {
            let mut fresh = false;
            for m in &due {
                fresh |= q::claim_reminder(conn, r.id, *m, now)? && *m == minutes;
            }
            if fresh && let Ok(to) = EmailAddress::parse(&r.email) {
                let locale = r.locale.parse().unwrap_or(Locale::En);
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

use diesel::Connection;
