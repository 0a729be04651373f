//! Learner accounts over JSON, with the same rules as the pages (session cookie).

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::services::accounts::lookup::User;
use crate::services::accounts::{self, Signup, SignupInput};
use crate::web::auth;
use crate::web::error::AppError;
use crate::web::rate_limit::{Limit, client_key};
use crate::web::state::{AppState, Pages};

use super::ErrorBody;

#[derive(Serialize, ToSchema)]
pub struct StatusBody {
    pub status: &'static str,
}

#[derive(Serialize, ToSchema)]
pub struct AccountBody {
    pub status: &'static str,
    pub email: String,
    pub full_name: String,
    pub locale: String,
}

fn account(status: &'static str, u: &User) -> AccountBody {
    AccountBody {
        status,
        email: u.email.clone(),
        full_name: u.full_name.clone(),
        locale: u.locale.code().to_owned(),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct SignupBody {
    email: Option<String>,
    password: Option<String>,
    full_name: Option<String>,
    /// `fr`, `en` or `ar`.
    locale: Option<String>,
    consent: Option<bool>,
}

/// Creates an account and mails a verification link. 202 also when the address
/// already has an account (no enumeration).
#[utoipa::path(post, path = "/api/v1/auth/signup", tag = "accounts", request_body = SignupBody,
    responses((status = 202, body = StatusBody), (status = 422, body = ErrorBody)))]
pub async fn sign_up(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<SignupBody>,
) -> Result<HttpResponse, AppError> {
    state.limits.check(Limit::Signup, &client_key(&req)).await?;
    let body = body.into_inner();
    let input = SignupInput {
        email: body.email.unwrap_or_default(),
        password: body.password.unwrap_or_default(),
        full_name: body.full_name.unwrap_or_default(),
        locale: body.locale.unwrap_or_default(),
        consent: body.consent.unwrap_or(false),
    };
    let signup = Signup::parse(&input).map_err(AppError::Validation)?;
    state
        .run(Pages::Unchanged, move |c| Ok(accounts::signup(c, &signup)))
        .await??;
    Ok(HttpResponse::Accepted().json(StatusBody { status: "pending" }))
}

#[derive(Deserialize, ToSchema)]
pub struct TokenBody {
    token: String,
}

/// Verifies the address with the token from the mail, and signs in. Idempotent.
#[utoipa::path(post, path = "/api/v1/auth/verify", tag = "accounts", request_body = TokenBody,
    responses((status = 200, body = AccountBody), (status = 400, body = ErrorBody)))]
pub async fn verify_email(
    session: Session,
    state: web::Data<AppState>,
    body: web::Json<TokenBody>,
) -> Result<HttpResponse, AppError> {
    let token = body.into_inner().token;
    let user = state
        .run(Pages::Unchanged, move |c| Ok(accounts::verify(c, &token)))
        .await??;
    auth::sign_in(&session, &user)?;
    Ok(HttpResponse::Ok().json(account("verified", &user)))
}

#[derive(Deserialize, ToSchema)]
pub struct LoginBody {
    email: String,
    password: String,
}

/// Signs in (a new session id). 401 with the same answer for an unknown address and a
/// wrong password.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "accounts", request_body = LoginBody,
    responses((status = 200, body = AccountBody), (status = 401, body = ErrorBody),
        (status = 429, body = ErrorBody)))]
pub async fn log_in(
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    body: web::Json<LoginBody>,
) -> Result<HttpResponse, AppError> {
    state.limits.check(Limit::Login, &client_key(&req)).await?;
    let LoginBody { email, password } = body.into_inner();
    state
        .limits
        .check(Limit::LoginAccount, &email.trim().to_lowercase())
        .await?;
    let user = state
        .run(Pages::Unchanged, move |c| {
            Ok(accounts::login(c, &email, &password))
        })
        .await??;
    auth::sign_in(&session, &user)?;
    Ok(HttpResponse::Ok().json(account("signed_in", &user)))
}

#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "accounts",
    responses((status = 200, body = StatusBody)))]
pub async fn log_out(session: Session) -> HttpResponse {
    auth::sign_out(&session);
    HttpResponse::Ok().json(StatusBody {
        status: "signed_out",
    })
}

#[derive(Deserialize, ToSchema)]
pub struct ForgotBody {
    email: String,
}

/// Mails a reset link if the address has an account; 202 either way.
#[utoipa::path(post, path = "/api/v1/auth/password/forgot", tag = "accounts",
    request_body = ForgotBody, responses((status = 202, body = StatusBody)))]
pub async fn forgot_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<ForgotBody>,
) -> Result<HttpResponse, AppError> {
    let email = body.into_inner().email;
    state
        .limits
        .check(Limit::PasswordReset, &client_key(&req))
        .await?;
    state
        .limits
        .check(Limit::PasswordReset, &email.trim().to_lowercase())
        .await?;
    state
        .run(Pages::Unchanged, move |c| {
            Ok(accounts::forgot_password(c, &email))
        })
        .await??;
    Ok(HttpResponse::Accepted().json(StatusBody { status: "pending" }))
}

#[derive(Deserialize, ToSchema)]
pub struct ResetBody {
    token: String,
    password: String,
}

/// Sets a new password with the token from the mail.
#[utoipa::path(post, path = "/api/v1/auth/password/reset", tag = "accounts",
    request_body = ResetBody,
    responses((status = 200, body = StatusBody), (status = 400, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn reset_password(
    state: web::Data<AppState>,
    body: web::Json<ResetBody>,
) -> Result<HttpResponse, AppError> {
    let ResetBody { token, password } = body.into_inner();
    state
        .run(Pages::Unchanged, move |c| {
            Ok(accounts::reset_password(c, &token, &password))
        })
        .await??;
    Ok(HttpResponse::Ok().json(StatusBody { status: "reset" }))
}
