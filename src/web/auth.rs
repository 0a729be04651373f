//! Who is signed in. The session keeps the user id and a stamp of the password hash,
//! so changing the password signs out every other session of the account.

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use futures_util::future::LocalBoxFuture;

use crate::services::accounts;
use crate::services::accounts::lookup::User;

use super::error::AppError;
use super::state::{AppState, Pages};

const USER_KEY: &str = "uid";
const STAMP_KEY: &str = "stamp";

/// Signs the user in with a new session id (no fixation).
pub fn sign_in(session: &Session, user: &User) -> Result<(), AppError> {
    session.renew();
    session
        .insert(USER_KEY, user.id)
        .and_then(|_| session.insert(STAMP_KEY, accounts::session_stamp(user)))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("session: {e}")))
}

pub fn sign_out(session: &Session) {
    session.purge();
}

pub fn is_signed_in(req: &HttpRequest) -> bool {
    matches!(req.get_session().get::<i64>(USER_KEY), Ok(Some(_)))
}

/// The signed-in user, if any (`None` when the session is stale).
pub struct MaybeUser(pub Option<User>);

impl FromRequest for MaybeUser {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let session = req.get_session();
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let (Ok(Some(id)), Ok(Some(stamp))) = (
                session.get::<i64>(USER_KEY),
                session.get::<String>(STAMP_KEY),
            ) else {
                return Ok(MaybeUser(None));
            };
            let state = state.ok_or_else(|| AppError::Internal(anyhow::anyhow!("no state")))?;
            let user = state
                .run(Pages::Unchanged, move |c| accounts::current(c, id, &stamp))
                .await?;
            if user.is_none() {
                session.purge();
            }
            Ok(MaybeUser(user))
        })
    }
}

/// The signed-in user; a 401 JSON answer for the API when there is none.
pub struct ApiUser(pub User);

impl FromRequest for ApiUser {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let fut = MaybeUser::from_request(req, payload);
        Box::pin(async move {
            fut.await?.0.map(ApiUser).ok_or(AppError::Unauthorized {
                code: "unauthorized",
                message_id: "account-error-sign-in-required",
            })
        })
    }
}

/// Sends a visitor who must sign in to the login page, coming back afterwards.
pub fn to_login(req: &HttpRequest, lang: &str) -> HttpResponse {
    let next = req.uri().path();
    HttpResponse::SeeOther()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/{lang}/account/login?next={}", encode(next)),
        ))
        .finish()
}

/// Where to go after signing in: only a path of this site.
pub fn safe_next(next: Option<&str>, lang: &str) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && !n.chars().any(|c| c.is_control() || c.is_whitespace())
                && !n.contains("/account/")
                && !decoded_is_foreign(n) =>
        {
            n.to_owned()
        }
        _ => format!("/{lang}/learning"),
    }
}

/// `/%2F%2Fevil.example` or `/%5Cevil`: harmless as a path here, but refused anyway in
/// case something on the way decodes it.
fn decoded_is_foreign(n: &str) -> bool {
    let lower = n.to_ascii_lowercase();
    lower.starts_with("/%2f")
        || lower.starts_with("/%5c")
        || lower.contains("%0d")
        || lower.contains("%0a")
        || lower.contains("%09")
        || lower.contains("%00")
}

fn encode(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next(Some("/fr/lessons/3"), "fr"), "/fr/lessons/3");
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "/fr/account/logout",
            "/\t/evil.example",
            "/%2F%2Fevil.example",
            "/%5Cevil.example",
            "/fr/x\r\nSet-Cookie: a=b",
            "/fr/x%0d%0aSet-Cookie:a=b",
            "/fr/\u{1}",
        ] {
            assert_eq!(safe_next(Some(bad), "fr"), "/fr/learning", "{bad}");
        }
        assert_eq!(safe_next(None, "ar"), "/ar/learning");
    }
}
