//! A first walk through the programme with clicks, as the journeys will do.

use super::harness::Browser;
use crate::helpers::{pages::has_arabic, spawn_app};

#[tokio::test]
async fn a_visitor_browses_the_programme_and_switches_to_arabic() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    browser.open("/fr/").await;
    browser.click("main .hero a.button").await;
    assert_eq!(browser.current_path().await, "/fr/webinars");

    browser.click("main .cards > li:first-child h2 a").await;
    let webinar = browser.current_path().await;
    assert!(webinar.starts_with("/fr/webinars/"), "{webinar}");
    assert_eq!(browser.text("#sessions-title").await, "Sessions à venir");

    browser.click(".lang-switch a[hreflang=ar]").await;
    let slug = webinar.trim_start_matches("/fr/webinars/");
    assert_eq!(browser.current_path().await, format!("/ar/webinars/{slug}"));
    let dir: String = browser
        .eval("return document.documentElement.dir;", vec![])
        .await;
    assert_eq!(dir, "rtl");
    assert!(has_arabic(&browser.text("main h1").await));
    browser.quit().await;
}
