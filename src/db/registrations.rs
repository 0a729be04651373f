//! Registrations to sessions, and the seat counter that enforces capacity.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::registration::Status;
use crate::domain::{Locale, TimeZone};

use super::schema::{registration_reminders, registrations, sessions};
use super::stored::stored_values;
use super::{DbConnection, DbError};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = registrations)]
pub struct Registration {
    pub id: i64,
    pub session_id: i64,
    pub email: String,
    pub full_name: String,
    pub organisation: String,
    pub function: String,
    pub territory: String,
    pub country: String,
    pub locale: Locale,
    pub timezone: TimeZone,
    pub status: Status,
    pub waitlisted_at: Option<NaiveDateTime>,
    pub confirm_expires_at: Option<NaiveDateTime>,
    pub invitation_id: Option<i64>,
    pub attended: bool,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub request_mailed_at: Option<NaiveDateTime>,
    /// What its link tokens derive from ('' for rows older than seeds: the id).
    pub token_seed: String,
}

#[derive(Insertable)]
#[diesel(table_name = registrations)]
pub struct NewRegistrationRow<'a> {
    pub session_id: i64,
    pub email: &'a str,
    pub full_name: &'a str,
    pub organisation: &'a str,
    pub function: &'a str,
    pub territory: &'a str,
    pub country: &'a str,
    pub locale: &'a str,
    pub timezone: &'a str,
    pub consent_version: &'a str,
    pub consent_at: NaiveDateTime,
    pub announcements: bool,
    pub status: &'a str,
    pub confirm_token_hash: Option<&'a str>,
    pub confirm_expires_at: Option<NaiveDateTime>,
    pub manage_token_hash: &'a str,
    pub join_token_hash: &'a str,
    pub invitation_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub request_mailed_at: Option<NaiveDateTime>,
    pub token_seed: &'a str,
}

