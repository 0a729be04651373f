//! What the retention job purges: personal data of registrations to sessions long past,
//! and the content of mail sent long ago.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::privacy::ERASED_DOMAIN;
use super::schema::{outbox, registrations, sessions};
use super::{DbConnection, DbError};

/// Registrations, not anonymised yet, of sessions that started before `cutoff`.
pub fn registrations_before(
    conn: &mut DbConnection,
    cutoff: NaiveDateTime,
    limit: i64,
) -> Result<Vec<i64>, DbError> {
    Ok(registrations::table
        .inner_join(sessions::table)
        .filter(sessions::starts_at.lt(cutoff))
        .filter(registrations::email.not_like(format!("%{ERASED_DOMAIN}")))
        .order(registrations::id)
        .limit(limit)
        .select(registrations::id)
        .load(conn)?)
}

/// Empties the content (and recipient) of mail sent or failed before `cutoff`; the row
/// stays for the counts. Returns how many rows were purged.
pub fn purge_mail_before(conn: &mut DbConnection, cutoff: NaiveDateTime) -> Result<usize, DbError> {
    Ok(diesel::update(
        outbox::table
            .filter(outbox::status.eq_any(["sent", "failed"]))
            .filter(outbox::created_at.lt(cutoff))
            .filter(outbox::payload.ne("{}")),
    )
    .set((outbox::recipient.eq(""), outbox::payload.eq("{}")))
    .execute(conn)?)
}
