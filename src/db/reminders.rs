//! The day of a session: reminders of confirmed registrations (which are due, which were
//! queued already) and the join link.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::registrations::Registration;
use super::schema::{registration_reminders, registrations, sessions};
use super::{DbConnection, DbError};

/// Confirmed registrations of sessions starting within `window` from `now` whose
/// reminder for `minutes_before` was not queued yet.
pub fn due_reminders(
    conn: &mut DbConnection,
    now: NaiveDateTime,
) -> Result<Vec<(Registration, NaiveDateTime, String)>, DbError> {
    let horizon = now + chrono::Duration::days(2);
    Ok(registrations::table
        .inner_join(sessions::table)
        .filter(registrations::status.eq("confirmed"))
        .filter(sessions::starts_at.gt(now))
        .filter(sessions::starts_at.le(horizon))
        .select((
            Registration::as_select(),
            sessions::starts_at,
            sessions::reminder_offsets,
        ))
        .load(conn)?)
}

/// Marks a reminder as queued; false when it already was.
pub fn claim_reminder(
    conn: &mut DbConnection,
    registration_id: i64,
    minutes_before: i32,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let exists = registration_reminders::table
        .find((registration_id, minutes_before))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if exists {
        return Ok(false);
    }
    diesel::insert_into(registration_reminders::table)
        .values((
            registration_reminders::registration_id.eq(registration_id),
            registration_reminders::minutes_before.eq(minutes_before),
            registration_reminders::queued_at.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}

/// The registration a join link belongs to.
pub fn by_join_hash(conn: &mut DbConnection, hash: &str) -> Result<Option<Registration>, DbError> {
    Ok(registrations::table
        .filter(registrations::join_token_hash.eq(hash))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

/// The first click on the join link counts as attendance evidence.
pub fn record_join_click(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(
        registrations::table
            .find(id)
            .filter(registrations::join_clicked_at.is_null()),
    )
    .set(registrations::join_clicked_at.eq(Some(now)))
    .execute(conn)?;
    Ok(())
}
