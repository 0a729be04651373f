//! Learner accounts: sign-up with a verified address, log in, forgotten password.
//! Answers never tell whether an address has an account, and take about as long
//! either way (an unknown address is checked against a dummy hash).

pub mod api_tokens;
pub mod lookup;
pub mod organisers;
pub mod organisers_audited;
pub mod passwords;

use std::sync::OnceLock;

use chrono::{Duration, NaiveDateTime, Utc};

use crate::db::models::{NewUser, User};
use crate::db::{DbConnection, DbError, users, write_transaction};
use crate::domain::{EmailAddress, Locale};
use crate::mail::{MailKind, kinds};

use crate::secrets::tokens;
use crate::services::FieldErrors;

pub const CONSENT_VERSION: &str = crate::domain::consent::NOTICE_VERSION;
pub const VERIFY: &str = "verify";
pub const EMAIL_CHANGE: &str = "email_change";
pub const RESET: &str = "reset";
const MAX_PASSWORD: usize = 1024;
const MAX_NAME: usize = 120;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("wrong email or password")]
    InvalidCredentials,
    #[error("address not verified yet")]
    NotVerified,
    #[error("invalid or expired link")]
    InvalidToken,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// A sign-up as submitted, before parsing.
#[derive(serde::Deserialize, Debug, Default, Clone)]
pub struct SignupInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub locale: String,
    #[serde(default)]
    pub consent: bool,
}

/// A sign-up that parsed.
pub struct Signup {
    pub email: EmailAddress,
    pub password: String,
    pub full_name: String,
    pub locale: Locale,
}

impl Signup {
    pub fn parse(input: &SignupInput) -> Result<Signup, FieldErrors> {
        let mut errors = FieldErrors::new();
        let email = EmailAddress::parse(&input.email)
            .map_err(|_| errors.push(("email", "account-error-email")))
            .ok();
        if let Err(id) = check_password(&input.password) {
            errors.push(("password", id));
        }
        let full_name = parse_name(&input.full_name)
            .map_err(|_| errors.push(("full_name", "account-error-name")))
            .ok();
        let locale = input
            .locale
            .parse::<Locale>()
            .map_err(|_| errors.push(("locale", "account-error-locale")))
            .ok();
        if !input.consent {
            errors.push(("consent", "account-error-consent"));
        }
        match (email, full_name, locale) {
            (Some(email), Some(full_name), Some(locale)) if errors.is_empty() => Ok(Signup {
                email,
                password: input.password.clone(),
                full_name,
                locale,
            }),
            _ => Err(errors),
        }
    }
}

pub fn check_password(password: &str) -> Result<(), &'static str> {
    let n = password.chars().count();
    if n < passwords::MIN_LENGTH {
        Err("account-error-password-short")
    } else if n > MAX_PASSWORD {
        Err("account-error-password-long")
    } else {
        Ok(())
    }
}

fn parse_name(raw: &str) -> Result<String, ()> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_NAME
        && !name
            .chars()
            .any(|c| c.is_control() || matches!(c, '<' | '>'));
    ok.then_some(name).ok_or(())
}

/// A hash nobody's password matches, so unknown addresses cost the same work.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| passwords::hash("convive dummy password for timing"))
}

/// What the session keeps to recognise a password change (which signs out the
/// account's other sessions): a short digest of the stored hash.
pub fn session_stamp(user: &User) -> String {
    tokens::hash(&user.password_hash)[..16].to_owned()
}

fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// Queues a link mail with a fresh single-use token stored only as its hash.
fn send_token(
    conn: &mut DbConnection,
    user: &User,
    to: &EmailAddress,
    kind: &str,
    detail: Option<&str>,
    valid_for: Duration,
) -> Result<(), DbError> {
    let (raw, hash) = tokens::new_token();
    users::insert_token(conn, user.id, kind, &hash, detail, now() + valid_for)?;
    let locale = user.locale;
    let mail = if kind == RESET {
        MailKind::PasswordReset { token: raw }
    } else {
        MailKind::AccountVerify { token: raw }
    };
    kinds::enqueue(conn, to, locale, &mail)
}

