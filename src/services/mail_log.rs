//! The mail log: what the outbox holds, and retrying a failed mail. A retry lifts a
//! bounce suppression of that address (the organiser decided the address works again)
//! but never an unsubscribe from bulk mail: that is the person's choice.

use chrono::Utc;

use crate::db::mail_log::{self as q, MailLogRow};
use crate::db::{DbConnection, DbError, admin, suppressions};

pub const PAGE_SIZE: i64 = 50;

/// One page of the log.
pub struct LogPage {
    pub rows: Vec<MailLogRow>,
    /// (status, count) of the whole outbox.
    pub counts: Vec<(String, i64)>,
    /// Rows matching the filter.
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// A status filter from the query string, when it is one of the known statuses.
pub fn status_filter(raw: Option<&str>) -> Option<&'static str> {
    let raw = raw?;
    q::STATUSES.iter().copied().find(|s| *s == raw)
}

pub fn page(
    conn: &mut DbConnection,
    status: Option<&'static str>,
    page: i64,
) -> Result<LogPage, DbError> {
    let counts = q::counts(conn)?;
    let total = match status {
        Some(s) => counts
            .iter()
            .find(|(st, _)| st == s)
            .map(|(_, n)| *n)
            .unwrap_or(0),
        None => counts.iter().map(|(_, n)| n).sum(),
    };
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let rows = q::page(conn, status, (page - 1) * PAGE_SIZE, PAGE_SIZE)?;
    Ok(LogPage {
        rows,
        counts,
        total,
        page,
        pages,
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Back in the queue; `lifted_bounce` when a bounce suppression was removed.
    Requeued { lifted_bounce: bool },
    /// Only failed mail can be retried (it may have been retried already).
    NotFailed,
    /// The person unsubscribed from this kind of mail.
    Unsubscribed,
}

/// Kinds an unsubscribed address no longer receives (as the worker decides).
fn is_bulk(kind: &str) -> bool {
    matches!(kind, "invitation" | "announcement")
}

pub fn retry(conn: &mut DbConnection, actor: i64, id: i64) -> Result<Retry, DbError> {
    crate::db::write_transaction(conn, |conn| {
        let row = q::by_id(conn, id)?;
        if row.status != "failed" {
            return Ok(Retry::NotFailed);
        }
        let reason = suppressions::reason(conn, &row.recipient)?;
        let lifted_bounce = match reason.as_deref() {
            Some("unsubscribe") if is_bulk(&row.kind) => return Ok(Retry::Unsubscribed),
            Some("bounce") => {
                suppressions::remove(conn, &row.recipient)?;
                true
            }
            _ => false,
        };
        if !q::requeue_failed(conn, id, Utc::now().naive_utc())? {
            return Ok(Retry::NotFailed);
        }
        admin::audit(
            conn,
            actor,
            "mail.retry",
            &format!("outbox:{id}"),
            &format!("kind={} lifted_bounce={lifted_bounce}", row.kind),
        )?;
        Ok(Retry::Requeued { lifted_bounce })
    })
}

/// A mail as the log shows it.
pub type MailRow = MailLogRow;

/// The statuses the log filters by.
pub use crate::db::mail_log::STATUSES;

/// One mail of the log.
pub fn mail(conn: &mut DbConnection, id: i64) -> Result<MailRow, DbError> {
    q::by_id(conn, id)
}
