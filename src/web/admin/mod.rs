//! The back office: `/{lang}/admin/…` pages and `/api/v1/admin/…` JSON, organisers only
//! (every handler takes the `Organiser` or `Admin` extractor, checked on the server).
//! Routes are registered through `routes::Routes`, which records them: the access test
//! (tests/api/admin.rs) checks that every registered route is in `API_ROUTES` or
//! `PAGE_ROUTES`, and walks those tables as admin, organiser, learner and anonymous.

pub mod agenda;
pub mod announcement_form;
pub mod announcements;
pub mod api_announcements;
pub mod api_campaigns;
pub mod api_content;
pub mod api_mail;
pub mod api_registrants;
pub mod api_sessions;
pub mod api_tokens;
pub mod auth;
pub mod campaign_new;
pub mod campaign_pages;
pub mod campaign_preview;
pub mod campaign_routes;
pub mod charts;
pub mod content;
pub mod content_form;
pub mod dashboard;
pub mod lessons;
pub mod mail_log;
pub mod organisers;
pub mod people;
pub mod pictures;
pub mod registrants;
pub mod replays;
pub mod routes;
pub mod session_form;
pub mod sessions;
pub mod shell;
pub mod speaker_delete;
pub mod speakers;
pub mod upload;

pub use campaign_routes::{CAMPAIGN_API_ROUTES, CAMPAIGN_PAGE_ROUTES};

use actix_web::web;

use routes::Routes;

/// `/api/v1/admin/…` (inside the `/api/v1` scope).
pub fn configure_api(cfg: &mut web::ServiceConfig) {
    // Public, not admin: the replay player counts a view.
    cfg.route(
        "/webinars/{slug}/replays/{locale}/views",
        web::post().to(replays::record_replay_view),
    );
    api_routes(&mut Routes::new(cfg, "/api/v1"));
}

fn api_routes(r: &mut Routes) {
    campaign_routes::api_routes(r);
    r.post(
        "/admin/webinars/{slug}/sessions",
        api_sessions::create_session,
    )
    .patch("/admin/sessions/{id}", api_sessions::update_session)
    .post("/admin/campaigns", api_campaigns::create_campaign)
    .get("/admin/campaigns/{id}", api_campaigns::get_campaign)
    .post("/admin/campaigns/{id}/send", api_campaigns::send_campaign)
    .post(
        "/admin/campaigns/{id}/remind",
        api_campaigns::remind_campaign,
    )
    .get("/admin/organisers", organisers::list_organisers)
    .post("/admin/organisers", organisers::create_organiser)
    .post("/admin/organisers/{id}/role", organisers::change_role);
    // Content, registrants, dashboard, audit.
    r.get("/admin/stats", dashboard::get_stats)
        .get("/admin/audit", people::api_audit)
        .get("/admin/webinars", api_content::api_list_webinars)
        .post("/admin/webinars", api_content::api_create_webinar)
        .get("/admin/webinars/{slug}", api_content::api_get_webinar)
        .patch("/admin/webinars/{slug}", api_content::api_update_webinar)
        .post("/admin/webinars/{slug}/replays", replays::api_save_replay)
        .post("/admin/replays/{id}/publish", replays::api_publish_replay)
        .put("/admin/sessions/{id}", api_sessions::replace_session)
        .post(
            "/admin/sessions/{id}/cancel",
            api_sessions::api_cancel_session,
        )
        .post(
            "/admin/sessions/{id}/attendance",
            api_registrants::api_import_attendance,
        )
        .get("/admin/modules", api_content::api_list_modules)
        .post("/admin/modules", api_content::api_create_module)
        .get("/admin/modules/{slug}", api_content::api_get_module)
        .patch("/admin/modules/{slug}", api_content::api_update_module)
        .post("/admin/modules/{slug}/lessons", lessons::api_create_lesson)
        .patch("/admin/lessons/{id}", lessons::api_update_lesson)
        .get("/admin/registrants", api_registrants::api_list_registrants)
        .get(
            "/admin/registrants/export.csv",
            api_registrants::api_export_csv,
        )
        .get(
            "/admin/registrants/export.xlsx",
            api_registrants::api_export_xlsx,
        )
        .post(
            "/admin/registrations/{id}/status",
            api_registrants::api_update_status,
        )
        .post(
            "/admin/registrations/{id}/attendance",
            api_registrants::api_update_attendance,
        );
}

/// `/{lang}/admin/…` (inside the `/{lang}` scope).
pub fn configure_pages(cfg: &mut web::ServiceConfig) {
    page_routes(&mut Routes::new(cfg, "/{lang}"));
}

