//! What calendar feeds list: the sessions of the programme (cancelled ones too, so that
//! subscribed calendars drop them) and the sessions one registrant holds a place in.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::Session;
use super::schema::{registrations, sessions, webinars};
use super::{DbConnection, DbError};

/// Sessions of published webinars that start after `since`, published or cancelled,
/// soonest first.
pub fn programme_sessions(
    conn: &mut DbConnection,
    since: NaiveDateTime,
) -> Result<Vec<Session>, DbError> {
    Ok(sessions::table
        .inner_join(webinars::table)
        .filter(webinars::published.eq(true))
        .filter(sessions::starts_at.gt(since))
        .order(sessions::starts_at)
        .select(Session::as_select())
        .load(conn)?)
}

/// The sessions registrations to `email` are for, with whether the registration still
/// holds a seat or a waitlist place (false: cancelled). Unconfirmed ones are left out.
pub fn sessions_of_registrant(
    conn: &mut DbConnection,
    email: &str,
    since: NaiveDateTime,
) -> Result<Vec<(Session, bool)>, DbError> {
    let rows: Vec<(Session, String)> = sessions::table
        .inner_join(registrations::table)
        .filter(registrations::email.eq(email))
        .filter(registrations::status.ne("pending"))
        .filter(sessions::starts_at.gt(since))
        .order(sessions::starts_at)
        .select((Session::as_select(), registrations::status))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(s, status)| (s, status != "cancelled"))
        .collect())
}
