//! People's control over their data (GDPR): the privacy notice's version, a mailed link
//! that opens export and erasure, the export itself and erasure.
//!
//! Asking for a link always gets the same answer, whether or not Convive knows the
//! address; the link is only mailed when it does. Its token (256 random bits) is kept
//! only as a hash and expires after a day.

pub mod retention;

use chrono::{Duration, NaiveDateTime};

use crate::db::personal_data::{self, PersonalData};
use crate::db::privacy as q;
use crate::db::{DbConnection, DbError, suppressions, users, write_transaction};
use crate::domain::registration::Status;
use crate::domain::{EmailAddress, Locale};
use crate::mail::MailKind;
use crate::mail::kinds::enqueue;

use crate::secrets::tokens;

/// How long a mailed privacy link works.
pub const LINK_VALID: Duration = Duration::hours(24);
/// Suppression reason of erased addresses.
pub const ERASED: &str = "erasure";

#[derive(Debug, thiserror::Error)]
pub enum PrivacyError {
    #[error("invalid email address")]
    InvalidEmail,
    #[error("unknown, used or expired link")]
    InvalidToken,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Mails a link to the address if Convive holds data about it; silent otherwise.
pub fn request_link(
    conn: &mut DbConnection,
    email: &str,
    locale: Locale,
    now: NaiveDateTime,
) -> Result<(), PrivacyError> {
    let email = EmailAddress::parse(email).map_err(|_| PrivacyError::InvalidEmail)?;
    write_transaction(conn, |conn| {
        if q::has_data(conn, email.as_str())? {
            let (raw, hash) = tokens::new_token();
            q::insert_request(
                conn,
                email.as_str(),
                locale.code(),
                &hash,
                now + LINK_VALID,
                now,
            )?;
            enqueue(conn, &email, locale, &MailKind::PrivacyLink { token: raw })?;
        }
        Ok(())
    })
}

/// The request behind a link, if it can still be used.
pub fn open(
    conn: &mut DbConnection,
    raw: &str,
    now: NaiveDateTime,
) -> Result<q::PrivacyRequest, PrivacyError> {
    if !tokens::looks_valid(raw) {
        return Err(PrivacyError::InvalidToken);
    }
    q::request_by_hash(conn, &tokens::hash(raw))?
        .filter(|r| r.expires_at >= now)
        .ok_or(PrivacyError::InvalidToken)
}

/// Everything held about the link's address (the link stays usable until it expires).
pub fn export(
    conn: &mut DbConnection,
    raw: &str,
    now: NaiveDateTime,
) -> Result<PersonalData, PrivacyError> {
    let request = open(conn, raw, now)?;
    q::mark_request_used(conn, request.id, now)?;
    Ok(personal_data::personal_data(conn, &request.email)?)
}

/// What erasure did.
#[derive(Debug, Default, serde::Serialize)]
pub struct Erasure {
    pub registrations_anonymised: usize,
    pub invitations_anonymised: usize,
    pub account_deleted: bool,
}

/// Erases the link's address: registrations (cancelled first when upcoming, so seats
/// go to the waitlist) and invitations are anonymised, the account with its progress
/// and certificates deleted, queued mail dropped, and only a hash of the address kept,
/// in the suppression list. Every link of the address stops working.
pub fn erase(
    conn: &mut DbConnection,
    raw: &str,
    now: NaiveDateTime,
) -> Result<Erasure, PrivacyError> {
    let request = open(conn, raw, now)?;
    let email = request.email;
    write_transaction(conn, |conn| erase_address(conn, &email, now))
}

/// Erasure itself, inside the caller's transaction.
pub fn erase_address(
    conn: &mut DbConnection,
    email: &str,
    now: NaiveDateTime,
) -> Result<Erasure, PrivacyError> {
    let mut report = Erasure::default();
    for (id, session_id, status, starts_at) in q::registrations_of(conn, email)? {
        if status != Status::Cancelled && starts_at > now {
            crate::db::registrations::lock_session(conn, session_id)?;
            let cancelled = crate::db::registrations::transition(
                conn,
                id,
                status.as_str(),
                Status::Cancelled.as_str(),
                now,
            )?;
            if cancelled && status == Status::Confirmed {
                crate::db::registrations::release_seat(conn, session_id)?;
                crate::services::registrations::seats::promote_waitlist(conn, session_id, now)?;
            }
        }
        q::anonymise_registration(conn, id)?;
        report.registrations_anonymised += 1;
    }
    report.invitations_anonymised = q::anonymise_invitations(conn, email)?;
    q::anonymise_registration_groups(conn, email)?;
    if let Some(id) = q::account_of(conn, email)? {
        users::delete(conn, id)?;
        report.account_deleted = true;
    }
    q::scrub_mail_of(conn, email)?;
    q::delete_requests(conn, Some(email), now)?;
    suppressions::add(conn, email, ERASED, now)?;
    Ok(report)
}
