//! Back-office changes to sessions, whatever their publication state: editing,
//! cancelling, and the registrations a change concerns.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::models::Session;
use super::schema::{registrations, sessions};
use super::{DbConnection, DbError};

fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// Every field of a session an organiser edits; the sequence grows when the time moves.
pub struct SessionChanges<'a> {
    pub starts_at: NaiveDateTime,
    pub timezone: &'a str,
    pub duration_minutes: i32,
    pub capacity: i32,
    pub meeting_url: &'a str,
    pub languages: &'a str,
    pub reminder_offsets: &'a str,
}

/// False when the capacity would fall under the confirmed seats.
pub fn update_session_full(
    conn: &mut DbConnection,
    id: i64,
    c: &SessionChanges,
) -> Result<bool, DbError> {
    let n = diesel::update(
        sessions::table
            .find(id)
            .filter(sessions::confirmed_count.le(c.capacity)),
    )
    .set((
        sessions::starts_at.eq(c.starts_at),
        sessions::timezone.eq(c.timezone),
        sessions::duration_minutes.eq(c.duration_minutes),
        sessions::capacity.eq(c.capacity),
        sessions::meeting_url.eq(c.meeting_url),
        sessions::languages.eq(c.languages),
        sessions::reminder_offsets.eq(c.reminder_offsets),
        sessions::sequence.eq(sessions::sequence + 1),
        sessions::updated_at.eq(now()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// A cancelled session leaves the programme and frees its seats.
pub fn cancel_session(conn: &mut DbConnection, id: i64) -> Result<(), DbError> {
    diesel::update(sessions::table.find(id))
        .set((
            sessions::published.eq(false),
            sessions::confirmed_count.eq(0),
            sessions::sequence.eq(sessions::sequence + 1),
            sessions::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Ids of the registrations of a session in one of these states.
pub fn registrations_in(
    conn: &mut DbConnection,
    session_id: i64,
    statuses: &[&str],
) -> Result<Vec<i64>, DbError> {
    Ok(registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::status.eq_any(statuses))
        .order(registrations::id)
        .select(registrations::id)
        .load(conn)?)
}

pub fn all_sessions(conn: &mut DbConnection) -> Result<Vec<Session>, DbError> {
    Ok(sessions::table
        .order(sessions::starts_at)
        .select(Session::as_select())
        .load(conn)?)
}
