//! JSON API under `/api/v1`, localised by `?lang=` or `Accept-Language`.

pub mod modules;
pub mod openapi;
pub mod sessions;
pub mod webinars;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/openapi.json", web::get().to(openapi::openapi_json))
        .route("/webinars", web::get().to(webinars::list_webinars))
        .route("/webinars/{slug}", web::get().to(webinars::get_webinar))
        .route(
            "/webinars/{slug}/replays",
            web::get().to(webinars::list_replays),
        )
        .route("/sessions/{id}", web::get().to(sessions::get_session))
        .route("/modules", web::get().to(modules::list_modules))
        .route("/modules/{slug}", web::get().to(modules::get_module));
}

/// The documented error body.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable machine-readable code, e.g. `not_found`.
    pub error: String,
    /// Human-readable message in the request's language.
    pub message: String,
}
