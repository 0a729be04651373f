//! The scheduled jobs and their timing: reminders before sessions every 30 seconds
//! (`services::registrations::reminders`), the retention job at start and hourly
//! (`services::privacy::retention`). A failed job is logged and runs again next time.

use std::time::{Duration, Instant};

use chrono::Utc;

use super::Worker;

/// How often due reminders are queued (and once at start).
const JOBS_EVERY: Duration = Duration::from_secs(30);
/// How often the retention job runs (and once at start).
const RETENTION_EVERY: Duration = Duration::from_secs(3600);

/// When each job runs next.
pub struct Schedule {
    next_jobs: Instant,
    next_retention: Instant,
}

impl Schedule {
    /// Every job is due at once.
    pub fn starting_now() -> Schedule {
        let now = Instant::now();
        Schedule {
            next_jobs: now,
            next_retention: now,
        }
    }
}

impl Worker {
    /// Runs the jobs that are due and sets when they run next.
    pub async fn run_due_jobs(&self, schedule: &mut Schedule) {
        if Instant::now() >= schedule.next_jobs {
            self.run_scheduled_jobs().await;
            schedule.next_jobs = Instant::now() + JOBS_EVERY;
        }
        if Instant::now() >= schedule.next_retention {
            self.run_retention().await;
            schedule.next_retention = Instant::now() + RETENTION_EVERY;
        }
    }

    /// Scheduled jobs: reminders before sessions.
    pub async fn run_scheduled_jobs(&self) {
        let result = self
            .db()
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
            .db()
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
}
