//! Privacy over JSON: ask for the mailed link, then export or erase with its token.

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::domain::Locale;
use crate::services::privacy;
use crate::web::error::AppError;
use crate::web::lang::negotiate;
use crate::web::rate_limit::{Limit, client_key};
use crate::web::state::{AppState, Pages};

use super::ErrorBody;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct RequestBody {
    #[serde(default)]
    email: String,
    /// Language of the mail (`fr`, `en`, `ar`); the request's language otherwise.
    locale: Option<String>,
}

/// Mails a link to the address's data when Convive holds any. Always 202 (no
/// enumeration).
#[utoipa::path(post, path = "/api/v1/privacy/requests", tag = "privacy", request_body = RequestBody,
    responses((status = 202, description = "sent if the address is known"),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn request_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<RequestBody>,
) -> Result<HttpResponse, AppError> {
    state
        .limits
        .check(Limit::Privacy, &client_key(&req))
        .await?;
    let body = body.into_inner();
    state
        .limits
        .check(Limit::Privacy, &body.email.trim().to_lowercase())
        .await?;
    let locale = body
        .locale
        .and_then(|l| l.parse::<Locale>().ok())
        .unwrap_or_else(|| negotiate(&req));
    state
        .run(Pages::Unchanged, move |c| {
            Ok(privacy::request_link(
                c,
                &body.email,
                locale,
                Utc::now().naive_utc(),
            ))
        })
        .await??;
    Ok(HttpResponse::Accepted().json(serde_json::json!({ "status": "sent" })))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct TokenBody {
    #[serde(default)]
    token: String,
}

/// Everything held about the link's address (JSON: account, registrations, progress,
/// certificates, invitations, mails).
#[utoipa::path(post, path = "/api/v1/privacy/export", tag = "privacy", request_body = TokenBody,
    responses((status = 200, description = "the data"), (status = 400, body = ErrorBody)))]
pub async fn export_data(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<TokenBody>,
) -> Result<HttpResponse, AppError> {
    state
        .limits
        .check(Limit::Confirmation, &client_key(&req))
        .await?;
    let token = body.into_inner().token;
    let data = state
        .run(Pages::Unchanged, move |c| {
            Ok(privacy::export(c, &token, Utc::now().naive_utc()))
        })
        .await??;
    Ok(crate::web::pages::privacy::download(&data))
}

/// Erases the link's address (see `services::privacy::erase`); the link stops working.
#[utoipa::path(post, path = "/api/v1/privacy/erase", tag = "privacy", request_body = TokenBody,
    responses((status = 200, description = "erased"), (status = 400, body = ErrorBody)))]
pub async fn erase_data(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<TokenBody>,
) -> Result<HttpResponse, AppError> {
    state
        .limits
        .check(Limit::Confirmation, &client_key(&req))
        .await?;
    let token = body.into_inner().token;
    let report = state
        .run(Pages::Changed, move |c| {
            Ok(privacy::erase(c, &token, Utc::now().naive_utc()))
        })
        .await??;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "status": "erased", "erasure": report })))
}