fn page_routes(r: &mut Routes) {
    campaign_routes::page_routes(r);
    r.get("/admin", dashboard::show_dashboard)
        .get("/admin/", dashboard::show_dashboard)
        .get("/admin/webinars", content::list_webinars)
        .post("/admin/webinars", content::create_webinar)
        .get("/admin/webinars/{slug}", content::show_webinar)
        .post("/admin/webinars/{slug}", content::save_webinar)
        .post("/admin/webinars/{slug}/publish", content::publish_webinar)
        .post(
            "/admin/webinars/{slug}/share-image",
            pictures::save_share_image,
        )
        .post("/admin/webinars/{slug}/replays", replays::save_replay)
        .post("/admin/replays/{id}/publish", replays::publish_replay)
        .get("/admin/webinars/{slug}/sessions/new", sessions::new_session)
        .post("/admin/webinars/{slug}/sessions", sessions::create_session)
        .get("/admin/sessions", sessions::list_sessions)
        .get("/admin/sessions/{id}", sessions::show_session)
        .post("/admin/sessions/{id}", sessions::save_session)
        .post("/admin/sessions/{id}/cancel", sessions::cancel_session)
        .post(
            "/admin/sessions/{id}/attendance",
            registrants::import_attendance,
        )
        .get("/admin/modules", content::list_modules)
        .post("/admin/modules", content::create_module)
        .get("/admin/modules/{slug}", content::show_module)
        .post("/admin/modules/{slug}", content::save_module)
        .post("/admin/modules/{slug}/publish", content::publish_module)
        .get("/admin/modules/{slug}/lessons/new", lessons::new_lesson)
        .post("/admin/modules/{slug}/lessons", lessons::create_lesson)
        .get("/admin/lessons/{id}", lessons::show_lesson)
        .post("/admin/lessons/{id}", lessons::save_lesson)
        .get("/admin/registrants", registrants::list_registrants)
        .get("/admin/registrants/export.csv", registrants::export_csv)
        .get("/admin/registrants/export.xlsx", registrants::export_xlsx)
        .post(
            "/admin/registrations/{id}/status",
            registrants::update_status,
        )
        .post(
            "/admin/registrations/{id}/attendance",
            registrants::update_attendance,
        )
        .get("/admin/organisers", people::list_organisers)
        .post("/admin/organisers", people::create_organiser)
        .post("/admin/organisers/{id}/role", people::change_role)
        .get("/admin/audit", people::show_audit)
        .get("/admin/tokens", api_tokens::list_tokens)
        .post("/admin/tokens", api_tokens::create_token)
        .post("/admin/tokens/{id}/revoke", api_tokens::revoke_token);
    // `…/new` before `…/{id}`: the id would not parse.
    r.get("/admin/speakers", speakers::list_speakers)
        .get("/admin/speakers/new", speakers::new_speaker)
        .post("/admin/speakers", speakers::create_speaker)
        .get("/admin/speakers/{id}", speakers::show_speaker)
        .post("/admin/speakers/{id}", speakers::save_speaker)
        .get(
            "/admin/speakers/{id}/delete",
            speaker_delete::confirm_delete,
        )
        .post(
            "/admin/speakers/{id}/delete",
            speaker_delete::delete_speaker,
        )
        .post("/admin/speakers/{id}/places", speakers::attach_speaker)
        .post(
            "/admin/speakers/{id}/places/remove",
            speakers::detach_speaker,
        )
        .get("/admin/sessions/{id}/agenda", agenda::show_agenda)
        .post("/admin/sessions/{id}/agenda", agenda::add_item)
        .post("/admin/sessions/{id}/agenda/remove", agenda::remove_item);
}

/// The admin API routes really registered (method, path).
pub fn registered_api_routes() -> Vec<(&'static str, String)> {
    let mut r = Routes::recording("/api/v1");
    api_routes(&mut r);
    r.seen
}

/// The admin page routes really registered (method, path).
pub fn registered_page_routes() -> Vec<(&'static str, String)> {
    let mut r = Routes::recording("/{lang}");
    page_routes(&mut r);
    r.seen
}

