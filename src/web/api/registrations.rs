//! Registration API: the same rules as the pages (services::registrations, through
//! web::registering).

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::domain::registration::RegistrationInput;
use crate::web::error::AppError;
use crate::web::lang::negotiate;
use crate::web::registering::{self, Change, Target};
use crate::web::state::AppState;

use super::ErrorBody;

fn pending() -> HttpResponse {
    HttpResponse::Accepted().json(serde_json::json!({ "status": "pending" }))
}

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
    let session_id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    registering::register(&state, &req, Target::Session(session_id), &body).await?;
    Ok(pending())
}

/// Registers for the whole series: the next upcoming session of each webinar. Same body
/// and answer as a session registration; one mail confirms every session, each then
/// gets a seat or a waitlist place of its own.
#[utoipa::path(post, path = "/api/v1/series/registrations", tag = "registrations",
    responses((status = 202, description = "pending; one confirmation mail for every session"),
        (status = 422, body = ErrorBody), (status = 404, body = ErrorBody, description = "no upcoming session"),
        (status = 429, body = ErrorBody)))]
pub async fn create_series_registration(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<RegistrationInput>,
) -> Result<HttpResponse, AppError> {
    registering::register(&state, &req, Target::Series, &body).await?;
    Ok(pending())
}

#[derive(Deserialize)]
pub struct TokenBody {
    token: String,
}

/// Confirms with the token from the mail. Idempotent. For a series registration the
/// answer also lists `sessions` (`session_id`, `status`, `waitlist_position`) and
/// `status` is `confirmed`, `waitlisted` or `partly_waitlisted`.
#[utoipa::path(post, path = "/api/v1/registrations/confirm", tag = "registrations",
    responses((status = 200, description = "confirmed or waitlisted"), (status = 404, body = ErrorBody),
        (status = 400, body = ErrorBody, description = "expired"), (status = 429, body = ErrorBody)))]
pub async fn confirm_registration(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<TokenBody>,
) -> Result<HttpResponse, AppError> {
    let confirmation = registering::confirm(&state, &req, body.into_inner().token).await?;
    Ok(HttpResponse::Ok().json(confirmation))
}

/// The registration behind a manage token (join link only when confirmed). For a series
/// registration: `{"series": true, "registrations": [...]}`, each with its own
/// `manage_url` (to switch session).
#[utoipa::path(get, path = "/api/v1/registrations/{token}", tag = "registrations",
    params(("token" = String, Path)),
    responses((status = 200, description = "status, waitlist_position, join_url"), (status = 404, body = ErrorBody)))]
pub async fn get_registration(
    req: HttpRequest,
    token: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let view = registering::view(&state, token.into_inner(), negotiate(&req)).await?;
    Ok(HttpResponse::Ok().json(view))
}

#[derive(Deserialize)]
pub struct CancelQuery {
    session_id: Option<i64>,
}

/// Cancels; a freed seat is given to the waitlist. With a series token, cancels every
/// session, or only `?session_id=`.
#[utoipa::path(delete, path = "/api/v1/registrations/{token}", tag = "registrations",
    params(("token" = String, Path),
        ("session_id" = Option<i64>, Query, description = "series registration: cancel only this session")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn cancel_registration(
    token: web::Path<String>,
    query: web::Query<CancelQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let change = Change::Cancel(query.session_id);
    registering::change(&state, token.into_inner(), change).await?;
    Ok(HttpResponse::NoContent().finish())
}
