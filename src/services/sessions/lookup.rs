//! The session rows the back office reads: every session, one with its webinar, a
//! webinar's sessions. Edits live in `sessions/{mod,edit}.rs`.

use crate::db::{DbConnection, DbError, admin, programme};

/// A stored session, as the back office lists and edits it.
pub use crate::db::models::Session;

/// Every session, earliest first.
pub fn all(conn: &mut DbConnection) -> Result<Vec<Session>, DbError> {
    crate::db::session_changes::all_sessions(conn)
}

/// A webinar's sessions, earliest first.
pub fn of_webinar(conn: &mut DbConnection, webinar_id: i64) -> Result<Vec<Session>, DbError> {
    admin::sessions_of(conn, webinar_id)
}

/// One session and the slug of its webinar; not found when either is missing.
pub fn with_webinar_slug(conn: &mut DbConnection, id: i64) -> Result<(Session, String), DbError> {
    let session = admin::session_by_id(conn, id)?;
    let webinar = programme::webinar_by_id(conn, session.webinar_id)?;
    Ok((session, webinar.slug))
}
