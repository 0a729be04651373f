//! The whole-series manage page in a real browser: axe-core finds nothing serious in
//! French or Arabic, the Arabic page runs right-to-left with the Latin name isolated, and
//! "Cancel this session" cancels that session only.

use serde_json::json;

use super::harness::{Browser, t};
use crate::helpers::spawn_app;

#[tokio::test]
async fn the_series_manage_page_is_accessible_and_cancels_one_session() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let res = app
        .client
        .post(app.url("/api/v1/series/registrations"))
        .json(&json!({
            "full_name": "Sofia Martins", "email": "sofia@lisboa.example.pt",
            "organisation": "Câmara Municipal", "function": "elected_official",
            "territory": "Lisboa", "country": "PT", "locale": "ar",
            "timezone": "Europe/Lisbon", "consent": true
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let request = &app.smtp.wait_for("sofia@lisboa.example.pt", 1).await[0];
    browser
        .open_link(&request.link_containing("/registrations/confirm/").unwrap())
        .await;
    browser.click("main form button[type=submit]").await;
    let mails = app.smtp.wait_for("sofia@lisboa.example.pt", 2).await;
    let manage = mails[1].link_containing("/registrations/").unwrap();
    browser.open_link(&manage).await;
    let dir: String = browser
        .eval("return document.documentElement.dir;", vec![])
        .await;
    assert_eq!(dir, "rtl");
    assert!(browser.text("main .lead").await.contains("Sofia Martins"));
    let isolated: bool = browser
        .eval(
            "return document.querySelector('main .lead bdi') !== null;",
            vec![],
        )
        .await;
    assert!(isolated);
    browser.screenshot("ar-series-manage").await;
    browser.assert_accessible("ar series manage").await;

    browser.click(".series-registration form button").await;
    browser
        .wait_for_text(
            ".series-registration .status-cancelled",
            &t("ar", "registration-status-cancelled"),
        )
        .await;
    let statuses: Vec<String> = browser
        .eval(
            "return [...document.querySelectorAll('.series-registration .status')]\
             .map(e => e.className);",
            vec![],
        )
        .await;
    assert_eq!(statuses.len(), 5);
    assert_eq!(
        statuses
            .iter()
            .filter(|c| c.contains("status-cancelled"))
            .count(),
        1
    );
    let french = manage.replacen("/ar/", "/fr/", 1);
    browser.open_link(&french).await;
    browser.screenshot("fr-series-manage").await;
    browser.assert_accessible("fr series manage").await;
    browser.quit().await;
}
