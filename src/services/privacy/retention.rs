//! The retention job (run by the worker): personal data is not kept longer than needed.
//! Registrations to sessions older than `retention_days` are anonymised (the counts
//! stay), the content of mail older than `mail_retention_days` is emptied, and expired
//! privacy links are deleted. A period of 0 days keeps that data.

use chrono::{Duration, NaiveDateTime};

use crate::db::{DbConnection, DbError, privacy, retention, write_transaction};

/// The periods, from the settings.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    pub registrations_days: u32,
    pub mail_days: u32,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub registrations: usize,
    pub mails: usize,
    pub privacy_links: usize,
}

impl Purged {
    pub fn is_empty(&self) -> bool {
        *self == Purged::default()
    }
}

/// Registrations anonymised per transaction, so writers are never held up for long.
const CHUNK: i64 = 200;

pub fn run(conn: &mut DbConnection, policy: Policy, now: NaiveDateTime) -> Result<Purged, DbError> {
    let mut purged = Purged::default();
    if policy.registrations_days > 0 {
        let cutoff = now - Duration::days(i64::from(policy.registrations_days));
        loop {
            let n = write_transaction(conn, |conn| {
                let ids = retention::registrations_before(conn, cutoff, CHUNK)?;
                for id in &ids {
                    privacy::anonymise_registration(conn, *id)?;
                }
                Ok::<_, DbError>(ids.len())
            })?;
            purged.registrations += n;
            if n < CHUNK as usize {
                break;
            }
        }
    }
    if policy.mail_days > 0 {
        let cutoff = now - Duration::days(i64::from(policy.mail_days));
        purged.mails = retention::purge_mail_before(conn, cutoff)?;
    }
    purged.privacy_links = privacy::delete_requests(conn, None, now)?;
    Ok(purged)
}
