//! Organiser accounts.

use chrono::Utc;

use crate::db::models::{NewUser, User};
use crate::db::{DbConnection, users};
use crate::domain::{EmailAddress, Locale};

use crate::services::accounts::passwords;

#[derive(Debug, thiserror::Error)]
pub enum CreateOrganiserError {
    #[error("an account with this email address already exists")]
    Exists,
    #[error("the password must have at least {} characters", passwords::MIN_LENGTH)]
    WeakPassword,
    #[error(transparent)]
    Db(#[from] crate::db::DbError),
}

pub fn create(
    conn: &mut DbConnection,
    email: &EmailAddress,
    name: &str,
    password: &str,
    admin: bool,
    locale: Locale,
) -> Result<User, CreateOrganiserError> {
    if password.chars().count() < passwords::MIN_LENGTH {
        return Err(CreateOrganiserError::WeakPassword);
    }
    if users::by_email(conn, email.as_str())?.is_some() {
        return Err(CreateOrganiserError::Exists);
    }
    let now = Utc::now().naive_utc();
    let hash = passwords::hash(password);
    Ok(users::insert(
        conn,
        &NewUser {
            email: email.as_str(),
            full_name: name,
            password_hash: &hash,
            role: if admin { "admin" } else { "organiser" },
            locale: locale.code(),
            email_verified_at: Some(now),
            created_at: now,
            updated_at: now,
        },
    )?)
}

/// True when no organiser or admin exists yet (first start).
pub fn none_exist(conn: &mut DbConnection) -> Result<bool, crate::db::DbError> {
    Ok(users::count_with_role(conn, &["organiser", "admin"])? == 0)
}

/// A new API token for the staff account of `email`: returns the raw token (shown
/// once), or `None` when the address is not an organiser's or an admin's.
pub fn new_api_token(
    conn: &mut DbConnection,
    email: &EmailAddress,
    request: &super::api_tokens::TokenRequest,
) -> Result<Option<String>, crate::db::DbError> {
    let Some(user) = users::by_email_ci(conn, email.as_str())? else {
        return Ok(None);
    };
    super::api_tokens::create(conn, &user, request, chrono::Utc::now().naive_utc())
}

/// Changes the role of an account (admins only); false when there is no such account.
pub fn set_role(
    conn: &mut DbConnection,
    actor: i64,
    user_id: i64,
    role: &str,
) -> Result<bool, crate::db::DbError> {
    let changed = crate::db::admin::set_role(conn, user_id, role)?;
    if changed {
        crate::db::admin::audit(conn, actor, "user.role", &format!("user:{user_id}"), role)?;
    }
    Ok(changed)
}
