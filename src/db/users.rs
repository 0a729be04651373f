//! Accounts of learners and organisers.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::models::{NewUser, User};
use super::schema::{certificates, lesson_progress, user_tokens, users};
use super::{DbConnection, DbError};

pub fn insert(conn: &mut DbConnection, user: &NewUser) -> Result<User, DbError> {
    diesel::insert_into(users::table)
        .values(user)
        .execute(conn)?;
    by_email(conn, user.email)?.ok_or(DbError::Query(diesel::result::Error::NotFound))
}

pub fn by_email(conn: &mut DbConnection, email: &str) -> Result<Option<User>, DbError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

diesel::define_sql_function! {
    /// SQL `lower()`, the same on SQLite and PostgreSQL (ASCII letters on SQLite).
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// An account by address, ignoring case (people type their address as they like).
pub fn by_email_ci(conn: &mut DbConnection, email: &str) -> Result<Option<User>, DbError> {
    Ok(users::table
        .filter(lower(users::email).eq(email.to_lowercase()))
        .select(User::as_select())
        .order(users::id)
        .first(conn)
        .optional()?)
}

pub fn count_with_role(conn: &mut DbConnection, roles: &[&str]) -> Result<i64, DbError> {
    Ok(users::table
        .filter(users::role.eq_any(roles))
        .count()
        .get_result(conn)?)
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> Result<Option<User>, DbError> {
    Ok(users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()?)
}

pub fn set_password(conn: &mut DbConnection, id: i64, hash: &str) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(hash),
            users::updated_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn mark_verified(conn: &mut DbConnection, id: i64) -> Result<(), DbError> {
    let now = Utc::now().naive_utc();
    diesel::update(
        users::table
            .find(id)
            .filter(users::email_verified_at.is_null()),
    )
    .set((users::email_verified_at.eq(now), users::updated_at.eq(now)))
    .execute(conn)?;
    Ok(())
}

pub fn set_email(conn: &mut DbConnection, id: i64, email: &str) -> Result<(), DbError> {
    let now = Utc::now().naive_utc();
    diesel::update(users::table.find(id))
        .set((
            users::email.eq(email),
            users::email_verified_at.eq(now),
            users::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_consent(
    conn: &mut DbConnection,
    id: i64,
    version: &str,
    at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set((users::consent_version.eq(version), users::consent_at.eq(at)))
        .execute(conn)?;
    Ok(())
}

/// Deletes an account; progress and tokens go with it (foreign keys cascade), and its
/// certificates are removed too, so nothing personal is left behind.
pub fn delete(conn: &mut DbConnection, id: i64) -> Result<(), DbError> {
    diesel::delete(certificates::table.filter(certificates::user_id.eq(id))).execute(conn)?;
    diesel::delete(user_tokens::table.filter(user_tokens::user_id.eq(id))).execute(conn)?;
    diesel::delete(lesson_progress::table.filter(lesson_progress::user_id.eq(id))).execute(conn)?;
    diesel::delete(users::table.find(id)).execute(conn)?;
    Ok(())
}

/// A single-use token of an account (`verify`, `email_change`, `reset`).
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = user_tokens)]
pub struct UserToken {
    pub id: i64,
    pub user_id: i64,
    pub kind: String,
    pub detail: Option<String>,
    pub expires_at: Option<NaiveDateTime>,
    pub used_at: Option<NaiveDateTime>,
}

pub fn insert_token(
    conn: &mut DbConnection,
    user_id: i64,
    kind: &str,
    token_hash: &str,
    detail: Option<&str>,
    expires_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(user_tokens::table)
        .values((
            user_tokens::user_id.eq(user_id),
            user_tokens::kind.eq(kind),
            user_tokens::token_hash.eq(token_hash),
            user_tokens::detail.eq(detail),
            user_tokens::expires_at.eq(Some(expires_at)),
            user_tokens::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn token_by_hash(
    conn: &mut DbConnection,
    kinds: &[&str],
    token_hash: &str,
) -> Result<Option<UserToken>, DbError> {
    Ok(user_tokens::table
        .filter(user_tokens::token_hash.eq(token_hash))
        .filter(user_tokens::kind.eq_any(kinds))
        .select(UserToken::as_select())
        .first(conn)
        .optional()?)
}

/// Marks a token used; false when it already was (a concurrent use won).
pub fn use_token(conn: &mut DbConnection, id: i64) -> Result<bool, DbError> {
    let n = diesel::update(
        user_tokens::table
            .find(id)
            .filter(user_tokens::used_at.is_null()),
    )
    .set(user_tokens::used_at.eq(Utc::now().naive_utc()))
    .execute(conn)?;
    Ok(n == 1)
}

/// Spends every unused token of a kind, e.g. older reset links after a reset.
pub fn expire_tokens(conn: &mut DbConnection, user_id: i64, kind: &str) -> Result<(), DbError> {
    diesel::update(
        user_tokens::table
            .filter(user_tokens::user_id.eq(user_id))
            .filter(user_tokens::kind.eq(kind))
            .filter(user_tokens::used_at.is_null()),
    )
    .set(user_tokens::used_at.eq(Utc::now().naive_utc()))
    .execute(conn)?;
    Ok(())
}
