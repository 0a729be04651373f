//! Delivering the outbox: claims due rows with a lease, composes and sends them with
//! bounded concurrency, and records every outcome of a batch in one transaction. A row
//! whose worker died is claimed again when its lease runs out; nothing is deleted unsent.
//! The loop that calls `process_batch` is the worker's (`crate::jobs`).

use chrono::{NaiveDateTime, Utc};
use futures_util::StreamExt;
use rand::RngExt;

use crate::db::outbox::{self, OutboxRow, Outcome};
use crate::db::{Db, DbConnection, DbError, suppressions};

use super::compose::{ComposeError, MailContext, compose};
use super::layout::Composed;
use super::message::{self, Envelope};
use super::transport::{SendError, Transport};

/// Rows claimed at once; outcomes are committed per batch.
const BATCH: i64 = 500;
/// Messages in flight at once (bounded by the SMTP pool as well).
const CONCURRENCY: usize = 64;
/// Temporary failures are retried for this long, then the row is marked failed.
const GIVE_UP_AFTER: chrono::Duration = chrono::Duration::hours(72);

/// Sends the outbox: the transport, the sender's identity and what composers need.
pub struct Mailer {
    pub db: Db,
    pub transport: Transport,
    pub envelope: Envelope,
    pub context: MailContext,
    /// How long a claimed row stays leased to its worker: after it, a row whose worker
    /// died is claimed by another (`CONVIVE_MAIL_LEASE_SECONDS`).
    pub lease: chrono::Duration,
}

/// First retry within seconds, doubling, capped near a minute; jitter spreads retries
/// of a whole batch after an outage.
pub fn retry_delay(attempts: i32) -> chrono::Duration {
    let base = 2f64.powi(attempts.clamp(0, 10)).min(60.0);
    let jitter = rand::rng().random_range(0.5..1.0);
    chrono::Duration::milliseconds((base * jitter * 1000.0) as i64)
}

/// Kinds an unsubscribed (or erased) address no longer receives; mail a person asks
/// for again later (registering anew) still reaches them.
fn is_bulk(kind: &str) -> bool {
    matches!(kind, "invitation" | "announcement")
}

enum Prepared {
    Ready(OutboxRow, Composed),
    Done(OutboxRow, Outcome),
}

impl Mailer {
    /// Claims, sends and records one batch; returns how many rows it handled.
    pub async fn process_batch(&self) -> Result<usize, DbError> {
        let ctx = self.context.clone();
        let lease = self.lease;
        // The claim is a write: on SQLite it goes through the group-commit writer like
        // the requests' writes, instead of contending with it for the lock.
        let rows = self
            .db
            .write(move |conn| {
                let now = Utc::now().naive_utc();
                outbox::claim_due(conn, now, now + lease, BATCH)
            })
            .await?;
        if rows.is_empty() {
            return Ok(0);
        }
        let prepared = self.db.run(move |conn| prepare(conn, &ctx, rows)).await?;
        let count = prepared.len();
        if count == 0 {
            return Ok(0);
        }
        // Outcomes are recorded as they come, not at the end of the batch: a worker
        // killed mid-batch leaves only the messages it had in flight to be sent again by
        // another. Sending goes on while a record commits; what finished meanwhile is
        // recorded together in the next one.
        let (done_tx, mut done_rx) = tokio::sync::mpsc::unbounded_channel();
        let sending = async move {
            let mut sent = futures_util::stream::iter(prepared)
                .map(|p| self.deliver(p))
                .buffer_unordered(CONCURRENCY);
            while let Some(outcome) = sent.next().await {
                let _ = done_tx.send(outcome);
            }
        };
        let recording = async {
            let mut done = Vec::with_capacity(CONCURRENCY);
            while done_rx.recv_many(&mut done, CONCURRENCY).await > 0 {
                let chunk = std::mem::take(&mut done);
                self.db
                    .write(move |conn| outbox::record(conn, &chunk))
                    .await?;
            }
            Ok::<_, DbError>(())
        };
        let ((), recorded) = tokio::join!(sending, recording);
        recorded?;
        Ok(count)
    }

    async fn deliver(&self, prepared: Prepared) -> (OutboxRow, Outcome) {
        let (row, composed) = match prepared {
            Prepared::Done(row, outcome) => return (row, outcome),
            Prepared::Ready(row, composed) => (row, composed),
        };
        let message = match message::build(&self.envelope, row.id, &row.recipient, &composed) {
            Ok(m) => m,
            Err(e) => {
                let outcome = Outcome::Failed {
                    error: e.to_string(),
                    suppress: false,
                };
                return (row, outcome);
            }
        };
        let outcome = match self.transport.send(row.id, &row.kind, message).await {
            Ok(()) => Outcome::Sent,
            Err(SendError::Permanent(error)) => {
                tracing::warn!(outbox_id = row.id, %error, "permanent delivery failure");
                Outcome::Failed {
                    error,
                    suppress: true,
                }
            }
            Err(SendError::Temporary(error)) => {
                tracing::info!(outbox_id = row.id, %error, "temporary delivery failure");
                retry(&row, error, Utc::now().naive_utc())
            }
        };
        (row, outcome)
    }
}

/// Composes each claimed row, or settles it at once: a suppressed address, a payload
/// that can never be sent, or a database error (retried later).
fn prepare(
    conn: &mut DbConnection,
    ctx: &MailContext,
    rows: Vec<OutboxRow>,
) -> Result<Vec<Prepared>, DbError> {
    let now = Utc::now().naive_utc();
    let recipients: Vec<&str> = rows.iter().map(|r| r.recipient.as_str()).collect();
    let suppressed = suppressions::reasons(conn, &recipients)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let hash = suppressions::email_hash(&row.recipient);
        let reason = suppressed.iter().find(|(h, _)| *h == hash).map(|(_, r)| r);
        if let Some(reason) = reason
            .filter(|r| !matches!(r.as_str(), "unsubscribe" | "erasure") || is_bulk(&row.kind))
        {
            let error = format!("suppressed address ({reason})");
            out.push(Prepared::Done(
                row,
                Outcome::Failed {
                    error,
                    suppress: false,
                },
            ));
            continue;
        }
        match compose(conn, ctx, &row) {
            Ok(c) => out.push(Prepared::Ready(row, c)),
            Err(ComposeError::Invalid(e)) => out.push(Prepared::Done(
                row,
                Outcome::Failed {
                    error: e,
                    suppress: false,
                },
            )),
            Err(ComposeError::Db(e)) => {
                let outcome = retry(&row, e.to_string(), now);
                out.push(Prepared::Done(row, outcome));
            }
        }
    }
    Ok(out)
}

fn retry(row: &OutboxRow, error: String, now: NaiveDateTime) -> Outcome {
    if now - row.created_at > GIVE_UP_AFTER {
        return Outcome::Failed {
            error: format!("gave up: {error}"),
            suppress: false,
        };
    }
    Outcome::Retry {
        error,
        retry_at: now + retry_delay(row.attempts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_starts_within_seconds_and_caps_near_a_minute() {
        for _ in 0..100 {
            let first = retry_delay(0).num_milliseconds();
            assert!((500..=1000).contains(&first), "{first}");
            let late = retry_delay(30).num_milliseconds();
            assert!((30_000..=60_000).contains(&late), "{late}");
        }
    }
}
