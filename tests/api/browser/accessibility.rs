//! axe-core on every public page and every page of a signed-in learner, in each language;
//! the key pages are photographed on the way (`target/screenshots/{lang}-{page}.png`).

use super::axe::AuditReport;
use super::harness::Browser;
use super::learner::{learner_pages, signed_in_learner};
use super::pages::{Page, public_pages, token_pages};
use crate::helpers::spawn_app;

/// Opens each page, checks its declared language, photographs the key ones and audits it.
async fn audit_pages(browser: &Browser, lang: &str, pages: &[Page], report: &mut AuditReport) {
    for page in pages {
        browser.open(&page.path).await;
        let html_lang: String = browser
            .eval("return document.documentElement.lang;", vec![])
            .await;
        assert_eq!(html_lang, lang, "{} declares its language", page.path);
        if page.screenshot {
            browser.screenshot(&format!("{lang}-{}", page.name)).await;
        }
        report
            .audit(browser, &format!("{lang} {}", page.name))
            .await;
    }
}

async fn audit_public_pages(lang: &str) {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let mut report = AuditReport::default();
    let mut pages = public_pages(&app, lang).await;
    pages.extend(token_pages(&app, lang).await);
    audit_pages(&browser, lang, &pages, &mut report).await;
    browser.quit().await;
    report.assert_clean();
}

/// The pages of a signed-in learner, the account's language being the page's.
async fn audit_learner_pages(lang: &str) {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let learner = signed_in_learner(&app, &browser, lang).await;
    let mut report = AuditReport::default();
    audit_pages(&browser, lang, &learner_pages(&learner, lang), &mut report).await;
    browser.quit().await;
    report.assert_clean();
}

#[tokio::test]
async fn learner_pages_in_french_pass_axe() {
    audit_learner_pages("fr").await;
}

#[tokio::test]
async fn learner_pages_in_english_pass_axe() {
    audit_learner_pages("en").await;
}

#[tokio::test]
async fn learner_pages_in_arabic_pass_axe() {
    audit_learner_pages("ar").await;
}

#[tokio::test]
async fn public_pages_in_french_pass_axe() {
    audit_public_pages("fr").await;
}

#[tokio::test]
async fn public_pages_in_english_pass_axe() {
    audit_public_pages("en").await;
}

#[tokio::test]
async fn public_pages_in_arabic_pass_axe() {
    audit_public_pages("ar").await;
}

/// The audit itself: a page with known faults must fail it, listing them.
#[tokio::test]
async fn the_audit_reports_known_violations() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    browser
        .goto(
            "data:text/html;charset=utf-8,<!doctype html><html><title>t</title>\
             <p style='color:%23bbb;background:%23fff'>pale</p><img src='x.png'>",
        )
        .await
        .expect("sample page opens");
    let Some(violations) = browser.axe().await else {
        browser.quit().await;
        return;
    };
    let ids: Vec<&str> = violations.iter().map(|v| v.id.as_str()).collect();
    for expected in ["html-has-lang", "image-alt", "color-contrast"] {
        assert!(ids.contains(&expected), "{expected} not in {ids:?}");
    }
    let mut report = AuditReport::default();
    report.audit(&browser, "faulty sample").await;
    let failure = report
        .failure()
        .expect("the audit fails on serious violations");
    assert!(failure.contains("[critical] image-alt"), "{failure}");

    // Two forms whose fields share an id: axe-core passes it, the audit's own check does not.
    browser
        .goto(
            "data:text/html;charset=utf-8,<!doctype html><html lang=en><title>t</title><main>\
             <form><label for=p>Password</label><input id=p type=password></form>\
             <form><label for=p>Password</label><input id=p type=password></form></main>",
        )
        .await
        .expect("sample page opens");
    let mut report = AuditReport::default();
    report.audit(&browser, "shared ids").await;
    let failure = report.failure().expect("the audit fails on shared ids");
    assert!(failure.contains("duplicate-id (own check)"), "{failure}");
    assert_eq!(failure.matches("label (own check)").count(), 1, "{failure}");
    browser.quit().await;
}
