//! Registrants as the back office lists them, and what organisers change by hand
//! (attendance); status changes go through `services::registrations`' rules.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::TimeZone;

use super::registrations::Registration;

use super::schema::{registrations, sessions};
use super::{DbConnection, DbError};

/// A registration with the session it is for.
#[derive(Queryable, Clone, Debug)]
pub struct RegistrantRow {
    pub registration: Registration,
    pub webinar_id: i64,
    pub starts_at: NaiveDateTime,
    pub timezone: TimeZone,
}

/// Every registration (of one session, or of all), oldest first.
pub fn registrants(
    conn: &mut DbConnection,
    session_id: Option<i64>,
) -> Result<Vec<RegistrantRow>, DbError> {
    let select = (
        Registration::as_select(),
        sessions::webinar_id,
        sessions::starts_at,
        sessions::timezone,
    );
    let query = registrations::table
        .inner_join(sessions::table)
        .order(registrations::id);
    Ok(match session_id {
        Some(id) => query
            .filter(registrations::session_id.eq(id))
            .select(select)
            .load(conn)?,
        None => query.select(select).load(conn)?,
    })
}

pub fn set_attended(conn: &mut DbConnection, id: i64, attended: bool) -> Result<bool, DbError> {
    Ok(diesel::update(registrations::table.find(id))
        .set(registrations::attended.eq(attended))
        .execute(conn)?
        == 1)
}

/// Marks attended the registrations of a session with one of these addresses (any
/// case); returns the addresses matched, lower-cased.
pub fn mark_attended_by_email(
    conn: &mut DbConnection,
    session_id: i64,
    emails: &[String],
) -> Result<Vec<String>, DbError> {
    let rows: Vec<(i64, String)> = registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::status.ne("cancelled"))
        .select((registrations::id, registrations::email))
        .load(conn)?;
    let mut matched = vec![];
    let mut ids = vec![];
    for (id, email) in rows {
        let lower = email.to_lowercase();
        if emails.contains(&lower) {
            ids.push(id);
            matched.push(lower);
        }
    }
    diesel::update(registrations::table.filter(registrations::id.eq_any(&ids)))
        .set(registrations::attended.eq(true))
        .execute(conn)?;
    Ok(matched)
}
