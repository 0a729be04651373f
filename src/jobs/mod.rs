//! The worker, the one layer above services besides the web: lanes that deliver the
//! outbox (`mail::delivery`) and, in the first lane, the job schedule (`schedule.rs`:
//! reminders, retention). `convive serve` runs it beside the HTTP server, `convive
//! worker` alone; on PostgreSQL several can run at once, each claiming its own rows.

pub mod schedule;

use std::sync::Arc;
use std::time::Duration;

use crate::db::Db;
use crate::mail::delivery::Mailer;
use crate::services::privacy::retention::Policy;
use crate::settings::Settings;

use schedule::Schedule;

/// Batches in progress at once: while one lane's messages are in flight, another claims
/// and composes the next batch (composing is CPU and database work, sending is waiting
/// on the SMTP server), so the SMTP connections never sit idle between batches.
const LANES: usize = 2;
/// How long an idle lane waits for queued mail before looking again.
const IDLE_WAIT: Duration = Duration::from_millis(500);
/// How long a lane waits after the database failed.
const DB_RETRY: Duration = Duration::from_secs(2);

pub struct Worker {
    /// Delivers the outbox; also lent to the web layer to compose previews.
    pub mailer: Arc<Mailer>,
    /// How long personal data is kept (the retention job).
    pub retention: Policy,
}

impl Worker {
    /// The worker from the settings: the mailer (transport, sender, signing) and the
    /// retention periods.
    pub fn from_settings(settings: &Settings, db: Db) -> anyhow::Result<Arc<Worker>> {
        Ok(Arc::new(Worker {
            mailer: crate::mail::mailer(settings, db)?,
            retention: Policy {
                registrations_days: settings.retention_days,
                mail_days: settings.mail_retention_days,
            },
        }))
    }

    fn db(&self) -> &Db {
        &self.mailer.db
    }

    /// Runs until the process stops.
    pub async fn run(self: Arc<Self>) {
        tracing::info!(transport = %self.mailer.transport.describe(), "mail worker started");
        // Lanes on the same task (aborting it stops them all); each claims its own rows.
        futures_util::future::join_all((0..LANES).map(|lane| self.lane(lane == 0))).await;
    }

    /// One loop of batches; the first lane also runs the scheduled jobs.
    async fn lane(&self, runs_jobs: bool) {
        let mut schedule = Schedule::starting_now();
        loop {
            if runs_jobs {
                self.run_due_jobs(&mut schedule).await;
            }
            match self.mailer.process_batch().await {
                Ok(0) => {
                    let _ =
                        tokio::time::timeout(IDLE_WAIT, self.db().mail_queued().notified()).await;
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "mail worker: database unavailable, retrying");
                    tokio::time::sleep(DB_RETRY).await;
                }
            }
        }
    }
}