/// Creates the account (unverified) and mails a verification link. An address that
/// already has an account gets the same answer; if it is still unverified, a new
/// link is sent (its password is left as it was).
pub fn signup(conn: &mut DbConnection, s: &Signup) -> Result<(), AccountError> {
    let hash = passwords::hash(&s.password);
    write_transaction(conn, |conn| {
        match users::by_email_ci(conn, s.email.as_str())? {
            Some(existing) if existing.email_verified_at.is_none() => {
                send_token(conn, &existing, &s.email, VERIFY, None, Duration::hours(48))?;
            }
            Some(_) => {}
            None => {
                let at = now();
                let user = users::insert(
                    conn,
                    &NewUser {
                        email: s.email.as_str(),
                        full_name: &s.full_name,
                        password_hash: &hash,
                        role: "learner",
                        locale: s.locale.code(),
                        email_verified_at: None,
                        created_at: at,
                        updated_at: at,
                    },
                )?;
                users::set_consent(conn, user.id, CONSENT_VERSION, at)?;
                send_token(conn, &user, &s.email, VERIFY, None, Duration::hours(48))?;
            }
        }
        Ok(())
    })
}

/// Follows a verification link (sign-up or change of address). Idempotent: a link
/// already used answers as a success.
pub fn verify(conn: &mut DbConnection, raw: &str) -> Result<User, AccountError> {
    if !tokens::looks_valid(raw.trim()) {
        return Err(AccountError::InvalidToken);
    }
    write_transaction(conn, |conn| {
        let token = users::token_by_hash(conn, &[VERIFY, EMAIL_CHANGE], &tokens::hash(raw))?
            .ok_or(AccountError::InvalidToken)?;
        let user = users::by_id(conn, token.user_id)?.ok_or(AccountError::InvalidToken)?;
        if token.used_at.is_some() {
            return Ok(user);
        }
        if token.expires_at.is_some_and(|e| e < now()) {
            return Err(AccountError::InvalidToken);
        }
        if token.kind == EMAIL_CHANGE {
            let new = token.detail.as_deref().ok_or(AccountError::InvalidToken)?;
            if users::by_email_ci(conn, new)?.is_some_and(|other| other.id != user.id) {
                return Err(AccountError::InvalidToken);
            }
            users::set_email(conn, user.id, new)?;
        } else {
            users::mark_verified(conn, user.id)?;
        }
        users::use_token(conn, token.id)?;
        users::by_id(conn, user.id)?.ok_or(AccountError::InvalidToken)
    })
}

/// Checks the password; rehashes it when the hashing parameters have risen.
pub fn login(conn: &mut DbConnection, email: &str, password: &str) -> Result<User, AccountError> {
    let user = match EmailAddress::parse(email) {
        Ok(e) => users::by_email_ci(conn, e.as_str())?,
        Err(_) => None,
    };
    // One argon2 verification whatever happens, so the time taken tells nothing about
    // whether the address has an account (an oversized password is never hashed).
    let too_long = password.len() > MAX_PASSWORD * 4;
    let candidate = if too_long { "" } else { password };
    let Some(user) = user else {
        passwords::verify(candidate, dummy_hash());
        return Err(AccountError::InvalidCredentials);
    };
    if !passwords::verify(candidate, &user.password_hash) || too_long {
        return Err(AccountError::InvalidCredentials);
    }
    if user.email_verified_at.is_none() {
        return Err(AccountError::NotVerified);
    }
    if passwords::needs_rehash(&user.password_hash) {
        users::set_password(conn, user.id, &passwords::hash(password))?;
        return Ok(users::by_id(conn, user.id)?.unwrap_or(user));
    }
    Ok(user)
}

/// Mails a reset link when the address has an account; silent otherwise.
pub fn forgot_password(conn: &mut DbConnection, email: &str) -> Result<(), AccountError> {
    let Ok(email) = EmailAddress::parse(email) else {
        return Err(AccountError::Invalid(vec![(
            "email",
            "account-error-email",
        )]));
    };
    write_transaction(conn, |conn| {
        if let Some(user) = users::by_email_ci(conn, email.as_str())? {
            send_token(conn, &user, &email, RESET, None, Duration::hours(1))?;
        }
        Ok(())
    })
}

