//! The campaign page follows a sending live: the progress bar and the funnel totals change
//! by themselves (assets/js/admin-campaign.js polls the campaign API), with no reload.

use std::time::{Duration, Instant};

use super::axe::AuditReport;
use super::harness::Browser;
use crate::helpers::{
    campaigns::{campaign_id, upload},
    spawn_app,
    staff::{create_session, log_in, staff},
    visitor::PASSWORD,
};

#[tokio::test]
async fn the_campaign_page_follows_the_sending_live() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    let http = log_in(&app, "orga@convive.test").await;
    let list = "email,name,language\na@x.example,A,fr\nb@x.example,B,en\nc@x.example,C,ar\n";
    let res = upload(&http, "fr", &session.to_string(), "c.csv", list.as_bytes()).await;
    let id = campaign_id(&res);
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    browser.sign_in("fr", "orga@convive.test", PASSWORD).await;
    browser.open(&format!("/fr/admin/campaigns/{id}")).await;

    // The SMTP server refuses for a while (451): the mails wait in the queue, retried
    // with backoff, and the page shows them in flight.
    app.smtp.fail_temporarily(9);
    browser.click("form[action$='/send'] button").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !browser.current_path().await.contains("sent=3") {
        assert!(Instant::now() < deadline, "no redirect after sending");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (sent, sending): (i64, bool) = browser
        .eval(
            "window.__samePage = true; return [\
               Number(document.querySelector('[data-funnel=sent]').textContent), \
               !document.querySelector('[data-in-flight-text]').hidden];",
            vec![],
        )
        .await;
    assert!(
        sent < 3 && sending,
        "the page opens while sending ({sent} sent)"
    );

    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (sent, value, same, sending): (i64, f64, bool, bool) = browser
            .eval(
                "return [\
                   Number(document.querySelector('[data-funnel=sent]').textContent), \
                   document.querySelector('progress').value, \
                   window.__samePage === true, \
                   !document.querySelector('[data-in-flight-text]').hidden];",
                vec![],
            )
            .await;
        if sent == 3 {
            assert!(same, "updated without reloading the page");
            assert_eq!(value, 3.0, "progress bar full");
            if !sending {
                break;
            }
        }
        assert!(
            Instant::now() < deadline,
            "the page still shows {sent} sent"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // The campaign side of the back office passes the accessibility audit, in French and
    // right to left in Arabic.
    let mut report = AuditReport::default();
    for lang in ["fr", "ar"] {
        for path in [
            format!("/{lang}/admin/campaigns"),
            "/{lang}/admin/campaigns/new".replace("{lang}", lang),
            format!("/{lang}/admin/campaigns/{id}"),
            format!("/{lang}/admin/campaigns/{id}/preview"),
            format!("/{lang}/admin/announcements/new?session={session}"),
            format!("/{lang}/admin/mail"),
        ] {
            browser.open(&path).await;
            report.audit(&browser, &path).await;
        }
    }
    browser.screenshot("admin-mail-ar").await;
    report.assert_clean();
    browser.quit().await;
}
