//! API tokens: long-lived bearer tokens of staff accounts, stored as hashes in
//! `user_tokens` (kind `api`) with their scopes, expiry, last use and revocation.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use super::admin::STAFF_ROLES;
use super::models::User;
use super::schema::{user_tokens, users};
use super::{DbConnection, DbError};

/// One API token as its holder and the back office see it (never its value).
#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = user_tokens)]
pub struct ApiToken {
    pub id: i64,
    pub user_id: i64,
    /// The name its holder gave it.
    pub detail: Option<String>,
    pub scopes: String,
    pub expires_at: Option<NaiveDateTime>,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub struct NewApiToken<'a> {
    pub user_id: i64,
    pub token_hash: &'a str,
    pub label: &'a str,
    pub scopes: &'a str,
    pub expires_at: Option<NaiveDateTime>,
    pub now: NaiveDateTime,
}

/// Stores a new token (its hash); its id.
pub fn insert(conn: &mut DbConnection, new: &NewApiToken) -> Result<i64, DbError> {
    Ok(diesel::insert_into(user_tokens::table)
        .values((
            user_tokens::user_id.eq(new.user_id),
            user_tokens::kind.eq("api"),
            user_tokens::token_hash.eq(new.token_hash),
            user_tokens::detail.eq(Some(new.label)),
            user_tokens::scopes.eq(new.scopes),
            user_tokens::expires_at.eq(new.expires_at),
            user_tokens::created_at.eq(new.now),
        ))
        .returning(user_tokens::id)
        .get_result(conn)?)
}

/// The staff account and the token behind a hash, when the token is neither revoked
/// nor expired at `now`.
pub fn holder(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<(User, ApiToken)>, DbError> {
    Ok(user_tokens::table
        .inner_join(users::table)
        .filter(user_tokens::kind.eq("api"))
        .filter(user_tokens::token_hash.eq(token_hash))
        .filter(user_tokens::revoked_at.is_null())
        .filter(
            user_tokens::expires_at
                .is_null()
                .or(user_tokens::expires_at.gt(now)),
        )
        .filter(users::role.eq_any(STAFF_ROLES))
        .select((User::as_select(), ApiToken::as_select()))
        .first(conn)
        .optional()?)
}

/// Records a use, at most once a minute per token (a read is not a write each time).
pub fn touch(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    let stale = now - TimeDelta::minutes(1);
    diesel::update(
        user_tokens::table.find(id).filter(
            user_tokens::last_used_at
                .is_null()
                .or(user_tokens::last_used_at.lt(stale)),
        ),
    )
    .set(user_tokens::last_used_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// The tokens of one account (`Some`) or of everyone (`None`), newest first, with
/// their holder's address.
pub fn list(
    conn: &mut DbConnection,
    user_id: Option<i64>,
) -> Result<Vec<(ApiToken, String)>, DbError> {
    let mut q = user_tokens::table
        .inner_join(users::table)
        .filter(user_tokens::kind.eq("api"))
        .into_boxed();
    if let Some(id) = user_id {
        q = q.filter(user_tokens::user_id.eq(id));
    }
    Ok(q.order(user_tokens::id.desc())
        .select((ApiToken::as_select(), users::email))
        .load(conn)?)
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> Result<Option<ApiToken>, DbError> {
    Ok(user_tokens::table
        .find(id)
        .filter(user_tokens::kind.eq("api"))
        .select(ApiToken::as_select())
        .first(conn)
        .optional()?)
}

/// Revokes one token; false when it was already revoked.
pub fn revoke(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> Result<bool, DbError> {
    let n = diesel::update(
        user_tokens::table
            .find(id)
            .filter(user_tokens::kind.eq("api"))
            .filter(user_tokens::revoked_at.is_null()),
    )
    .set(user_tokens::revoked_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

/// Revokes every token of an account (it lost its staff role).
pub fn revoke_all(conn: &mut DbConnection, user_id: i64) -> Result<(), DbError> {
    diesel::update(
        user_tokens::table
            .filter(user_tokens::user_id.eq(user_id))
            .filter(user_tokens::kind.eq("api"))
            .filter(user_tokens::revoked_at.is_null()),
    )
    .set(user_tokens::revoked_at.eq(chrono::Utc::now().naive_utc()))
    .execute(conn)?;
    Ok(())
}