/// Every admin API route: the access test walks this list (and checks that it matches
/// the routes registered above).
pub const API_ROUTES: &[(&str, &str)] = &[
    ("POST", "/api/v1/admin/webinars/{slug}/sessions"),
    ("PATCH", "/api/v1/admin/sessions/{id}"),
    ("POST", "/api/v1/admin/campaigns"),
    ("GET", "/api/v1/admin/campaigns/{id}"),
    ("POST", "/api/v1/admin/campaigns/{id}/send"),
    ("POST", "/api/v1/admin/campaigns/{id}/remind"),
    ("GET", "/api/v1/admin/organisers"),
    ("POST", "/api/v1/admin/organisers"),
    ("POST", "/api/v1/admin/organisers/{id}/role"),
    ("GET", "/api/v1/admin/stats"),
    ("GET", "/api/v1/admin/audit"),
    ("GET", "/api/v1/admin/webinars"),
    ("POST", "/api/v1/admin/webinars"),
    ("GET", "/api/v1/admin/webinars/{slug}"),
    ("PATCH", "/api/v1/admin/webinars/{slug}"),
    ("POST", "/api/v1/admin/webinars/{slug}/replays"),
    ("POST", "/api/v1/admin/replays/{id}/publish"),
    ("PUT", "/api/v1/admin/sessions/{id}"),
    ("POST", "/api/v1/admin/sessions/{id}/cancel"),
    ("POST", "/api/v1/admin/sessions/{id}/attendance"),
    ("GET", "/api/v1/admin/modules"),
    ("POST", "/api/v1/admin/modules"),
    ("GET", "/api/v1/admin/modules/{slug}"),
    ("PATCH", "/api/v1/admin/modules/{slug}"),
    ("POST", "/api/v1/admin/modules/{slug}/lessons"),
    ("PATCH", "/api/v1/admin/lessons/{id}"),
    ("GET", "/api/v1/admin/registrants"),
    ("GET", "/api/v1/admin/registrants/export.csv"),
    ("GET", "/api/v1/admin/registrants/export.xlsx"),
    ("POST", "/api/v1/admin/registrations/{id}/status"),
    ("POST", "/api/v1/admin/registrations/{id}/attendance"),
];

/// Every admin page route (under `/{lang}`); admin-only ones are under
/// `/admin/organisers`.
pub const PAGE_ROUTES: &[(&str, &str)] = &[
    ("GET", "/{lang}/admin"),
    ("GET", "/{lang}/admin/"),
    ("GET", "/{lang}/admin/webinars"),
    ("POST", "/{lang}/admin/webinars"),
    ("GET", "/{lang}/admin/webinars/{slug}"),
    ("POST", "/{lang}/admin/webinars/{slug}"),
    ("POST", "/{lang}/admin/webinars/{slug}/publish"),
    ("POST", "/{lang}/admin/webinars/{slug}/share-image"),
    ("POST", "/{lang}/admin/webinars/{slug}/replays"),
    ("POST", "/{lang}/admin/replays/{id}/publish"),
    ("GET", "/{lang}/admin/webinars/{slug}/sessions/new"),
    ("POST", "/{lang}/admin/webinars/{slug}/sessions"),
    ("GET", "/{lang}/admin/sessions"),
    ("GET", "/{lang}/admin/sessions/{id}"),
    ("POST", "/{lang}/admin/sessions/{id}"),
    ("POST", "/{lang}/admin/sessions/{id}/cancel"),
    ("POST", "/{lang}/admin/sessions/{id}/attendance"),
    ("GET", "/{lang}/admin/modules"),
    ("POST", "/{lang}/admin/modules"),
    ("GET", "/{lang}/admin/modules/{slug}"),
    ("POST", "/{lang}/admin/modules/{slug}"),
    ("POST", "/{lang}/admin/modules/{slug}/publish"),
    ("GET", "/{lang}/admin/modules/{slug}/lessons/new"),
    ("POST", "/{lang}/admin/modules/{slug}/lessons"),
    ("GET", "/{lang}/admin/lessons/{id}"),
    ("POST", "/{lang}/admin/lessons/{id}"),
    ("GET", "/{lang}/admin/registrants"),
    ("GET", "/{lang}/admin/registrants/export.csv"),
    ("GET", "/{lang}/admin/registrants/export.xlsx"),
    ("POST", "/{lang}/admin/registrations/{id}/status"),
    ("POST", "/{lang}/admin/registrations/{id}/attendance"),
    ("GET", "/{lang}/admin/organisers"),
    ("POST", "/{lang}/admin/organisers"),
    ("POST", "/{lang}/admin/organisers/{id}/role"),
    ("GET", "/{lang}/admin/audit"),
    ("GET", "/{lang}/admin/tokens"),
    ("POST", "/{lang}/admin/tokens"),
    ("POST", "/{lang}/admin/tokens/{id}/revoke"),
    ("GET", "/{lang}/admin/speakers"),
    ("GET", "/{lang}/admin/speakers/new"),
    ("POST", "/{lang}/admin/speakers"),
    ("GET", "/{lang}/admin/speakers/{id}"),
    ("POST", "/{lang}/admin/speakers/{id}"),
    ("GET", "/{lang}/admin/speakers/{id}/delete"),
    ("POST", "/{lang}/admin/speakers/{id}/delete"),
    ("POST", "/{lang}/admin/speakers/{id}/places"),
    ("POST", "/{lang}/admin/speakers/{id}/places/remove"),
    ("GET", "/{lang}/admin/sessions/{id}/agenda"),
    ("POST", "/{lang}/admin/sessions/{id}/agenda"),
    ("POST", "/{lang}/admin/sessions/{id}/agenda/remove"),
];
