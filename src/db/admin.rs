//! Back-office queries: organiser accounts, the audit log, and sessions
//! edited by organisers (whatever their publication state).

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::models::{NewSession, Session, User, Webinar};
use super::schema::{audit_log, sessions, users, webinars};
use super::{DbConnection, DbError};

pub const STAFF_ROLES: [&str; 2] = ["organiser", "admin"];

/// Organisers and admins, by address.
pub fn staff(conn: &mut DbConnection) -> Result<Vec<User>, DbError> {
    Ok(users::table
        .filter(users::role.eq_any(STAFF_ROLES))
        .order(users::email)
        .select(User::as_select())
        .load(conn)?)
}

pub fn set_role(conn: &mut DbConnection, user_id: i64, role: &str) -> Result<bool, DbError> {
    let n = diesel::update(users::table.find(user_id))
        .set((
            users::role.eq(role),
            users::updated_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    // A demoted account loses its API tokens.
    if role == "learner" {
        super::api_tokens::revoke_all(conn, user_id)?;
    }
    Ok(n == 1)
}

/// One row of the audit log: who did what to which thing.
pub fn audit(
    conn: &mut DbConnection,
    actor: i64,
    action: &str,
    subject: &str,
    detail: &str,
) -> Result<(), DbError> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_user_id.eq(Some(actor)),
            audit_log::action.eq(action),
            audit_log::subject.eq(subject),
            audit_log::detail.eq(detail),
            audit_log::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Queryable, Debug, Clone)]
pub struct AuditRow {
    pub id: i64,
    pub actor_user_id: Option<i64>,
    pub action: String,
    pub subject: String,
    pub detail: String,
    pub created_at: NaiveDateTime,
}

pub fn recent_audit(conn: &mut DbConnection, limit: i64) -> Result<Vec<AuditRow>, DbError> {
    Ok(audit_log::table
        .order(audit_log::id.desc())
        .limit(limit)
        .load(conn)?)
}

/// A webinar by slug, published or not.
pub fn webinar_by_slug(conn: &mut DbConnection, slug: &str) -> Result<Webinar, DbError> {
    Ok(webinars::table
        .filter(webinars::slug.eq(slug))
        .select(Webinar::as_select())
        .first(conn)?)
}

pub fn all_webinars(conn: &mut DbConnection) -> Result<Vec<Webinar>, DbError> {
    Ok(webinars::table
        .order((webinars::position, webinars::id))
        .select(Webinar::as_select())
        .load(conn)?)
}

pub fn insert_session(conn: &mut DbConnection, s: &NewSession) -> Result<i64, DbError> {
    Ok(diesel::insert_into(sessions::table)
        .values(s)
        .returning(sessions::id)
        .get_result(conn)?)
}

/// A session by id, published or not.
pub fn session_by_id(conn: &mut DbConnection, id: i64) -> Result<Session, DbError> {
    Ok(sessions::table
        .find(id)
        .select(Session::as_select())
        .first(conn)?)
}

pub fn sessions_of(conn: &mut DbConnection, webinar_id: i64) -> Result<Vec<Session>, DbError> {
    Ok(sessions::table
        .filter(sessions::webinar_id.eq(webinar_id))
        .order(sessions::starts_at)
        .select(Session::as_select())
        .load(conn)?)
}

/// Every session of the series (all webinars that belong to one).
pub fn series_session_ids(conn: &mut DbConnection) -> Result<Vec<i64>, DbError> {
    Ok(sessions::table
        .inner_join(webinars::table)
        .filter(webinars::series_id.is_not_null())
        .select(sessions::id)
        .load(conn)?)
}

/// New capacity and meeting link. The capacity may not fall under the confirmed seats
/// (the CHECK constraint would refuse it anyway); false when it would.
pub fn update_session(
    conn: &mut DbConnection,
    id: i64,
    capacity: i32,
    meeting_url: &str,
) -> Result<bool, DbError> {
    let n = diesel::update(
        sessions::table
            .find(id)
            .filter(sessions::confirmed_count.le(capacity)),
    )
    .set((
        sessions::capacity.eq(capacity),
        sessions::meeting_url.eq(meeting_url),
        sessions::sequence.eq(sessions::sequence + 1),
        sessions::updated_at.eq(Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    Ok(n == 1)
}
