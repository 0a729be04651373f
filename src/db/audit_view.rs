//! Reading the audit log page by page, with the address of who did it.

use diesel::prelude::*;

use super::admin::AuditRow;
use super::schema::{audit_log, users};
use super::{DbConnection, DbError};

/// Audit rows with the address of their actor.
pub type AuditEntries = Vec<(AuditRow, Option<String>)>;

/// One page of the log, newest first, each row with its actor's address; and the total.
pub fn audit_page(
    conn: &mut DbConnection,
    offset: i64,
    limit: i64,
) -> Result<(AuditEntries, i64), DbError> {
    let total: i64 = audit_log::table.count().get_result(conn)?;
    let rows: Vec<AuditRow> = audit_log::table
        .order(audit_log::id.desc())
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    let mut ids: Vec<i64> = rows.iter().filter_map(|r| r.actor_user_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let who: Vec<(i64, String)> = users::table
        .filter(users::id.eq_any(&ids))
        .select((users::id, users::email))
        .load(conn)?;
    Ok((
        rows.into_iter()
            .map(|r| {
                let email = r
                    .actor_user_id
                    .and_then(|id| who.iter().find(|(i, _)| *i == id).map(|(_, e)| e.clone()));
                (r, email)
            })
            .collect(),
        total,
    ))
}
