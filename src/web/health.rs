use actix_web::{HttpResponse, web};

use super::error::AppError;
use super::state::AppState;

/// Alive: the process answers.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok")
}

/// Ready: the database answers too.
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    state.ping().await?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ready"))
}
