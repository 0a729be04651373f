//! With JavaScript turned off, the pages still do their main job: an official registers and
//! confirms, a visitor gets a playable lesson video. The scripts only add to that (time zone
//! detection, focus on the field to correct, progress reports).

use thirtyfour::By;

use super::harness::{Browser, t};
use super::pages::samples;
use crate::helpers::spawn_app;

#[tokio::test]
async fn registration_and_lessons_work_without_javascript() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch_without_javascript(&app).await else {
        return;
    };
    let sample = samples(&app).await;

    browser
        .open(&format!("/fr/webinars/{}", sample.webinar))
        .await;
    browser.click("main .session a.button").await;
    // The time zone comes from the server (the session's) since nothing detects it.
    let zone = browser
        .element("#f-timezone")
        .await
        .value()
        .await
        .expect("time zone value")
        .unwrap_or_default();
    assert!(
        !zone.is_empty(),
        "the time zone is pre-filled without script"
    );
    browser.fill("#f-full_name", "Salma Haddad").await;
    browser.fill("#f-email", "salma.haddad@example.org").await;
    browser
        .fill("#f-organisation", "Municipalité de Sousse")
        .await;
    browser.fill("#f-territory", "Sousse").await;
    for (select, value) in [("#f-function", "other"), ("#f-country", "TN")] {
        browser
            .click(&format!("{select} option[value='{value}']"))
            .await;
    }
    browser.click("#f-consent").await;
    browser.click("main form button[type=submit]").await;
    browser
        .wait_for_text("main h1", &t("fr", "registration-sent-title"))
        .await;
    let cookies = browser.get_all_cookies().await.expect("cookies");
    assert!(
        cookies.iter().all(|c| c.name != "tz"),
        "no script ran (it would have stored the time zone)"
    );

    let mails = app.smtp.wait_for("salma.haddad@example.org", 1).await;
    let confirm = mails[0]
        .link_containing("/registrations/confirm/")
        .expect("confirm link");
    browser.open_link(&confirm).await;
    browser.click("main form button[type=submit]").await;
    browser
        .wait_for_text("main h1", &t("fr", "registration-confirmed-title"))
        .await;

    // A lesson: the browser's own player, with captions and a download link inside.
    browser
        .open(&format!("/fr/lessons/{}", sample.lesson))
        .await;
    let video = browser.element("main video[controls]").await;
    let src = video
        .attr("src")
        .await
        .expect("src")
        .expect("the video has a source");
    let tracks = video
        .find_all(By::Css("track[kind=captions]"))
        .await
        .expect("tracks");
    assert_eq!(tracks.len(), 3, "captions in the three languages");
    let res = app
        .client
        .get(app.url(&src))
        .header("Range", "bytes=0-1023")
        .send()
        .await
        .expect("video answers");
    assert_eq!(res.status(), 206, "the video streams by ranges");
    browser.quit().await;
}
