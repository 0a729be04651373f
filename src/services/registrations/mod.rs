//! Registering officials to live sessions: double opt-in, capacity with a waitlist,
//! promotion. Every state change and the mail it causes are written in one transaction.
//! Registering and confirming are here; what every path shares (seats, waitlist,
//! errors) is in `seats.rs`, the pending registration in `pending.rs`; self-service from
//! the manage link (view, cancel, switch session, change language) is in `manage.rs`,
//! what it shows in `view.rs`, the whole series in `series.rs`, reminders and join links
//! in `reminders.rs`, the back office's registrants in `registrants.rs`.

pub mod attendance;
pub mod export;
pub mod manage;
pub mod pending;
pub mod registrants;
pub mod reminders;
pub mod seats;
pub mod series;
pub mod view;

use chrono::NaiveDateTime;

use crate::db::registrations as q;
use crate::db::{DbConnection, within_write_transaction, write_transaction};
use crate::domain::registration::{NewRegistration, Status};
use crate::mail::MailKind;
use crate::secrets::link_tokens::RegistrationTokens;
use crate::secrets::tokens;
use crate::services::registrations::pending::{repeated, upsert_pending};
use crate::services::registrations::seats::{
    Confirmation, RegistrationError, mail_to, outcome, outcome_mail, seat_or_waitlist, status_of,
};

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
