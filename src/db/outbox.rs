//! The mail outbox: every email is a row, written in the same transaction as the change
//! that causes it. The worker claims, sends and marks rows; none is deleted unsent.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::domain::Locale;

use super::schema::outbox;
use super::{DbConnection, DbError};

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewRow<'a> {
    kind: &'a str,
    recipient: &'a str,
    locale: &'a str,
    payload: &'a str,
    status: &'a str,
    next_attempt_at: NaiveDateTime,
    campaign_id: Option<i64>,
    invitation_id: Option<i64>,
    created_at: NaiveDateTime,
}

/// A mail to send: `payload` is the JSON of a `mail::MailKind`.
pub struct NewMail<'a> {
    pub kind: &'a str,
    pub recipient: &'a str,
    pub locale: &'a str,
    pub payload: String,
    pub campaign_id: Option<i64>,
    pub invitation_id: Option<i64>,
}

thread_local! {
    /// Set when the closure running on this thread queued mail; `Db::run` and
    /// `Db::write` read it once their closure returns, and wake the worker after commit,
    /// so no caller has to remember to.
    static QUEUED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` and tells whether it queued mail on this thread.
pub(super) fn noting_queued<T>(f: impl FnOnce() -> T) -> (T, bool) {
    QUEUED.with(|q| q.set(false));
    let value = f();
    (value, QUEUED.with(|q| q.replace(false)))
}

/// Queues one mail; call it inside the transaction of the change that causes it.
pub fn enqueue(conn: &mut DbConnection, mail: &NewMail) -> Result<(), DbError> {
    QUEUED.with(|q| q.set(true));
    let now = Utc::now().naive_utc();
    diesel::insert_into(outbox::table)
        .values(new_row(mail, now))
        .execute(conn)?;
    Ok(())
}

/// Queues many mails (a campaign's invitations). PostgreSQL: multi-row INSERTs of 500
/// (a round trip per row made a 10,000-invitee campaign take seconds); SQLite:
/// in-process, row by row.
pub fn enqueue_many(conn: &mut DbConnection, mails: &[NewMail]) -> Result<(), DbError> {
    let DbConnection::Pg(pg) = conn else {
        return mails.iter().try_for_each(|mail| enqueue(conn, mail));
    };
    QUEUED.with(|q| q.set(!mails.is_empty()));
    let now = Utc::now().naive_utc();
    // 500 rows × 9 values stays far below PostgreSQL's limit on bound parameters.
    for chunk in mails.chunks(500) {
        let rows: Vec<NewRow> = chunk.iter().map(|mail| new_row(mail, now)).collect();
        diesel::insert_into(outbox::table)
            .values(&rows)
            .execute(pg)?;
    }
    Ok(())
}

fn new_row<'a>(mail: &'a NewMail, now: NaiveDateTime) -> NewRow<'a> {
    NewRow {
        kind: mail.kind,
        recipient: mail.recipient,
        locale: mail.locale,
        payload: &mail.payload,
        status: "queued",
        next_attempt_at: now,
        campaign_id: mail.campaign_id,
        invitation_id: mail.invitation_id,
        created_at: now,
    }
}

/// A claimed outbox row, leased to one worker until `locked_until`.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub locale: Locale,
    pub payload: String,
    pub attempts: i32,
    pub campaign_id: Option<i64>,
    pub invitation_id: Option<i64>,
    pub created_at: NaiveDateTime,
}

/// Claims up to `limit` due rows (queued and due, or leased by a worker whose lease ran
/// out). PostgreSQL: `FOR UPDATE SKIP LOCKED`, so concurrent workers never share a row;
/// SQLite: a write transaction (`BEGIN IMMEDIATE`, or a savepoint in the group-commit
/// writer's batch), which serialises claimers.
pub fn claim_due(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> Result<Vec<OutboxRow>, DbError> {
    // Written out so the planner matches the partial index `outbox_claimable`.
    let claimable =
        || diesel::dsl::sql::<diesel::sql_types::Bool>("outbox.status IN ('queued', 'sending')");
    let due = outbox::status
        .eq("queued")
        .and(outbox::next_attempt_at.le(now))
        .or(outbox::status
            .eq("sending")
            .and(outbox::locked_until.lt(now)));
    let lease = |ids: &[i64]| {
        diesel::update(outbox::table.filter(outbox::id.eq_any(ids.to_vec()))).set((
            outbox::status.eq("sending"),
            outbox::locked_until.eq(Some(lease_until)),
        ))
    };
    Ok(match conn {
        DbConnection::Sqlite(_) => super::write_transaction(conn, |c| {
            let rows: Vec<OutboxRow> = outbox::table
                .filter(claimable())
                .filter(due)
                .order(outbox::id)
                .limit(limit)
                .select(OutboxRow::as_select())
                .load(c)?;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            lease(&ids).execute(c)?;
            Ok::<_, DbError>(rows)
        })?,
        DbConnection::Pg(c) => c.transaction(|c| {
            let rows: Vec<OutboxRow> = outbox::table
                .filter(claimable())
                .filter(due)
                .order(outbox::id)
                .limit(limit)
                .for_update()
                .skip_locked()
                .select(OutboxRow::as_select())
                .load(c)?;
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            lease(&ids).execute(c)?;
            diesel::QueryResult::Ok(rows)
        })?,
    })
}

/// What became of one claimed row.
pub enum Outcome {
    Sent,
    /// Temporary failure: try again at `retry_at`.
    Retry {
        error: String,
        retry_at: NaiveDateTime,
    },
    /// Permanent failure (or suppressed address): never retried.
    Failed {
        error: String,
        suppress: bool,
    },
}

/// Kinds whose payload (a raw link token) is emptied as soon as the mail is sent.
pub const SCRUB_WHEN_SENT: [&str; 1] = ["privacy_link"];

/// Records the outcomes of a batch in one transaction (one fsync for the batch).
pub fn record(conn: &mut DbConnection, outcomes: &[(OutboxRow, Outcome)]) -> Result<(), DbError> {
    let now = Utc::now().naive_utc();
    conn.transaction(|c| {
        let sent: Vec<i64> = outcomes
            .iter()
            .filter(|(_, o)| matches!(o, Outcome::Sent))
            .map(|(r, _)| r.id)
            .collect();
        for chunk in sent.chunks(500) {
            diesel::update(outbox::table.filter(outbox::id.eq_any(chunk)))
                .set((
                    outbox::status.eq("sent"),
                    outbox::sent_at.eq(Some(now)),
                    outbox::locked_until.eq(None::<NaiveDateTime>),
                    outbox::attempts.eq(outbox::attempts + 1),
                ))
                .execute(c)?;
            // Once delivered, the raw link token of these kinds is not kept.
            diesel::update(
                outbox::table
                    .filter(outbox::id.eq_any(chunk))
                    .filter(outbox::kind.eq_any(SCRUB_WHEN_SENT)),
            )
            .set(outbox::payload.eq("{}"))
            .execute(c)?;
        }
        for (row, outcome) in outcomes {
            match outcome {
                Outcome::Sent => {}
                Outcome::Retry { error, retry_at } => {
                    diesel::update(outbox::table.find(row.id))
                        .set((
                            outbox::status.eq("queued"),
                            outbox::next_attempt_at.eq(*retry_at),
                            outbox::locked_until.eq(None::<NaiveDateTime>),
                            outbox::attempts.eq(outbox::attempts + 1),
                            outbox::last_error.eq(Some(error)),
                        ))
                        .execute(c)?;
                }
                Outcome::Failed { error, suppress } => {
                    diesel::update(outbox::table.find(row.id))
                        .set((
                            outbox::status.eq("failed"),
                            outbox::locked_until.eq(None::<NaiveDateTime>),
                            outbox::attempts.eq(outbox::attempts + 1),
                            outbox::last_error.eq(Some(error)),
                        ))
                        .execute(c)?;
                    if *suppress {
                        super::suppressions::add(c, &row.recipient, "bounce", now)?;
                    }
                }
            }
        }
        Ok(())
    })
}

/// Counts rows by status, for the mail log and tests.
pub fn count_by_status(conn: &mut DbConnection, status: &str) -> Result<i64, DbError> {
    Ok(outbox::table
        .filter(outbox::status.eq(status))
        .count()
        .get_result(conn)?)
}

/// Status and last error of the newest mail to an address (for `convive mail test`).
pub fn latest_for(
    conn: &mut DbConnection,
    recipient: &str,
) -> Result<(String, Option<String>), DbError> {
    Ok(outbox::table
        .filter(outbox::recipient.eq(recipient))
        .order(outbox::id.desc())
        .select((outbox::status, outbox::last_error))
        .first(conn)?)
}