pub fn by_session_email(
    conn: &mut DbConnection,
    session_id: i64,
    email: &str,
) -> Result<Option<Registration>, DbError> {
    Ok(registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::email.eq(email))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> Result<Registration, DbError> {
    Ok(registrations::table
        .find(id)
        .select(Registration::as_select())
        .first(conn)?)
}

pub fn by_confirm_hash(
    conn: &mut DbConnection,
    hash: &str,
) -> Result<Option<Registration>, DbError> {
    Ok(registrations::table
        .filter(registrations::confirm_token_hash.eq(hash))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_manage_hash(
    conn: &mut DbConnection,
    hash: &str,
) -> Result<Option<Registration>, DbError> {
    Ok(registrations::table
        .filter(registrations::manage_token_hash.eq(hash))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

/// Inserts a registration (with its final token hashes: they derive from its seed)
/// unless one of the same address to the same session exists; returns it when inserted.
/// One statement on the hot path: a concurrent insert of the same row (PostgreSQL) is
/// waited for and then found by `by_session_email`.
pub fn insert_new(
    conn: &mut DbConnection,
    row: &NewRegistrationRow,
) -> Result<Option<Registration>, DbError> {
    // ON CONFLICT is not available through the multi-backend connection: run the same
    // statement on the connection of either backend.
    macro_rules! insert_or_nothing {
        ($c:expr) => {
            diesel::insert_into(registrations::table)
                .values(row)
                .on_conflict((registrations::session_id, registrations::email))
                .do_nothing()
                .returning(registrations::id)
                .get_result::<i64>($c)
                .optional()?
        };
    }
    let id = match conn {
        DbConnection::Sqlite(c) => insert_or_nothing!(c),
        DbConnection::Pg(c) => insert_or_nothing!(c),
    };
    let (locale, timezone, status) = stored_values(row.locale, row.timezone, row.status)?;
    Ok(id.map(|id| Registration {
        id,
        session_id: row.session_id,
        email: row.email.to_owned(),
        full_name: row.full_name.to_owned(),
        organisation: row.organisation.to_owned(),
        function: row.function.to_owned(),
        territory: row.territory.to_owned(),
        country: row.country.to_owned(),
        locale,
        timezone,
        status,
        waitlisted_at: None,
        confirm_expires_at: row.confirm_expires_at,
        invitation_id: row.invitation_id,
        attended: false,
        created_at: row.created_at,
        confirmed_at: None,
        request_mailed_at: row.request_mailed_at,
        token_seed: row.token_seed.to_owned(),
    }))
}

/// Takes a seat if one is free: one conditional UPDATE, so concurrent confirmations can
/// never overbook (and the CHECK constraint refuses it anyway).
pub fn take_seat(conn: &mut DbConnection, session_id: i64) -> Result<bool, DbError> {
    let changed = diesel::update(
        sessions::table
            .filter(sessions::id.eq(session_id))
            .filter(sessions::confirmed_count.lt(sessions::capacity)),
    )
    .set(sessions::confirmed_count.eq(sessions::confirmed_count + 1))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Locks the session's row until the transaction ends (a no-op write), so on PostgreSQL
/// a session's confirmations and promotions queue one after the other as on SQLite and
/// the waitlist order is the order of commits.
pub fn lock_session(conn: &mut DbConnection, session_id: i64) -> Result<(), DbError> {
    diesel::update(sessions::table.find(session_id))
        .set(sessions::confirmed_count.eq(sessions::confirmed_count))
        .execute(conn)?;
    Ok(())
}

/// When a registration joining the session's waitlist now takes its place: `now`, or just
/// after the last one when clocks of concurrent requests disagree, so positions never tie.
pub fn next_waitlist_time(
    conn: &mut DbConnection,
    session_id: i64,
    now: NaiveDateTime,
) -> Result<NaiveDateTime, DbError> {
    let last: Option<NaiveDateTime> = registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::status.eq("waitlisted"))
        .select(diesel::dsl::max(registrations::waitlisted_at))
        .first(conn)?;
    // PostgreSQL keeps microseconds: compare at that precision.
    let now = chrono::SubsecRound::trunc_subsecs(now, 6);
    Ok(match last {
        Some(last) if last >= now => last + chrono::Duration::microseconds(1),
        _ => now,
    })
}

pub fn release_seat(conn: &mut DbConnection, session_id: i64) -> Result<(), DbError> {
    diesel::update(
        sessions::table
            .filter(sessions::id.eq(session_id))
            .filter(sessions::confirmed_count.gt(0)),
    )
    .set(sessions::confirmed_count.eq(sessions::confirmed_count - 1))
    .execute(conn)?;
    Ok(())
}

/// Moves a registration from status `from` to `to`; false (nothing changed) when it was
/// no longer in `from`. The condition is in the UPDATE, so on PostgreSQL a concurrent
/// transition of the same row waits for the first one and then finds nothing to change:
/// a double-clicked confirmation or cancellation can never count a seat twice.
pub fn transition(
    conn: &mut DbConnection,
    id: i64,
    from: &str,
    to: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let target = registrations::table
        .find(id)
        .filter(registrations::status.eq(from));
    let changed = match to {
        "confirmed" => diesel::update(target)
            .set((
                registrations::status.eq(to),
                registrations::confirmed_at.eq(Some(now)),
            ))
            .execute(conn)?,
        "waitlisted" => diesel::update(target)
            .set((
                registrations::status.eq(to),
                registrations::waitlisted_at.eq(Some(now)),
            ))
            .execute(conn)?,
        "cancelled" => diesel::update(target)
            .set((
                registrations::status.eq(to),
                registrations::cancelled_at.eq(Some(now)),
            ))
            .execute(conn)?,
        _ => diesel::update(target)
            .set(registrations::status.eq(to))
            .execute(conn)?,
    };
    Ok(changed == 1)
}

/// Records that a registration request was answered by mail now.
pub fn set_request_mailed(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(registrations::table.find(id))
        .set(registrations::request_mailed_at.eq(Some(now)))
        .execute(conn)?;
    Ok(())
}

/// Registrations by id, soonest session first.
pub fn by_ids(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<Registration>, DbError> {
    Ok(registrations::table
        .inner_join(sessions::table)
        .filter(registrations::id.eq_any(ids))
        .order((sessions::starts_at, registrations::id))
        .select(Registration::as_select())
        .load(conn)?)
}

/// Back to pending with fresh details (registering again, or after a cancellation).
pub fn renew_pending(
    conn: &mut DbConnection,
    id: i64,
    row: &NewRegistrationRow,
) -> Result<(), DbError> {
    diesel::update(registrations::table.find(id))
        .set((
            registrations::full_name.eq(row.full_name),
            registrations::organisation.eq(row.organisation),
            registrations::function.eq(row.function),
            registrations::territory.eq(row.territory),
            registrations::country.eq(row.country),
            registrations::locale.eq(row.locale),
            registrations::timezone.eq(row.timezone),
            registrations::consent_version.eq(row.consent_version),
            registrations::consent_at.eq(row.consent_at),
            registrations::announcements.eq(row.announcements),
            registrations::status.eq("pending"),
            registrations::confirm_expires_at.eq(row.confirm_expires_at),
            registrations::cancelled_at.eq(None::<NaiveDateTime>),
            registrations::waitlisted_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Refreshes the confirmation deadline of a pending registration.
pub fn extend_confirmation(
    conn: &mut DbConnection,
    id: i64,
    until: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(registrations::table.find(id))
        .set(registrations::confirm_expires_at.eq(Some(until)))
        .execute(conn)?;
    Ok(())
}

pub fn set_locale(conn: &mut DbConnection, id: i64, locale: &str) -> Result<(), DbError> {
    diesel::update(registrations::table.find(id))
        .set(registrations::locale.eq(locale))
        .execute(conn)?;
    Ok(())
}

/// Moves a registration to another session; the reminders of the old one are forgotten
/// so the new session's go out.
pub fn move_to_session(conn: &mut DbConnection, id: i64, session_id: i64) -> Result<(), DbError> {
    diesel::update(registrations::table.find(id))
        .set(registrations::session_id.eq(session_id))
        .execute(conn)?;
    diesel::delete(
        registration_reminders::table.filter(registration_reminders::registration_id.eq(id)),
    )
    .execute(conn)?;
    Ok(())
}

/// 1-based position on the waitlist (by time of joining it).
pub fn waitlist_position(conn: &mut DbConnection, r: &Registration) -> Result<i64, DbError> {
    let Some(at) = r.waitlisted_at else {
        return Ok(0);
    };
    let ahead: i64 = registrations::table
        .filter(registrations::session_id.eq(r.session_id))
        .filter(registrations::status.eq("waitlisted"))
        .filter(
            registrations::waitlisted_at
                .lt(at)
                .or(registrations::waitlisted_at
                    .eq(at)
                    .and(registrations::id.lt(r.id))),
        )
        .count()
        .get_result(conn)?;
    Ok(ahead + 1)
}

/// The longest-waiting person of a session's waitlist.
pub fn first_waitlisted(
    conn: &mut DbConnection,
    session_id: i64,
) -> Result<Option<Registration>, DbError> {
    Ok(registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::status.eq("waitlisted"))
        .order((registrations::waitlisted_at, registrations::id))
        .select(Registration::as_select())
        .first(conn)
        .optional()?)
}

/// Matches an invitation of a campaign targeting this session (or the whole series): the
/// latest. Picked here, not with ORDER BY id DESC LIMIT 1: with that, PostgreSQL walked
/// every invitation backwards by id instead of using the email index (18 ms a
/// registration after a 10,000-invitee campaign).
pub fn invitation_for(
    conn: &mut DbConnection,
    session_id: i64,
    email: &str,
) -> Result<Option<i64>, DbError> {
    use super::schema::{campaigns, invitations};
    Ok(invitations::table
        .inner_join(campaigns::table)
        .filter(invitations::email.eq(email))
        .filter(
            campaigns::session_id
                .eq(session_id)
                .or(campaigns::whole_series.eq(true)),
        )
        .select(invitations::id)
        .load::<i64>(conn)?
        .into_iter()
        .max())
}
