//! Routes of the campaign side of the back office: campaign pages, announcements and the
//! mail log, as pages under `/{lang}/admin/…` and JSON under `/api/v1/admin/…`. The
//! tables below list every one of them for the access test (tests/api/admin.rs), which
//! also checks that each route registered here is in a table.

use actix_web::web;

use super::{
    announcements, api_announcements, api_campaigns, api_mail, campaign_new, campaign_pages,
    campaign_preview, mail_log,
};

/// Inside the `/api/v1` scope (the campaign routes that existed before are in `mod.rs`).
pub fn configure_api(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/admin/campaigns",
        web::get().to(api_campaigns::list_campaigns),
    )
    .route(
        "/admin/campaigns/{id}/preview",
        web::get().to(campaign_preview::preview_campaign),
    )
    .route(
        "/admin/campaigns/{id}",
        web::delete().to(api_campaigns::delete_campaign),
    )
    .route(
        "/admin/sessions/{id}/announcements",
        web::post().to(api_announcements::create_announcement),
    )
    .route(
        "/admin/announcements",
        web::get().to(api_announcements::list_announcements),
    )
    .route(
        "/admin/announcements/{id}",
        web::get().to(api_announcements::get_announcement),
    )
    .route("/admin/mail", web::get().to(api_mail::list_mail))
    .route("/admin/mail/{id}", web::get().to(api_mail::get_mail))
    .route(
        "/admin/mail/{id}/retry",
        web::post().to(api_mail::retry_mail),
    );
}

/// Inside the `/{lang}` scope.
pub fn configure_pages(cfg: &mut web::ServiceConfig) {
    // `…/new` before `…/{id}`: the id would not parse.
    cfg.route(
        "/admin/campaigns/new",
        web::get().to(campaign_new::new_campaign),
    )
    .route(
        "/admin/campaigns",
        web::get().to(campaign_pages::list_campaigns),
    )
    .route(
        "/admin/campaigns",
        web::post().to(campaign_new::create_campaign),
    )
    .route(
        "/admin/campaigns/{id}",
        web::get().to(campaign_pages::show_campaign),
    )
    .route(
        "/admin/campaigns/{id}/send",
        web::post().to(campaign_pages::send_campaign),
    )
    .route(
        "/admin/campaigns/{id}/remind",
        web::post().to(campaign_pages::remind_campaign),
    )
    .route(
        "/admin/campaigns/{id}/delete",
        web::post().to(campaign_pages::delete_campaign),
    )
    .route(
        "/admin/campaigns/{id}/preview",
        web::get().to(campaign_preview::show_preview),
    )
    .route(
        "/admin/campaigns/{id}/preview/{locale}",
        web::get().to(campaign_preview::show_preview_html),
    )
    .route(
        "/admin/announcements/new",
        web::get().to(announcements::new_announcement),
    )
    .route(
        "/admin/announcements",
        web::get().to(announcements::list_announcements),
    )
    .route(
        "/admin/announcements",
        web::post().to(announcements::create_announcement),
    )
    .route(
        "/admin/announcements/{id}",
        web::get().to(announcements::show_announcement),
    )
    .route("/admin/mail", web::get().to(mail_log::list_mail))
    .route("/admin/mail/{id}", web::get().to(mail_log::show_mail))
    .route(
        "/admin/mail/{id}/retry",
        web::post().to(mail_log::retry_mail),
    );
}

/// Every API route registered by `configure_api`.
pub const CAMPAIGN_API_ROUTES: [(&str, &str); 9] = [
    ("GET", "/api/v1/admin/campaigns"),
    ("GET", "/api/v1/admin/campaigns/{id}/preview"),
    ("DELETE", "/api/v1/admin/campaigns/{id}"),
    ("POST", "/api/v1/admin/sessions/{id}/announcements"),
    ("GET", "/api/v1/admin/announcements"),
    ("GET", "/api/v1/admin/announcements/{id}"),
    ("GET", "/api/v1/admin/mail"),
    ("GET", "/api/v1/admin/mail/{id}"),
    ("POST", "/api/v1/admin/mail/{id}/retry"),
];

/// Every page route registered by `configure_pages` (with the language prefix).
pub const CAMPAIGN_PAGE_ROUTES: [(&str, &str); 16] = [
    ("GET", "/{lang}/admin/campaigns/new"),
    ("GET", "/{lang}/admin/campaigns"),
    ("POST", "/{lang}/admin/campaigns"),
    ("GET", "/{lang}/admin/campaigns/{id}"),
    ("POST", "/{lang}/admin/campaigns/{id}/send"),
    ("POST", "/{lang}/admin/campaigns/{id}/remind"),
    ("POST", "/{lang}/admin/campaigns/{id}/delete"),
    ("GET", "/{lang}/admin/campaigns/{id}/preview"),
    ("GET", "/{lang}/admin/campaigns/{id}/preview/{locale}"),
    ("GET", "/{lang}/admin/announcements/new"),
    ("GET", "/{lang}/admin/announcements"),
    ("POST", "/{lang}/admin/announcements"),
    ("GET", "/{lang}/admin/announcements/{id}"),
    ("GET", "/{lang}/admin/mail"),
    ("GET", "/{lang}/admin/mail/{id}"),
    ("POST", "/{lang}/admin/mail/{id}/retry"),
];
