//! axe-core on the back-office pages (dashboard, content, sessions, registrants,
//! modules, campaigns, announcements, mail log, organisers, audit log) in French, English
//! and Arabic, signed in as an admin; the key ones are photographed
//! (`target/screenshots/{lang}-admin-{page}.png`).

use super::axe::AuditReport;
use super::harness::Browser;
use crate::helpers::{
    spawn_app,
    staff::{create_session, staff},
    visitor::PASSWORD,
};

async fn audit_admin_pages(lang: &str) {
    let app = spawn_app().await;
    let token = staff(&app, "admin@convive.test", "admin");
    let session = create_session(&app, &token).await;
    let people = crate::helpers::speakers::with_people(&app).await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    browser.sign_in(lang, "admin@convive.test", PASSWORD).await;
    let mut report = AuditReport::default();
    for (name, path) in [
        ("dashboard", "/admin/".to_owned()),
        ("webinars", "/admin/webinars".to_owned()),
        ("webinar", "/admin/webinars/fight-food-waste".to_owned()),
        ("sessions", "/admin/sessions".to_owned()),
        ("session", format!("/admin/sessions/{session}")),
        (
            "new-session",
            "/admin/webinars/fight-food-waste/sessions/new".to_owned(),
        ),
        ("modules", "/admin/modules".to_owned()),
        (
            "registrants",
            format!("/admin/registrants?session={session}"),
        ),
        ("module", "/admin/modules/why-cooperate-on-food".to_owned()),
        (
            "new-lesson",
            "/admin/modules/why-cooperate-on-food/lessons/new".to_owned(),
        ),
        ("campaigns", "/admin/campaigns".to_owned()),
        ("new-campaign", "/admin/campaigns/new".to_owned()),
        ("announcements", "/admin/announcements".to_owned()),
        ("mail", "/admin/mail".to_owned()),
        ("organisers", "/admin/organisers".to_owned()),
        ("audit", "/admin/audit".to_owned()),
        ("speakers", "/admin/speakers".to_owned()),
        ("new-speaker", "/admin/speakers/new".to_owned()),
        ("speaker", format!("/admin/speakers/{}", people.speaker_id)),
        (
            "delete-speaker",
            format!("/admin/speakers/{}/delete", people.speaker_id),
        ),
        (
            "agenda",
            format!("/admin/sessions/{}/agenda", people.session_id),
        ),
    ] {
        browser.open(&format!("/{lang}{path}")).await;
        assert!(
            browser.current_path().await.contains("/admin"),
            "{path}: signed in as an admin"
        );
        if [
            "dashboard",
            "webinar",
            "new-session",
            "registrants",
            "campaigns",
        ]
        .contains(&name)
        {
            browser.screenshot(&format!("{lang}-admin-{name}")).await;
        }
        report
            .audit(&browser, &format!("{lang} admin {name}"))
            .await;
    }
    browser.quit().await;
    report.assert_clean();
}

#[tokio::test]
async fn admin_pages_in_french_pass_axe() {
    audit_admin_pages("fr").await;
}

#[tokio::test]
async fn admin_pages_in_english_pass_axe() {
    audit_admin_pages("en").await;
}

#[tokio::test]
async fn admin_pages_in_arabic_pass_axe() {
    audit_admin_pages("ar").await;
}
