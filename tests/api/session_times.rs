//! How a session reads on its page: times in the viewer's zone with the session's own
//! beside them, zones named as each language says them, the languages it is spoken and
//! interpreted in (and the programme filtered by them), the countdown of the last day.

use chrono::{Duration, Utc};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::pages::plain;
use crate::helpers::staff::{api, staff};
use crate::helpers::{TestApp, spawn_app};

const WEBINAR: &str = "/webinars/urban-food-policies";

async fn page_with_zone(app: &TestApp, path: &str, zone: &str) -> String {
    let res = app
        .client
        .get(app.url(path))
        .header("cookie", format!("tz={zone}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{path}");
    plain(&res.text().await.unwrap())
}

/// The text a reader sees (tags dropped).
fn visible(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn zones_are_named_in_each_language_not_by_their_iana_ids() {
    let app = spawn_app().await;
    for (lang, tunis) in [
        ("fr", "heure de Tunis"),
        ("en", "Tunis time"),
        ("ar", "توقيت تونس"),
    ] {
        let html = plain(&app.get_text(&format!("/{lang}{WEBINAR}")).await);
        let text = visible(&html);
        assert!(text.contains(tunis), "{lang}: `{tunis}` missing");
        assert!(!text.contains("Africa/Tunis"), "{lang}: raw zone id shown");
    }
}

#[tokio::test]
async fn times_are_shown_in_the_viewer_zone_beside_the_session_zone() {
    let app = spawn_app().await;
    let html = page_with_zone(
        &app,
        &format!("/en{WEBINAR}"),
        "America/Argentina/Buenos_Aires",
    )
    .await;
    let text = visible(&html);
    assert!(text.contains("Buenos Aires time"), "the viewer's zone");
    let first = text.find("Buenos Aires time").unwrap();
    assert!(
        text[first..].contains("In the session's zone:"),
        "own zone beside: {}",
        &text[first..(first + 300).min(text.len())]
    );
    assert!(text[first..].contains("Tunis time"));
    // 10:00 in Tunis (UTC+1) is 06:00 in Buenos Aires (UTC−3).
    assert!(text.contains("06:00"), "converted time");
    let ar = visible(&page_with_zone(&app, &format!("/ar{WEBINAR}"), "Europe/Paris").await);
    assert!(
        ar.contains("توقيت باريس") && ar.contains("توقيت تونس"),
        "{ar}"
    );
}

#[tokio::test]
async fn the_floor_and_interpretation_languages_read_as_a_sentence() {
    let app = spawn_app().await;
    let cases = [
        ("en", "in French, interpreted into Arabic"),
        ("fr", "en français, avec interprétation en arabe"),
        ("ar", "بالفرنسية، مع ترجمة فورية إلى العربية"),
    ];
    for (lang, line) in cases {
        let text = visible(&plain(&app.get_text(&format!("/{lang}{WEBINAR}")).await));
        assert!(text.contains(line), "{lang}: `{line}`");
    }
    let w = app.get_json(&format!("/api/v1{WEBINAR}")).await;
    assert_eq!(w["sessions"][0]["floor_language"], "fr");
    assert_eq!(w["sessions"][0]["interpreted_into"], json!(["ar"]));
}

fn followable(session: &Value, lang: &str) -> bool {
    session["languages"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l == lang)
}

#[tokio::test]
async fn the_programme_lists_the_sessions_one_can_follow_in_a_language() {
    let app = spawn_app().await;
    let all: Vec<Value> = app
        .get_json("/api/v1/webinars?lang=en")
        .await
        .as_array()
        .unwrap()
        .clone();
    for lang in ["ar", "en"] {
        let html = plain(&app.get_text(&format!("/en/webinars?language={lang}")).await);
        assert!(
            html.contains(&format!("<option value=\"{lang}\" selected>")),
            "the filter shows its choice"
        );
        for w in &all {
            let slug = w["slug"].as_str().unwrap();
            let can = w["sessions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| followable(s, lang));
            assert_eq!(
                html.contains(&format!("/en/webinars/{slug}\"")),
                can,
                "{lang}: {slug}"
            );
        }
    }
    // An unknown language shows the whole programme rather than an error.
    let html = app.get_text("/en/webinars?language=xx").await;
    for w in &all {
        assert!(html.contains(w["slug"].as_str().unwrap()));
    }
}

#[tokio::test]
async fn a_session_within_a_day_counts_down() {
    let app = spawn_app().await;
    let token = staff(&app, "soon@convive.test", "organiser");
    let starts = (Utc::now() + Duration::minutes(185)).to_rfc3339();
    let res = api(
        &app,
        &token,
        Method::POST,
        "/api/v1/admin/webinars/fight-food-waste/sessions",
        json!({
            "starts_at": starts, "timezone": "Africa/Tunis", "duration_minutes": 60,
            "capacity": 50, "meeting_url": "https://meet.example.org/soon"
        }),
    )
    .await;
    assert_eq!(res.status(), 201);
    for (lang, text) in [
        ("en", "Starts in 3 h "),
        ("fr", "Commence dans 3 h "),
        ("ar", "تبدأ بعد 3 ساعة"),
    ] {
        let html = plain(
            &app.get_text(&format!("/{lang}/webinars/fight-food-waste"))
                .await,
        );
        assert!(html.contains("data-countdown="), "{lang}");
        assert_eq!(
            html.matches("class=\"countdown\"").count(),
            1,
            "{lang}: only the session of the day"
        );
        assert!(html.contains(text), "{lang}: `{text}`");
    }
}
