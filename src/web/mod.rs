//! HTTP: routes, extractors, middleware, pages (askama) and the JSON API.

pub mod admin;
pub mod api;
pub mod assets;
pub mod auth;
pub mod cache;
pub mod client_address;
pub mod csrf;
pub mod error;
pub mod form;
pub mod health;
pub mod lang;
pub mod log_redaction;
pub mod media;
pub mod page;
pub mod page_meta;
pub mod pages;
pub mod precompressed;
pub mod rate_limit;
pub mod registering;
pub mod security_headers;
pub mod session;
pub mod session_text;
pub mod site_files;
pub mod state;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{Compress, ErrorHandlers, NormalizePath, TrailingSlash};
use actix_web::{App, web};

use pages::{
    account, account_recovery, account_settings, calendars, certificates, home, invitations,
    learning, lessons, modules, privacy, registrations, webinars,
};

/// Routes and per-app configuration, shared by the server and the tests.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::JsonConfig::default().limit(64 * 1024))
        .app_data(web::FormConfig::default().limit(64 * 1024))
        .app_data(web::PayloadConfig::default().limit(256 * 1024))
        .route("/", web::get().to(pages::root_redirect))
        .route("/healthz", web::get().to(health::healthz))
        .route("/favicon.ico", web::get().to(site_files::favicon))
        .route("/robots.txt", web::get().to(site_files::robots))
        .route("/sitemap.xml", web::get().to(site_files::sitemap_xml))
        .route("/photos/{name}", web::get().to(site_files::photo))
        .route("/readyz", web::get().to(health::readyz))
        .route("/assets/{path:.*}", web::get().to(assets::serve_asset))
        .route("/join/{token}", web::get().to(registrations::join))
        .route("/media/{key:.*}", web::get().to(media::serve))
        .route("/media/{key:.*}", web::head().to(media::serve))
        .route(
            "/unsubscribe/{token}",
            web::get().to(invitations::show_unsubscribe),
        )
        .route(
            "/unsubscribe/{token}",
            web::post().to(invitations::unsubscribe),
        )
        .service(
            web::scope("/api/v1")
                .configure(api::configure)
                .configure(admin::configure_api),
        )
        .service(
            web::scope("/{lang}")
                .configure(public_routes)
                .configure(calendar_routes)
                .configure(account_routes)
                .configure(admin::configure_pages)
                .configure(privacy_routes),
        );
}

/// `/{lang}/privacy…`: the notice, and export or erasure from a mailed link.
fn privacy_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/privacy", web::get().to(privacy::show_notice))
        .route("/privacy/request", web::get().to(privacy::show_request))
        .route("/privacy/request", web::post().to(privacy::submit_request))
        .route(
            "/privacy/manage/{token}",
            web::get().to(privacy::show_manage),
        )
        .route(
            "/privacy/manage/{token}/export",
            web::post().to(privacy::export_data),
        )
        .route(
            "/privacy/manage/{token}/erase",
            web::post().to(privacy::erase_data),
        );
}

/// The public pages under `/{lang}`: programme, registration, invitations, certificates.
fn public_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::show_home))
        .route("/webinars", web::get().to(webinars::list_webinars))
        .route("/webinars/{slug}", web::get().to(webinars::show_webinar))
        .route("/modules", web::get().to(modules::list_modules))
        .route("/modules/{slug}", web::get().to(modules::show_module))
        .route("/lessons/{id}", web::get().to(lessons::show_lesson))
        .route("/learning", web::get().to(learning::show_learning))
        .route(
            "/sessions/{id}/register",
            web::get().to(registrations::show_register),
        )
        .route(
            "/sessions/{id}/register",
            web::post().to(registrations::submit_register),
        )
        .route(
            "/registrations/confirm/{token}",
            web::get().to(registrations::show_confirm),
        )
        .route(
            "/registrations/confirm/{token}",
            web::post().to(registrations::confirm),
        )
        .route(
            "/registrations/{token}",
            web::get().to(registrations::show_manage),
        )
        .route(
            "/registrations/{token}",
            web::post().to(registrations::update_manage),
        )
        .route(
            "/invitations/{token}",
            web::get().to(invitations::show_invitation),
        )
        .route(
            "/series/register",
            web::get().to(registrations::show_series_register),
        )
        .route(
            "/series/register",
            web::post().to(registrations::submit_series_register),
        )
        .route(
            "/certificates/{code}",
            web::get().to(certificates::show_certificate),
        )
        .route(
            "/certificates/{code}/pdf",
            web::get().to(certificates::download_certificate),
        );
}

/// Files under `/{lang}`: calendars (a session, the programme, a registrant's sessions)
/// and the web app manifest.
fn calendar_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/programme.ics", web::get().to(calendars::programme_feed))
        .route("/manifest.webmanifest", web::get().to(site_files::manifest))
        .route(
            "/sessions/{id}/calendar.ics",
            web::get().to(calendars::session_file),
        )
        .route(
            "/registrations/{token}/calendar.ics",
            web::get().to(calendars::registrant_feed),
        );
}

/// `/{lang}/account/…`: sign-up, login, recovery and settings.
fn account_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/account", web::get().to(account::account_home))
        .route("/account/signup", web::get().to(account::show_signup))
        .route("/account/signup", web::post().to(account::create_account))
        .route("/account/login", web::get().to(account::show_login))
        .route("/account/login", web::post().to(account::log_in))
        .route("/account/logout", web::post().to(account::log_out))
        .route(
            "/account/verify/{token}",
            web::get().to(account::show_verify),
        )
        .route(
            "/account/verify/{token}",
            web::post().to(account::verify_account),
        )
        .route(
            "/account/forgot",
            web::get().to(account_recovery::show_forgot),
        )
        .route(
            "/account/forgot",
            web::post().to(account_recovery::request_reset),
        )
        .route(
            "/account/reset/{token}",
            web::get().to(account_recovery::show_reset),
        )
        .route(
            "/account/reset/{token}",
            web::post().to(account_recovery::reset_password),
        )
        .route(
            "/account/settings",
            web::get().to(account_settings::show_settings),
        )
        .route(
            "/account/password",
            web::post().to(account_settings::change_password),
        )
        .route(
            "/account/email",
            web::post().to(account_settings::change_email),
        )
        .route(
            "/account/delete",
            web::post().to(account_settings::delete_account),
        );
}

/// Builds the whole application with its middleware (the server and the tests use it).
pub fn app(
    state: web::Data<state::AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let https = state.settings.serves_https();
    let key = state.cookie_key.clone();
    App::new()
        .app_data(state)
        .wrap(actix_web::middleware::from_fn(csrf::same_origin))
        .wrap(session::middleware(key, https))
        .wrap(security_headers::headers(https))
        .wrap(ErrorHandlers::new().default_handler(error::render_errors))
        .wrap(Compress::default())
        .wrap(NormalizePath::new(TrailingSlash::MergeOnly))
        .wrap(tracing_actix_web::TracingLogger::<
            log_redaction::RedactedRootSpan,
        >::new())
        .configure(configure)
        .default_service(web::to(error::unmatched))
}
