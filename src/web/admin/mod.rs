//! The back office: `/{lang}/admin/…` pages and `/api/v1/admin/…` JSON, organisers only
//! (every handler takes the `Organiser` or `Admin` extractor, checked on the server).

pub mod api_campaigns;
pub mod api_sessions;
pub mod auth;
pub mod organisers;

use actix_web::web;

/// `/api/v1/admin/…` (inside the `/api/v1` scope).
pub fn configure_api(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/admin/webinars/{slug}/sessions",
        web::post().to(api_sessions::create_session),
    )
    .route(
        "/admin/sessions/{id}",
        web::patch().to(api_sessions::update_session),
    )
    .service(
        web::resource("/admin/campaigns")
            // A contact list of tens of thousands of rows (10,000 rows ≈ 600 KB of JSON).
            .app_data(web::JsonConfig::default().limit(16 * 1024 * 1024))
            .route(web::post().to(api_campaigns::create_campaign)),
    )
    .route(
        "/admin/campaigns/{id}",
        web::get().to(api_campaigns::get_campaign),
    )
    .route(
        "/admin/campaigns/{id}/send",
        web::post().to(api_campaigns::send_campaign),
    )
    .route(
        "/admin/campaigns/{id}/remind",
        web::post().to(api_campaigns::remind_campaign),
    )
    .route(
        "/admin/organisers",
        web::get().to(organisers::list_organisers),
    )
    .route(
        "/admin/organisers",
        web::post().to(organisers::create_organiser),
    )
    .route(
        "/admin/organisers/{id}/role",
        web::post().to(organisers::change_role),
    );
}

/// Every admin API route: the access test (tests/api/admin_access.rs) walks this list
/// and checks that it matches the routes registered above.
pub const API_ROUTES: [(&str, &str); 9] = [
    ("POST", "/api/v1/admin/webinars/{slug}/sessions"),
    ("PATCH", "/api/v1/admin/sessions/{id}"),
    ("POST", "/api/v1/admin/campaigns"),
    ("GET", "/api/v1/admin/campaigns/{id}"),
    ("POST", "/api/v1/admin/campaigns/{id}/send"),
    ("POST", "/api/v1/admin/campaigns/{id}/remind"),
    ("GET", "/api/v1/admin/organisers"),
    ("POST", "/api/v1/admin/organisers"),
    ("POST", "/api/v1/admin/organisers/{id}/role"),
];
