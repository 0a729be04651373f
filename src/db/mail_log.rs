//! The mail log: the outbox as organisers read it (newest first, by status), and
//! putting a failed mail back in the queue.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::outbox;
use super::{DbConnection, DbError};

/// One outbox row as the mail log shows it (without its payload).
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = outbox)]
pub struct MailLogRow {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub locale: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub campaign_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

/// The statuses an outbox row can have, in the order the log offers them as filters.
pub const STATUSES: [&str; 4] = ["queued", "sending", "sent", "failed"];

/// One page of the log, newest first; `status` filters when given.
pub fn page(
    conn: &mut DbConnection,
    status: Option<&str>,
    offset: i64,
    limit: i64,
) -> Result<Vec<MailLogRow>, DbError> {
    let mut query = outbox::table
        .order(outbox::id.desc())
        .offset(offset)
        .limit(limit)
        .select(MailLogRow::as_select())
        .into_boxed();
    if let Some(s) = status {
        query = query.filter(outbox::status.eq(s.to_owned()));
    }
    Ok(query.load(conn)?)
}

/// How many rows have each status: (status, count).
pub fn counts(conn: &mut DbConnection) -> Result<Vec<(String, i64)>, DbError> {
    Ok(outbox::table
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .load(conn)?)
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> Result<MailLogRow, DbError> {
    Ok(outbox::table
        .find(id)
        .select(MailLogRow::as_select())
        .first(conn)?)
}

/// Puts a failed mail back in the queue, due now; false when it is not failed (any
/// more). The attempts and the last error stay as a record of what happened.
pub fn requeue_failed(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(outbox::table.find(id).filter(outbox::status.eq("failed")))
        .set((
            outbox::status.eq("queued"),
            outbox::next_attempt_at.eq(now),
            outbox::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(n == 1)
}
