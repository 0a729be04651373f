//! Registration API: the same rules as the pages (services::registrations).

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::domain::registration::RegistrationInput;
use crate::services::registrations;
use crate::web::error::AppError;
use crate::web::pages::registrations::error;
use crate::web::rate_limit::{Limit, client_key};
use crate::web::state::AppState;

use super::ErrorBody;

/// Registers for a session; the person confirms from the mail. Always 202 with
/// `pending`, also for an address already registered.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/registrations", tag = "registrations",
    params(("id" = i64, Path)),
    responses((status = 202, description = "pending; a confirmation mail is sent"),
        (status = 422, body = ErrorBody), (status = 404, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn create_registration(
    req: HttpRequest,
    id: web::Path<String>,
    state: web::Data<AppState>,
    body: web::Json<RegistrationInput>,
) -> Result<HttpResponse, AppError> {
    state.limits.check(Limit::Registration, &client_key(&req))?;
    let session_id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let new = body.parse().map_err(AppError::Validation)?;
    let tokens = state.tokens.clone();
    state
        .db
        .write(move |c| {
            registrations::register(c, &tokens, session_id, &new, Utc::now().naive_utc())
        })
        .await
        .map_err(error)?;
    state.wake_mailer();
    Ok(HttpResponse::Accepted().json(serde_json::json!({ "status": "pending" })))
}

#[derive(Deserialize)]
pub struct TokenBody {
    token: String,
}

/// Confirms with the token from the mail. Idempotent.
#[utoipa::path(post, path = "/api/v1/registrations/confirm", tag = "registrations",
    responses((status = 200, description = "confirmed or waitlisted"), (status = 404, body = ErrorBody)))]
pub async fn confirm_registration(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<TokenBody>,
) -> Result<HttpResponse, AppError> {
    state.limits.check(Limit::Confirmation, &client_key(&req))?;
    let token = body.into_inner().token;
    let confirmation = state
        .db
        .write(move |c| registrations::confirm(c, &token, Utc::now().naive_utc()))
        .await
        .map_err(error)?;
    // A seat taken changes `seats_left` on the public pages.
    state.db.content_changed();
    state.wake_mailer();
    Ok(HttpResponse::Ok().json(confirmation))
}

/// The registration behind a manage token (join link only when confirmed).
#[utoipa::path(get, path = "/api/v1/registrations/{token}", tag = "registrations",
    params(("token" = String, Path)),
    responses((status = 200, description = "status, waitlist_position, join_url"), (status = 404, body = ErrorBody)))]
pub async fn get_registration(
    token: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let tokens = state.tokens.clone();
    let public = state.settings.public_url();
    let view = state
        .db
        .run(move |c| {
            Ok(registrations::view(
                c,
                &tokens,
                &public,
                &token,
                Utc::now().naive_utc(),
            ))
        })
        .await?
        .map_err(error)?;
    Ok(HttpResponse::Ok().json(view))
}

/// Cancels; a freed seat is given to the waitlist.
#[utoipa::path(delete, path = "/api/v1/registrations/{token}", tag = "registrations",
    params(("token" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn cancel_registration(
    token: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    state
        .db
        .run(move |c| Ok(registrations::cancel(c, &token, Utc::now().naive_utc())))
        .await?
        .map_err(error)?;
    state.wake_mailer();
    Ok(HttpResponse::NoContent().finish())
}
