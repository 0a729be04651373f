//! The webinar page as an official reads it, in a real browser: speakers, agenda,
//! interpretation languages and times in their own zone, in fr, en and ar (Arabic right
//! to left, Latin names isolated); the consent box beside its label, also on a phone;
//! no console error and a description with share tags on every public page.

use serde::Deserialize;
use serde_json::json;

use super::harness::{Browser, WINDOW};
use super::pages::public_pages;
use crate::helpers::spawn_app;
use crate::helpers::speakers::{MODERATOR, SPEAKER, WEBINAR, first_session, with_people};

#[tokio::test]
async fn speakers_agenda_languages_and_viewer_times_read_in_each_language() {
    let app = spawn_app().await;
    with_people(&app).await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    browser.open("/en/").await;
    let cases = [
        (
            "fr",
            "ltr",
            "Ouverture et stratégie alimentaire de la ville",
            "avec interprétation en",
            "heure de Tokyo",
        ),
        (
            "en",
            "ltr",
            "Opening and the food strategy of the city",
            "interpreted into",
            "Tokyo time",
        ),
        (
            "ar",
            "rtl",
            "الافتتاح والاستراتيجية الغذائية للمدينة",
            "مع ترجمة فورية",
            "توقيت طوكيو",
        ),
    ];
    for (lang, dir, agenda, interpreted, zone) in cases {
        // An official in Tokyo (the page's script then records the browser's own zone).
        browser
            .add_cookie(thirtyfour::Cookie::new("tz", "Asia/Tokyo"))
            .await
            .expect("cookie set");
        browser.open(&format!("/{lang}/webinars/{WEBINAR}")).await;
        let page_dir: String = browser
            .eval("return document.documentElement.dir;", vec![])
            .await;
        assert_eq!(page_dir, dir, "{lang}");
        let text = browser.text("main").await;
        for needle in [SPEAKER, MODERATOR, agenda, interpreted, zone] {
            assert!(text.contains(needle), "{lang}: `{needle}` not shown");
        }
        let photo_loaded: bool = browser
            .eval("const i = document.querySelector('.speaker-photo'); return !!i && i.complete && i.naturalWidth > 0;", vec![])
            .await;
        assert!(photo_loaded, "{lang}: the speaker's photo loads");
        if lang == "ar" {
            browser.assert_isolated(SPEAKER).await;
            browser.assert_isolated(MODERATOR).await;
        }
        browser
            .screenshot(&format!("{lang}-webinar-speakers"))
            .await;
        browser
            .assert_accessible(&format!("{lang} webinar with speakers"))
            .await;
    }
    browser.quit().await;
}

#[derive(Deserialize, Debug)]
struct Gap {
    /// Between the box and the start of its label, along the line (px).
    inline: f64,
    /// Between their tops (px).
    block: f64,
}

const CONSENT_GAP: &str = r#"
const box = document.querySelector('#f-consent').getBoundingClientRect();
const label = document.querySelector('label[for=f-consent]').getBoundingClientRect();
const rtl = getComputedStyle(document.querySelector('#f-consent')).direction === 'rtl';
return { inline: rtl ? box.left - label.right : label.left - box.right,
         block: Math.abs(label.top - box.top) };
"#;

#[tokio::test]
async fn the_consent_box_sits_beside_its_label_on_a_desk_and_on_a_phone() {
    let app = spawn_app().await;
    let session = first_session(&app).await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    for (width, height) in [WINDOW, (390, 844)] {
        browser
            .set_window_rect(0, 0, width, height)
            .await
            .expect("window size");
        for lang in ["fr", "en", "ar"] {
            browser
                .open(&format!("/{lang}/sessions/{session}/register"))
                .await;
            let gap: Gap = browser.eval(CONSENT_GAP, vec![]).await;
            assert!(
                (0.0..=16.0).contains(&gap.inline) && gap.block <= 8.0,
                "{lang} at {width}px: the consent box is {gap:?} away from its label"
            );
        }
        browser.screenshot(&format!("ar-register-{width}")).await;
    }
    browser.quit().await;
}

const SHARE_TAGS: &str = r#"
const meta = (sel) => { const m = document.querySelector(sel); return m ? m.content : ''; };
return { description: meta('meta[name=description]'), title: meta('meta[property="og:title"]'),
         image: meta('meta[property="og:image"]'), locale: meta('meta[property="og:locale"]'),
         card: meta('meta[name="twitter:card"]'),
         alternates: document.querySelectorAll('link[rel=alternate][hreflang]').length };
"#;

#[derive(Deserialize, Debug)]
struct Share {
    description: String,
    title: String,
    image: String,
    locale: String,
    card: String,
    alternates: usize,
}

#[tokio::test]
async fn public_pages_load_without_console_errors_and_carry_their_share_tags() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    for lang in ["fr", "en", "ar"] {
        for page in public_pages(&app, lang).await {
            browser.open(&page.path).await;
            let errors = browser.console_errors().await;
            let expected_404 = page.name == "not-found";
            let unexpected: Vec<&String> = errors
                .iter()
                .filter(|e| !(expected_404 && e.contains("404")))
                .collect();
            assert!(
                unexpected.is_empty(),
                "{}: console errors {unexpected:?}",
                page.path
            );
            let share: Share = browser.eval(SHARE_TAGS, vec![json!(null)]).await;
            assert!(share.description.len() > 30, "{}: {share:?}", page.path);
            assert!(
                !share.title.is_empty() && share.image.starts_with("http"),
                "{}: {share:?}",
                page.path
            );
            assert!(
                share.locale.starts_with(lang) && share.card == "summary_large_image",
                "{}",
                page.path
            );
            assert_eq!(
                share.alternates, 4,
                "{}: fr, en, ar and x-default",
                page.path
            );
        }
    }
    browser.quit().await;
}

#[tokio::test]
async fn the_countdown_of_a_session_today_is_kept_current_by_the_page() {
    let app = spawn_app().await;
    let token = crate::helpers::staff::staff(&app, "today@convive.test", "organiser");
    let starts = (chrono::Utc::now() + chrono::Duration::minutes(95)).to_rfc3339();
    let res = crate::helpers::staff::api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/admin/webinars/{WEBINAR}/sessions"),
        json!({ "starts_at": starts, "timezone": "Africa/Tunis", "duration_minutes": 60,
                "capacity": 20, "meeting_url": "https://meet.example.org/today" }),
    )
    .await;
    assert_eq!(res.status(), 201);
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    for (lang, start) in [
        ("fr", "Commence dans 1 h 3"),
        ("en", "Starts in 1 h 3"),
        ("ar", "تبدأ بعد 1 ساعة و3"),
    ] {
        browser.open(&format!("/{lang}/webinars/{WEBINAR}")).await;
        let text = browser.text(".countdown").await;
        assert!(
            text.starts_with(start) && !text.contains('{'),
            "{lang}: {text}"
        );
    }
    browser.quit().await;
}
