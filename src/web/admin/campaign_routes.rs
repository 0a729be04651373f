//! Routes of the campaign side of the back office: campaign pages, announcements and the
//! mail log, as pages under `/{lang}/admin/…` and JSON under `/api/v1/admin/…`. The
//! tables below list every one of them for the access tests (tests/api/admin.rs and
//! tests/api/campaign_pages.rs); `mod.rs` registers them through the recording `Routes`.

use super::routes::Routes;
use super::{
    announcements, api_announcements, api_campaigns, api_mail, campaign_new, campaign_pages,
    campaign_preview, mail_log,
};

/// Inside the `/api/v1` scope (the campaign routes that existed before are in `mod.rs`).
pub fn api_routes(r: &mut Routes) {
    r.get("/admin/campaigns", api_campaigns::list_campaigns)
        .get(
            "/admin/campaigns/{id}/preview",
            campaign_preview::preview_campaign,
        )
        .delete("/admin/campaigns/{id}", api_campaigns::delete_campaign)
        .post(
            "/admin/sessions/{id}/announcements",
            api_announcements::create_announcement,
        )
        .get(
            "/admin/announcements",
            api_announcements::list_announcements,
        )
        .get(
            "/admin/announcements/{id}",
            api_announcements::get_announcement,
        )
        .get("/admin/mail", api_mail::list_mail)
        .get("/admin/mail/{id}", api_mail::get_mail)
        .post("/admin/mail/{id}/retry", api_mail::retry_mail);
}

/// Inside the `/{lang}` scope.
pub fn page_routes(r: &mut Routes) {
    // `…/new` before `…/{id}`: the id would not parse.
    r.get("/admin/campaigns/new", campaign_new::new_campaign)
        .get("/admin/campaigns", campaign_pages::list_campaigns)
        .post("/admin/campaigns", campaign_new::create_campaign)
        .get("/admin/campaigns/{id}", campaign_pages::show_campaign)
        .post("/admin/campaigns/{id}/send", campaign_pages::send_campaign)
        .post(
            "/admin/campaigns/{id}/remind",
            campaign_pages::remind_campaign,
        )
        .post(
            "/admin/campaigns/{id}/delete",
            campaign_pages::delete_campaign,
        )
        .get(
            "/admin/campaigns/{id}/preview",
            campaign_preview::show_preview,
        )
        .get(
            "/admin/campaigns/{id}/preview/{locale}",
            campaign_preview::show_preview_html,
        )
        .get("/admin/announcements/new", announcements::new_announcement)
        .get("/admin/announcements", announcements::list_announcements)
        .post("/admin/announcements", announcements::create_announcement)
        .get(
            "/admin/announcements/{id}",
            announcements::show_announcement,
        )
        .get("/admin/mail", mail_log::list_mail)
        .get("/admin/mail/{id}", mail_log::show_mail)
        .post("/admin/mail/{id}/retry", mail_log::retry_mail);
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
