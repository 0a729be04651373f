//! Self-service from a registration's manage link: what the person sees (status, waitlist
//! position, join link when confirmed), cancelling, switching to another session of the
//! same webinar and changing the language of the mails. A series registration's manage
//! link is handled in `series.rs`, reached from here.

use chrono::NaiveDateTime;

use crate::db::registrations::{self as q, Registration};
use crate::db::{DbConnection, DbError, programme, write_transaction};
use crate::domain::Locale;
use crate::domain::registration::Status;
use crate::mail::MailKind;
use crate::secrets::link_tokens::RegistrationTokens;
use crate::secrets::tokens;
use crate::services::registrations::seats::{
    RegistrationError, cancel_one, mail_to, open_session, outcome_mail, promote_waitlist,
    seat_or_waitlist, status_of,
};
use crate::services::registrations::series;
use crate::services::registrations::view::{RegistrationView, registration_view};

/// What a manage link opens: one registration, or a registration to the whole series.
#[derive(Clone, Debug, serde::Serialize)]
#[serde(untagged)]
pub enum Managed {
    One(Box<RegistrationView>),
    Series(series::SeriesView),
}

fn by_manage(
    conn: &mut DbConnection,
    hash: &str,
) -> Result<Option<Registration>, RegistrationError> {
    Ok(q::by_manage_hash(conn, hash)?)
}

fn manage_hash(raw_token: &str) -> Result<String, RegistrationError> {
    if !tokens::looks_valid(raw_token) {
        return Err(RegistrationError::UnknownToken);
    }
    Ok(tokens::hash(raw_token))
}

/// The address a manage link (of one registration or of a series) belongs to.
pub fn registrant_email(
    conn: &mut DbConnection,
    raw_token: &str,
) -> Result<String, RegistrationError> {
    let hash = manage_hash(raw_token)?;
    if let Some(r) = by_manage(conn, &hash)? {
        return Ok(r.email);
    }
    crate::db::registration_groups::by_manage_hash(conn, &hash)?
        .map(|g| g.email)
        .ok_or(RegistrationError::UnknownToken)
}

/// What the manage page and `GET /registrations/{token}` show, titles in `locale`.
pub fn view(
    conn: &mut DbConnection,
    tokens: &RegistrationTokens,
    public_url: &str,
    raw_token: &str,
    locale: Locale,
    now: NaiveDateTime,
) -> Result<Managed, RegistrationError> {
    let hash = manage_hash(raw_token)?;
    match by_manage(conn, &hash)? {
        Some(r) => Ok(Managed::One(Box::new(registration_view(
            conn, tokens, public_url, &r, locale, now,
        )?))),
        None => {
            series::view_group(conn, tokens, public_url, &hash, locale, now).map(Managed::Series)
        }
    }
}

/// Cancels from a manage link: the registration, or for a series registration all of
/// it or only its registration to `session_id`. A freed seat goes to the waitlist.
pub fn cancel(
    conn: &mut DbConnection,
    raw_token: &str,
    session_id: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), RegistrationError> {
    let hash = manage_hash(raw_token)?;
    write_transaction(conn, |conn| match by_manage(conn, &hash)? {
        Some(r) => {
            if cancel_one(conn, &r, now)? {
                let mail = MailKind::RegistrationCancelled {
                    registration_id: r.id,
                };
                mail_to(conn, &r, &mail)?;
            }
            Ok(())
        }
        None => series::cancel_group(conn, &hash, session_id, now),
    })
}

/// Moves a registration to another session of the same webinar.
pub fn switch_session(
    conn: &mut DbConnection,
    raw_token: &str,
    to_session: i64,
    now: NaiveDateTime,
) -> Result<Status, RegistrationError> {
    let hash = manage_hash(raw_token)?;
    write_transaction(conn, |conn| {
        let r = by_manage(conn, &hash)?.ok_or(RegistrationError::UnknownToken)?;
        open_session(conn, to_session, now)?;
        let from = programme::published_session(conn, r.session_id)?;
        let to = programme::published_session(conn, to_session)?;
        let was = status_of(&r);
        if from.webinar_id != to.webinar_id || was == Status::Cancelled {
            return Err(RegistrationError::SessionUnavailable);
        }
        if q::by_session_email(conn, to_session, &r.email)?.is_some() {
            return Err(RegistrationError::AlreadyRegistered);
        }
        // Both sessions locked in id order: two people switching in opposite directions
        // at once queue instead of deadlocking on PostgreSQL.
        for id in [from.id.min(to.id), from.id.max(to.id)] {
            q::lock_session(conn, id)?;
        }
        q::move_to_session(conn, r.id, to_session)?;
        if was == Status::Confirmed {
            q::release_seat(conn, from.id)?;
        }
        let r = q::by_id(conn, r.id)?;
        let status = if was == Status::Pending {
            Status::Pending
        } else {
            let (status, _) = seat_or_waitlist(conn, &r, was, now)?;
            mail_to(conn, &r, &outcome_mail(r.id, status))?;
            status
        };
        if was == Status::Confirmed {
            promote_waitlist(conn, from.id, now)?;
        }
        Ok(status)
    })
}

/// The language of the mails, for one registration or every one of a series registration.
pub fn change_locale(
    conn: &mut DbConnection,
    raw_token: &str,
    locale: Locale,
) -> Result<(), RegistrationError> {
    let hash = manage_hash(raw_token)?;
    write_transaction(conn, |conn| match by_manage(conn, &hash)? {
        Some(r) => Ok(q::set_locale(conn, r.id, locale.code())?),
        None => series::change_group_locale(conn, &hash, locale),
    })
}

/// Who an invitation link names, to pre-fill the registration form (records nothing).
pub fn invitee(
    conn: &mut DbConnection,
    raw_token: &str,
) -> Result<Option<crate::db::campaigns::Invitation>, DbError> {
    if !tokens::looks_valid(raw_token) {
        return Ok(None);
    }
    crate::db::campaigns::invitation_by_token(conn, &tokens::hash(raw_token))
}
