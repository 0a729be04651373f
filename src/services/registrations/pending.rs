//! A registration waiting for its confirmation: created, renewed or refreshed from the
//! form (one session, or each session of a series), and the double-submit rule.

use chrono::{Duration, NaiveDateTime};

use crate::db::DbConnection;
use crate::db::registrations::{self as q, NewRegistrationRow, Registration};
use crate::domain::registration::{NewRegistration, Status};
use crate::secrets::link_tokens::{Purpose, RegistrationTokens};
use crate::services::registrations::seats::{RegistrationError, open_session, status_of};

/// Wording version of the processing notice the registrant consented to.
pub const CONSENT_VERSION: &str = crate::domain::consent::NOTICE_VERSION;
const CONFIRM_WITHIN: Duration = Duration::days(7);
/// The same request again within this time is a double submit (double click, a client
/// retrying): answered the same, without a second mail.
pub(crate) const DOUBLE_SUBMIT_WINDOW: Duration = Duration::seconds(30);

/// The registration of `new.email` to a session: created pending, renewed when it was
/// cancelled, refreshed when pending, left alone when it holds or awaits a seat. Also
/// returns its status before this request (`None` when new). `mailed_at`: when the
/// caller mails the registrant about a new registration (recorded with it).
pub(crate) fn upsert_pending(
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
pub(crate) fn repeated(
    before: Option<Status>,
    mailed_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> bool {
    before.is_some_and(|s| s != Status::Cancelled)
        && mailed_at.is_some_and(|t| t > now - DOUBLE_SUBMIT_WINDOW)
}
