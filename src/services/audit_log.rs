//! The audit log as organisers read it: one page of entries, newest first.

use crate::db::{DbConnection, DbError, audit_view};

/// A stored audit entry.
pub use crate::db::admin::AuditRow;

/// Entries of one page, each with its actor's address.
pub type AuditEntries = audit_view::AuditEntries;

/// One page of the log (`limit` entries from `offset`), and the total.
pub fn page(
    conn: &mut DbConnection,
    offset: i64,
    limit: i64,
) -> Result<(AuditEntries, i64), DbError> {
    audit_view::audit_page(conn, offset, limit)
}
