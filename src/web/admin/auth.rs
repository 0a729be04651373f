//! Who may use the back office. `Organiser` accepts the session cookie of an organiser
//! or admin, or `Authorization: Bearer <token>` (made in the back office or by
//! `convive organiser token`), within the token's scopes.
//! Nobody signed in: 401 under `/api`, a redirect to the login page elsewhere.
//! Signed in without the role (a learner), or a token outside its scopes: 403.

use actix_web::dev::Payload;
use actix_web::error::InternalError;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;

use crate::domain::token_scope::area_of;
use crate::secrets::tokens;
use crate::services::accounts::api_tokens;
use crate::services::accounts::lookup::{self, User};
use crate::web::auth::{MaybeUser, to_login};
use crate::web::error::AppError;
use crate::web::state::{AppState, Pages};

/// An organiser or an admin.
pub struct Organiser(pub User);

/// An admin (manages organiser accounts).
pub struct Admin(pub User);

impl Organiser {
    pub fn id(&self) -> i64 {
        self.0.id
    }

    pub fn is_admin(&self) -> bool {
        self.0.role == "admin"
    }
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

fn unauthenticated(req: &HttpRequest) -> actix_web::Error {
    if req.path().starts_with("/api/") {
        AppError::Unauthorized {
            code: "unauthorized",
            message_id: "account-error-sign-in-required",
        }
        .into()
    } else {
        let lang = req.match_info().get("lang").unwrap_or("fr").to_owned();
        InternalError::from_response("sign in", to_login(req, &lang)).into()
    }
}

/// The holder of a bearer token, when the token is valid and its scopes cover this
/// request (reading is GET or HEAD; anything else writes).
async fn token_holder(req: &HttpRequest, raw: &str) -> Result<User, actix_web::Error> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no state")))?;
    if !tokens::looks_valid(raw) {
        return Err(unauthenticated(req));
    }
    let hash = tokens::hash(raw);
    let now = chrono::Utc::now().naive_utc();
    let found = state
        .run(Pages::Unchanged, move |c| {
            let found = api_tokens::authenticate(c, &hash, now)?;
            if let Some((_, _, id)) = &found {
                api_tokens::touch(c, *id, now)?;
            }
            Ok(found)
        })
        .await
        .map_err(AppError::from)?;
    let Some((user, scopes, _)) = found else {
        return Err(unauthenticated(req));
    };
    let rest = req.path().split_once("/admin").map_or("", |(_, r)| r);
    let writes = !matches!(req.method().as_str(), "GET" | "HEAD");
    if scopes.allow(area_of(rest), writes) {
        Ok(user)
    } else {
        Err(AppError::Forbidden.into())
    }
}

async fn staff_user(req: HttpRequest) -> Result<User, actix_web::Error> {
    if let Some(raw) = bearer(&req) {
        return token_holder(&req, &raw).await;
    }
    match MaybeUser::from_request(&req, &mut Payload::None).await?.0 {
        Some(user) if lookup::is_staff(&user) => Ok(user),
        Some(_) => Err(AppError::Forbidden.into()),
        None => Err(unauthenticated(&req)),
    }
}

impl FromRequest for Organiser {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let fut = staff_user(req.clone());
        Box::pin(async move { fut.await.map(Organiser) })
    }
}

impl FromRequest for Admin {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let fut = staff_user(req.clone());
        Box::pin(async move {
            let user = fut.await?;
            if user.role == "admin" {
                Ok(Admin(user))
            } else {
                Err(AppError::Forbidden.into())
            }
        })
    }
}
