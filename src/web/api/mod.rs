//! JSON API under `/api/v1`, localised by `?lang=` or `Accept-Language`.

pub mod auth;
pub mod lessons;
pub mod modules;
pub mod openapi;
pub mod privacy;
pub mod registrations;
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
        .route(
            "/sessions/{id}/registrations",
            web::post().to(registrations::create_registration),
        )
        .route(
            "/series/registrations",
            web::post().to(registrations::create_series_registration),
        )
        .route(
            "/registrations/confirm",
            web::post().to(registrations::confirm_registration),
        )
        .route(
            "/registrations/{token}",
            web::get().to(registrations::get_registration),
        )
        .route(
            "/registrations/{token}",
            web::delete().to(registrations::cancel_registration),
        )
        .route("/modules", web::get().to(modules::list_modules))
        .route("/modules/{slug}", web::get().to(modules::get_module))
        .route(
            "/lessons/{id}/progress",
            web::post().to(lessons::report_progress),
        )
        .route("/auth/signup", web::post().to(auth::sign_up))
        .route("/auth/verify", web::post().to(auth::verify_email))
        .route("/auth/login", web::post().to(auth::log_in))
        .route("/auth/logout", web::post().to(auth::log_out))
        .route(
            "/auth/password/forgot",
            web::post().to(auth::forgot_password),
        )
        .route("/auth/password/reset", web::post().to(auth::reset_password))
        .route("/privacy/requests", web::post().to(privacy::request_link))
        .route("/privacy/export", web::post().to(privacy::export_data))
        .route("/privacy/erase", web::post().to(privacy::erase_data));
}

/// The documented error body.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable machine-readable code, e.g. `not_found`.
    pub error: String,
    /// Human-readable message in the request's language.
    pub message: String,
}
