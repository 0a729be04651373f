//! Addresses that must not receive mail: hard bounces, unsubscribes, erased people.
//! Only a hash of the address is kept.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::schema::suppressions;
use super::{DbConnection, DbError};

pub fn email_hash(email: &str) -> String {
    hex::encode(Sha256::digest(email.trim().to_lowercase().as_bytes()))
}

/// Adds an address (idempotent: the first reason is kept).
pub fn add(
    conn: &mut DbConnection,
    email: &str,
    reason: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let hash = email_hash(email);
    let exists = suppressions::table
        .find(&hash)
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if !exists {
        diesel::insert_into(suppressions::table)
            .values((
                suppressions::email_hash.eq(&hash),
                suppressions::reason.eq(reason),
                suppressions::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The reason an address is suppressed, if it is.
pub fn reason(conn: &mut DbConnection, email: &str) -> Result<Option<String>, DbError> {
    Ok(suppressions::table
        .find(email_hash(email))
        .select(suppressions::reason)
        .first(conn)
        .optional()?)
}

/// Reasons for many addresses at once: (hash, reason).
pub fn reasons(conn: &mut DbConnection, emails: &[&str]) -> Result<Vec<(String, String)>, DbError> {
    let hashes: Vec<String> = emails.iter().map(|e| email_hash(e)).collect();
    Ok(suppressions::table
        .filter(suppressions::email_hash.eq_any(hashes))
        .select((suppressions::email_hash, suppressions::reason))
        .load(conn)?)
}

/// The hashes of those of `emails` that are suppressed, looked up 500 at a time.
pub fn suppressed_among(
    conn: &mut DbConnection,
    emails: &[&str],
) -> Result<std::collections::HashSet<String>, DbError> {
    let mut hashes = std::collections::HashSet::new();
    for chunk in emails.chunks(500) {
        hashes.extend(reasons(conn, chunk)?.into_iter().map(|(hash, _)| hash));
    }
    Ok(hashes)
}

/// Lifts the suppression of an address (an organiser retrying a bounced mail).
pub fn remove(conn: &mut DbConnection, email: &str) -> Result<(), DbError> {
    diesel::delete(suppressions::table.find(email_hash(email))).execute(conn)?;
    Ok(())
}