/// Sets a new password from a reset link; the link also proves the address.
pub fn reset_password(
    conn: &mut DbConnection,
    raw: &str,
    password: &str,
) -> Result<User, AccountError> {
    check_password(password).map_err(|id| AccountError::Invalid(vec![("password", id)]))?;
    if !tokens::looks_valid(raw.trim()) {
        return Err(AccountError::InvalidToken);
    }
    let hash = passwords::hash(password);
    write_transaction(conn, |conn| {
        let token = users::token_by_hash(conn, &[RESET], &tokens::hash(raw))?
            .filter(|t| t.used_at.is_none() && t.expires_at.is_none_or(|e| e >= now()))
            .ok_or(AccountError::InvalidToken)?;
        if !users::use_token(conn, token.id)? {
            return Err(AccountError::InvalidToken);
        }
        users::set_password(conn, token.user_id, &hash)?;
        users::mark_verified(conn, token.user_id)?;
        users::expire_tokens(conn, token.user_id, RESET)?;
        users::by_id(conn, token.user_id)?.ok_or(AccountError::InvalidToken)
    })
}

/// Whether the page a mail link opens can offer its form: an unused, unexpired token
/// (a verification link already used also answers yes: following it is idempotent).
pub fn token_is_usable(
    conn: &mut DbConnection,
    kinds: &[&str],
    raw: &str,
) -> Result<bool, DbError> {
    if !tokens::looks_valid(raw.trim()) {
        return Ok(false);
    }
    Ok(
        users::token_by_hash(conn, kinds, &tokens::hash(raw))?.is_some_and(|t| match t.used_at {
            Some(_) => t.kind != RESET,
            None => t.expires_at.is_none_or(|e| e >= now()),
        }),
    )
}

pub fn user(conn: &mut DbConnection, id: i64) -> Result<Option<User>, DbError> {
    users::by_id(conn, id)
}

/// The signed-in account's own user, checked against the session's stamp.
pub fn current(conn: &mut DbConnection, id: i64, stamp: &str) -> Result<Option<User>, DbError> {
    Ok(users::by_id(conn, id)?.filter(|u| session_stamp(u) == stamp))
}

fn check_current(user: &User, password: &str) -> Result<(), AccountError> {
    if passwords::verify(password, &user.password_hash) {
        Ok(())
    } else {
        Err(AccountError::Invalid(vec![(
            "current_password",
            "account-error-current-password",
        )]))
    }
}

pub fn change_password(
    conn: &mut DbConnection,
    user: &User,
    current: &str,
    new: &str,
) -> Result<User, AccountError> {
    check_current(user, current)?;
    check_password(new).map_err(|id| AccountError::Invalid(vec![("new_password", id)]))?;
    users::set_password(conn, user.id, &passwords::hash(new))?;
    users::expire_tokens(conn, user.id, RESET)?;
    users::by_id(conn, user.id)?.ok_or(AccountError::InvalidCredentials)
}

/// Mails a link to the new address; the change happens when it is followed. An
/// address that belongs to another account gets nothing (and the same answer).
pub fn change_email(
    conn: &mut DbConnection,
    user: &User,
    password: &str,
    new_email: &str,
) -> Result<(), AccountError> {
    check_current(user, password)?;
    let email = EmailAddress::parse(new_email)
        .map_err(|_| AccountError::Invalid(vec![("new_email", "account-error-email")]))?;
    write_transaction(conn, |conn| {
        if users::by_email_ci(conn, email.as_str())?.is_none() {
            send_token(
                conn,
                user,
                &email,
                EMAIL_CHANGE,
                Some(email.as_str()),
                Duration::hours(24),
            )?;
        }
        Ok(())
    })
}

pub fn delete_account(
    conn: &mut DbConnection,
    user: &User,
    password: &str,
) -> Result<(), AccountError> {
    check_current(user, password)?;
    write_transaction(conn, |conn| Ok(users::delete(conn, user.id)?))
}

#[cfg(test)]
mod tests;
