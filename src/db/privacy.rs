//! Personal data of one address: the mailed links that give access to it, everything
//! exported, and erasure (registrations and invitations anonymised so counts stay
//! right, the account deleted, mail rows scrubbed). Used by the retention job too.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{
    invitations, outbox, privacy_requests, registration_groups, registrations, sessions, users,
};
use super::{DbConnection, DbError};
use crate::domain::registration::Status;

diesel::define_sql_function! {
    /// SQL `lower()`, the same on SQLite and PostgreSQL.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// The domain that marks an anonymised address (`.invalid` never resolves, RFC 2606).
pub const ERASED_DOMAIN: &str = "@erased.invalid";

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = privacy_requests)]
pub struct PrivacyRequest {
    pub id: i64,
    pub email: String,
    pub locale: String,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

pub fn insert_request(
    conn: &mut DbConnection,
    email: &str,
    locale: &str,
    token_hash: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(privacy_requests::table)
        .values((
            privacy_requests::email.eq(email),
            privacy_requests::locale.eq(locale),
            privacy_requests::token_hash.eq(token_hash),
            privacy_requests::expires_at.eq(expires_at),
            privacy_requests::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn request_by_hash(
    conn: &mut DbConnection,
    token_hash: &str,
) -> Result<Option<PrivacyRequest>, DbError> {
    Ok(privacy_requests::table
        .filter(privacy_requests::token_hash.eq(token_hash))
        .select(PrivacyRequest::as_select())
        .first(conn)
        .optional()?)
}

pub fn mark_request_used(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(privacy_requests::table.find(id))
        .set(privacy_requests::used_at.eq(Some(now)))
        .execute(conn)?;
    Ok(())
}

/// Deletes the requests of an address (after erasure) or those expired before `before`.
pub fn delete_requests(
    conn: &mut DbConnection,
    email: Option<&str>,
    before: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(match email {
        Some(e) => diesel::delete(
            privacy_requests::table.filter(lower(privacy_requests::email).eq(e.to_lowercase())),
        )
        .execute(conn)?,
        None => {
            diesel::delete(privacy_requests::table.filter(privacy_requests::expires_at.lt(before)))
                .execute(conn)?
        }
    })
}

/// True when Convive holds anything about the address.
pub fn has_data(conn: &mut DbConnection, email: &str) -> Result<bool, DbError> {
    let e = email.to_lowercase();
    let regs: i64 = registrations::table
        .filter(lower(registrations::email).eq(&e))
        .count()
        .get_result(conn)?;
    let accounts: i64 = users::table
        .filter(lower(users::email).eq(&e))
        .count()
        .get_result(conn)?;
    let invited: i64 = invitations::table
        .filter(lower(invitations::email).eq(&e))
        .count()
        .get_result(conn)?;
    Ok(regs + accounts + invited > 0)
}

/// A registration of the address: (id, session id, status, session start).
pub fn registrations_of(
    conn: &mut DbConnection,
    email: &str,
) -> Result<Vec<(i64, i64, Status, NaiveDateTime)>, DbError> {
    Ok(registrations::table
        .inner_join(sessions::table)
        .filter(lower(registrations::email).eq(email.to_lowercase()))
        .select((
            registrations::id,
            registrations::session_id,
            registrations::status,
            sessions::starts_at,
        ))
        .load(conn)?)
}

fn erased_address(prefix: &str, id: i64) -> String {
    format!("erased-{prefix}{id}{ERASED_DOMAIN}")
}

/// Removes what identifies a person from a registration; its session, status, function
/// and country stay for the counts. Its links stop working (fresh random hashes).
pub fn anonymise_registration(conn: &mut DbConnection, id: i64) -> Result<(), DbError> {
    // Not hex, so no token's hash can ever match them again.
    diesel::update(registrations::table.find(id))
        .set((
            registrations::email.eq(erased_address("r", id)),
            registrations::full_name.eq(""),
            registrations::organisation.eq(""),
            registrations::territory.eq(""),
            registrations::confirm_token_hash.eq(None::<String>),
            registrations::manage_token_hash.eq(format!("erased-manage-{id}")),
            registrations::join_token_hash.eq(format!("erased-join-{id}")),
        ))
        .execute(conn)?;
    Ok(())
}

/// Anonymises the series registrations of an address (their member rows stay, so the
/// sessions keep their counts); their links stop working.
pub fn anonymise_registration_groups(
    conn: &mut DbConnection,
    email: &str,
) -> Result<usize, DbError> {
    let ids: Vec<i64> = registration_groups::table
        .filter(lower(registration_groups::email).eq(email.to_lowercase()))
        .select(registration_groups::id)
        .load(conn)?;
    for id in &ids {
        diesel::update(registration_groups::table.find(id))
            .set((
                registration_groups::email.eq(erased_address("g", *id)),
                registration_groups::confirm_token_hash.eq(format!("erased-confirm-{id}")),
                registration_groups::manage_token_hash.eq(format!("erased-manage-{id}")),
            ))
            .execute(conn)?;
    }
    Ok(ids.len())
}

/// Anonymises the invitations of an address (the campaign funnel keeps its counts).
pub fn anonymise_invitations(conn: &mut DbConnection, email: &str) -> Result<usize, DbError> {
    let ids: Vec<i64> = invitations::table
        .filter(lower(invitations::email).eq(email.to_lowercase()))
        .select(invitations::id)
        .load(conn)?;
    for id in &ids {
        diesel::update(invitations::table.find(id))
            .set((
                invitations::email.eq(erased_address("i", *id)),
                invitations::full_name.eq(""),
                invitations::organisation.eq(""),
                invitations::token_hash.eq(format!("erased-{id}")),
                invitations::unsubscribe_token_hash.eq(None::<String>),
            ))
            .execute(conn)?;
    }
    Ok(ids.len())
}

/// Mail rows of an address: unsent ones will never go, and none keeps the address or
/// its content.
pub fn scrub_mail_of(conn: &mut DbConnection, email: &str) -> Result<usize, DbError> {
    let mine = lower(outbox::recipient).eq(email.to_lowercase());
    diesel::update(
        outbox::table
            .filter(mine.clone())
            .filter(outbox::status.eq_any(["queued", "sending"])),
    )
    .set((
        outbox::status.eq("failed"),
        outbox::last_error.eq(Some("erased on request")),
        outbox::locked_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(diesel::update(outbox::table.filter(mine))
        .set((outbox::recipient.eq(""), outbox::payload.eq("{}")))
        .execute(conn)?)
}

/// The account id of an address, if it has one.
pub fn account_of(conn: &mut DbConnection, email: &str) -> Result<Option<i64>, DbError> {
    Ok(users::table
        .filter(lower(users::email).eq(email.to_lowercase()))
        .select(users::id)
        .first(conn)
        .optional()?)
}
