//! API tokens of organisers and admins: created with a name, scopes and an optional
//! expiry (the value is shown once, only its hash is kept), listed with their last use,
//! revoked by their holder or an admin. Each change is in the audit log.

use chrono::{NaiveDate, NaiveDateTime};

use crate::db::api_tokens::{self, ApiToken, NewApiToken};
use crate::db::{DbConnection, DbError, admin, write_transaction};
use crate::domain::token_scope::{ScopesError, TokenScopes};
use crate::secrets::tokens;
use crate::services::FieldErrors;
use crate::services::accounts::lookup::{User, is_staff};

const MAX_LABEL: usize = 80;

/// What a new token is: checked at the edge.
#[derive(Clone, Debug)]
pub struct TokenRequest {
    pub label: String,
    pub scopes: TokenScopes,
    /// The token stops working at the start of this day (UTC).
    pub expires_on: Option<NaiveDate>,
}

impl TokenRequest {
    /// From what a form or the command line gave: a name, scopes separated by commas,
    /// an expiry day (`YYYY-MM-DD`, empty for none) that must be after `today`.
    pub fn parse(
        label: &str,
        scopes: &str,
        expires: &str,
        today: NaiveDate,
    ) -> Result<TokenRequest, FieldErrors> {
        let mut errors = FieldErrors::new();
        let label = label.trim();
        if label.chars().count() > MAX_LABEL {
            errors.push(("label", "admin-token-error-label"));
        }
        let scopes = TokenScopes::parse(scopes).map_err(|e| match e {
            ScopesError::Empty => ("scopes", "admin-token-error-scopes"),
            ScopesError::Unknown(_) => ("scopes", "admin-token-error-scope-unknown"),
        });
        let expires_on = match expires.trim() {
            "" => Ok(None),
            day => match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
                Ok(d) if d > today => Ok(Some(d)),
                _ => Err(("expires", "admin-token-error-expires")),
            },
        };
        match (scopes, expires_on) {
            (Ok(scopes), Ok(expires_on)) if errors.is_empty() => Ok(TokenRequest {
                label: label.to_owned(),
                scopes,
                expires_on,
            }),
            (scopes, expires_on) => {
                errors.extend(scopes.err());
                errors.extend(expires_on.err());
                Err(errors)
            }
        }
    }

    /// A token that may do everything its holder may, without expiry.
    pub fn full(label: &str) -> TokenRequest {
        TokenRequest {
            label: label.to_owned(),
            scopes: TokenScopes::full(),
            expires_on: None,
        }
    }
}

/// A token as the back office lists it.
#[derive(Clone, Debug)]
pub struct TokenView {
    pub token: ApiToken,
    pub holder_email: String,
}

impl TokenView {
    pub fn label(&self) -> &str {
        self.token.detail.as_deref().unwrap_or("")
    }

    pub fn is_active(&self, now: NaiveDateTime) -> bool {
        self.token.revoked_at.is_none() && self.token.expires_at.is_none_or(|at| at > now)
    }
}

/// A new token for `holder` (a staff account); the raw value, shown once.
pub fn create(
    conn: &mut DbConnection,
    holder: &User,
    request: &TokenRequest,
    now: NaiveDateTime,
) -> Result<Option<String>, DbError> {
    if !is_staff(holder) {
        return Ok(None);
    }
    let (raw, hash) = tokens::new_token();
    let scopes = request.scopes.to_string();
    write_transaction(conn, |c| {
        let id = api_tokens::insert(
            c,
            &NewApiToken {
                user_id: holder.id,
                token_hash: &hash,
                label: &request.label,
                scopes: &scopes,
                expires_at: request.expires_on.and_then(|d| d.and_hms_opt(0, 0, 0)),
                now,
            },
        )?;
        admin::audit(
            c,
            holder.id,
            "token.create",
            &format!("token:{id}"),
            &scopes,
        )
    })?;
    Ok(Some(raw))
}

/// The holder of a valid token and what it may do; whether its last use is worth
/// recording is decided by `touch`.
pub fn authenticate(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<(User, TokenScopes, i64)>, DbError> {
    let Some((user, token)) = api_tokens::holder(conn, token_hash, now)? else {
        return Ok(None);
    };
    // A stored scope list the application did not write closes the token.
    let Ok(scopes) = TokenScopes::parse(&token.scopes) else {
        tracing::error!(
            token = token.id,
            "user_tokens.scopes: unreadable, token refused"
        );
        return Ok(None);
    };
    Ok(Some((user, scopes, token.id)))
}

pub fn touch(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    api_tokens::touch(conn, id, now)
}

/// The viewer's tokens; an admin sees everyone's.
pub fn list(conn: &mut DbConnection, viewer: &User) -> Result<Vec<TokenView>, DbError> {
    let whose = (viewer.role != "admin").then_some(viewer.id);
    Ok(api_tokens::list(conn, whose)?
        .into_iter()
        .map(|(token, holder_email)| TokenView {
            token,
            holder_email,
        })
        .collect())
}

/// Revokes a token of the viewer's (or anyone's, for an admin); false when there is no
/// such token for them or it was already revoked.
pub fn revoke(
    conn: &mut DbConnection,
    viewer: &User,
    id: i64,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let Some(token) = api_tokens::by_id(conn, id)? else {
        return Ok(false);
    };
    if token.user_id != viewer.id && viewer.role != "admin" {
        return Ok(false);
    }
    write_transaction(conn, |c| {
        let revoked = api_tokens::revoke(c, id, now)?;
        if revoked {
            admin::audit(c, viewer.id, "token.revoke", &format!("token:{id}"), "")?;
        }
        Ok(revoked)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    #[test]
    fn a_request_is_checked_field_by_field() {
        let ok = TokenRequest::parse("CRM", "registrants", "2027-01-31", today()).unwrap();
        assert_eq!(ok.scopes.to_string(), "registrants");
        assert_eq!(ok.expires_on, NaiveDate::from_ymd_opt(2027, 1, 31));
        let bad = TokenRequest::parse(&"x".repeat(81), "", "2026-12-01", today()).unwrap_err();
        assert_eq!(
            bad,
            vec![
                ("label", "admin-token-error-label"),
                ("scopes", "admin-token-error-scopes"),
                ("expires", "admin-token-error-expires"),
            ]
        );
        let unknown = TokenRequest::parse("", "root", "31/01/2027", today()).unwrap_err();
        assert_eq!(unknown[0], ("scopes", "admin-token-error-scope-unknown"));
        assert_eq!(unknown[1], ("expires", "admin-token-error-expires"));
    }
}
