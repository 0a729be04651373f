//! The outbox worker: claims due rows with a lease, composes and sends them with bounded
//! concurrency, and records every outcome of a batch in one transaction. A row whose
//! worker died is claimed again when its lease runs out; nothing is deleted unsent.

use std::sync::Arc;
use std::time::Duration;

use chrono::{NaiveDateTime, Utc};
use futures_util::StreamExt;
use rand::RngExt;

use crate::db::outbox::{self, OutboxRow, Outcome};
use crate::db::{Db, DbError, suppressions};

use super::compose::{ComposeError, MailContext, compose};
use super::layout::Composed;
use super::message::{self, Envelope};
use super::transport::{SendError, Transport};

/// How long a claimed row stays leased to its worker.
const LEASE: chrono::Duration = chrono::Duration::seconds(120);
/// Rows claimed at once; outcomes are committed per batch.
const BATCH: i64 = 500;
/// Messages in flight at once (bounded by the SMTP pool as well).
const CONCURRENCY: usize = 64;
/// Batches in progress at once: while one lane's messages are in flight, another claims
/// and composes the next batch (composing is CPU and database work, sending is waiting
/// on the SMTP server), so the SMTP connections never sit idle between batches.
const LANES: usize = 2;
/// Temporary failures are retried for this long, then the row is marked failed.
const GIVE_UP_AFTER: chrono::Duration = chrono::Duration::hours(72);
/// How often the retention job runs (and once at start).
const RETENTION_EVERY: Duration = Duration::from_secs(3600);

pub struct Mailer {
    pub db: Db,
    pub transport: Transport,
    pub envelope: Envelope,
    pub context: MailContext,
    /// How long personal data is kept (the retention job).
    pub retention: crate::services::privacy::retention::Policy,
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
    /// Runs until the process stops.
    pub async fn run(self: Arc<Self>) {
        tracing::info!(transport = %self.transport.describe(), "mail worker started");
        // Lanes on the same task (aborting it stops them all); each claims its own rows.
        futures_util::future::join_all((0..LANES).map(|lane| self.lane(lane == 0))).await;
    }

    /// One loop of batches; the first lane also runs the scheduled jobs.
    async fn lane(&self, runs_jobs: bool) {
        let mut next_jobs = std::time::Instant::now();
        let mut next_retention = std::time::Instant::now();
        loop {
            if runs_jobs && std::time::Instant::now() >= next_jobs {
                self.run_scheduled_jobs().await;
                next_jobs = std::time::Instant::now() + Duration::from_secs(30);
            }
            if std::time::Instant::now() >= next_retention {
                self.run_retention().await;
                next_retention = std::time::Instant::now() + RETENTION_EVERY;
            }
            match self.process_batch().await {
                Ok(0) => {
                    let _ = tokio::time::timeout(
                        Duration::from_millis(500),
                        self.db.mail_queued().notified(),
                    )
                    .await;
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "mail worker: database unavailable, retrying");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
            }
        }
    }

    /// Scheduled jobs: reminders before sessions.
    pub async fn run_scheduled_jobs(&self) {
        let result = self
            .db
            .run(|conn| {
                crate::services::registrations::reminders::queue_due_reminders(
                    conn,
                    Utc::now().naive_utc(),
                )
            })
            .await;
        match result {
            Ok(0) => {}
            Ok(n) => tracing::info!(reminders = n, "reminders queued"),
            Err(e) => tracing::warn!(error = %e, "reminder job failed"),
        }
    }

    /// The retention job (`services::privacy::retention`).
    pub async fn run_retention(&self) {
        let policy = self.retention;
        let result = self
            .db
            .run(move |conn| {
                crate::services::privacy::retention::run(conn, policy, Utc::now().naive_utc())
            })
            .await;
        match result {
            Ok(p) if p.is_empty() => {}
            Ok(p) => tracing::info!(
                registrations = p.registrations,
                mails = p.mails,
                privacy_links = p.privacy_links,
                "retention: personal data purged"
            ),
            Err(e) => tracing::warn!(error = %e, "retention job failed, will retry"),
        }
    }

    /// Claims, sends and records one batch; returns how many rows it handled.
    pub async fn process_batch(&self) -> Result<usize, DbError> {
        let ctx = self.context.clone();
        // The claim is a write: on SQLite it goes through the group-commit writer like
        // the requests' writes, instead of contending with it for the lock.
        let rows = self
            .db
            .write(|conn| {
                let now = Utc::now().naive_utc();
                outbox::claim_due(conn, now, now + LEASE, BATCH)
            })
            .await?;
        if rows.is_empty() {
            return Ok(0);
        }
        let prepared = self
            .db
            .run(move |conn| {
                let now = Utc::now().naive_utc();
                let recipients: Vec<&str> = rows.iter().map(|r| r.recipient.as_str()).collect();
                let suppressed = suppressions::reasons(conn, &recipients)?;
                let mut out = Vec::with_capacity(rows.len());
                for row in rows {
                    let hash = suppressions::email_hash(&row.recipient);
                    let reason = suppressed.iter().find(|(h, _)| *h == hash).map(|(_, r)| r);
                    if let Some(reason) = reason.filter(|r| {
                        !matches!(r.as_str(), "unsubscribe" | "erasure") || is_bulk(&row.kind)
                    }) {
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
                    match compose(conn, &ctx, &row) {
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
            })
            .await?;
        let count = prepared.len();
        if count == 0 {
            return Ok(0);
        }
        let outcomes: Vec<(OutboxRow, Outcome)> = futures_util::stream::iter(prepared)
            .map(|p| self.deliver(p))
            .buffer_unordered(CONCURRENCY)
            .collect()
            .await;
        self.db
            .write(move |conn| outbox::record(conn, &outcomes))
            .await?;
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
