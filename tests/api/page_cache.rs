//! Public pages and the API list are served from a cache of rendered responses. A
//! change made through this process shows on the next request; one made elsewhere (an
//! instance sharing the PostgreSQL database) within the cache's TTL; a viewer never
//! gets a page rendered for another viewer's time zone.

use std::io::Read;

use convive::db::schema::{sessions, webinar_translations, webinars};
use diesel::prelude::*;

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

const SLUG: &str = "fight-food-waste";

fn set_title(
    slug: &'static str,
    title: &'static str,
) -> impl FnOnce(&mut convive::db::DbConnection) -> Result<(), convive::db::DbError> {
    move |c| {
        let id: i64 = webinars::table
            .filter(webinars::slug.eq(slug))
            .select(webinars::id)
            .first(c)?;
        diesel::update(webinar_translations::table)
            .filter(webinar_translations::webinar_id.eq(id))
            .filter(webinar_translations::locale.eq("en"))
            .set(webinar_translations::title.eq(title))
            .execute(c)?;
        Ok(())
    }
}

/// Fetches the pages twice so they are in the cache.
async fn warm(app: &TestApp, paths: &[&str]) {
    for _ in 0..2 {
        for path in paths {
            app.get_text(path).await;
        }
    }
}

#[tokio::test]
async fn a_changed_title_shows_on_the_next_request() {
    let app = spawn_app().await;
    let page = format!("/en/webinars/{SLUG}");
    let paths = [
        page.as_str(),
        "/en/",
        "/en/webinars",
        "/api/v1/webinars?lang=en",
    ];
    warm(&app, &paths).await;

    app.db
        .run_content_change(set_title(SLUG, "Zero waste, now"))
        .await
        .unwrap();

    for path in paths {
        let text = app.get_text(path).await;
        assert!(
            text.contains("Zero waste, now"),
            "{path} shows the new title"
        );
    }
}

#[tokio::test]
async fn a_changed_capacity_shows_in_seats_left_at_once() {
    let app = spawn_app().await;
    let api = format!("/api/v1/webinars/{SLUG}");
    let page = format!("/en/webinars/{SLUG}");
    let session_id = app.get_json(&api).await["sessions"][0]["id"]
        .as_i64()
        .unwrap();
    warm(&app, &[page.as_str(), "/api/v1/webinars?lang=en"]).await;
    let seats = |html: String| html.replace(['\u{2068}', '\u{2069}'], "");
    assert!(!seats(app.get_text(&page).await).contains("1234 seats left"));

    app.db
        .run_content_change(move |c| {
            diesel::update(sessions::table.find(session_id))
                .set(sessions::capacity.eq(1234))
                .execute(c)?;
            Ok(())
        })
        .await
        .unwrap();

    assert!(seats(app.get_text(&page).await).contains("1234 seats left"));
    let list = app.get_json("/api/v1/webinars?lang=en").await;
    let session = list
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| w["sessions"].as_array().unwrap())
        .find(|s| s["id"] == session_id)
        .unwrap();
    assert_eq!(session["capacity"], 1234);
}

#[tokio::test]
async fn a_change_the_process_cannot_see_shows_after_the_ttl() {
    let app = spawn_app_with(|s| s.page_cache_ms = 300).await;
    let page = format!("/en/webinars/{SLUG}");
    warm(&app, &[page.as_str()]).await;

    // As another instance on the same database would: no content version bump.
    app.db
        .run(set_title(SLUG, "Changed elsewhere"))
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;

    assert!(app.get_text(&page).await.contains("Changed elsewhere"));
}

/// Every `Vary` header of a response, joined.
fn vary(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("vary")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect::<Vec<_>>()
        .join(", ")
}

async fn webinar_page_for(app: &TestApp, tz: Option<&str>) -> reqwest::Response {
    // A fresh client each time: no cookie but the one given.
    let client = reqwest::Client::new();
    let mut req = client.get(app.url(&format!("/en/webinars/{SLUG}")));
    if let Some(tz) = tz {
        req = req.header("Cookie", format!("tz={tz}"));
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), 200);
    res
}

#[tokio::test]
async fn a_time_zone_variant_is_served_to_nobody_else() {
    let app = spawn_app().await;
    let w = app.get_json(&format!("/api/v1/webinars/{SLUG}")).await;
    let zone = w["sessions"][0]["timezone"].as_str().unwrap().to_owned();
    let (tokyo, montreal) = ("Asia/Tokyo", "America/Montreal");
    assert!(
        zone != tokyo && zone != montreal,
        "seed zones are Mediterranean"
    );

    for _ in 0..2 {
        let res = webinar_page_for(&app, Some(tokyo)).await;
        let vary = vary(&res);
        assert!(
            vary.contains("Cookie") && vary.contains("Accept-Encoding"),
            "{vary}"
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("class=\"session-own\"") && html.contains("Tokyo time"));
    }
    let html = webinar_page_for(&app, None).await.text().await.unwrap();
    assert!(
        !html.contains("class=\"session-own\"") && !html.contains("Tokyo time"),
        "no zone"
    );
    let html = webinar_page_for(&app, Some(montreal))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("class=\"session-own\"") && !html.contains("Tokyo time"),
        "own zone"
    );

    // Pages that do not show the viewer's zone are shared, and never show one.
    let res = reqwest::Client::new()
        .get(app.url("/en/modules"))
        .header("Cookie", format!("tz={tokyo}"))
        .send()
        .await
        .unwrap();
    assert!(!res.text().await.unwrap().contains("Tokyo time"));
}

#[tokio::test]
async fn cached_pages_still_remember_the_language_of_each_viewer() {
    let app = spawn_app().await;
    for _ in 0..2 {
        let res = reqwest::Client::new()
            .get(app.url("/ar/"))
            .send()
            .await
            .unwrap();
        let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(cookie.starts_with("lang=ar"), "{cookie}");
    }
    let res = reqwest::Client::new()
        .get(app.url("/ar/"))
        .header("Cookie", "lang=ar")
        .send()
        .await
        .unwrap();
    assert!(
        res.headers().get("set-cookie").is_none(),
        "already remembered"
    );
}

#[tokio::test]
async fn cached_pages_are_served_compressed_when_asked() {
    let app = spawn_app().await;
    let plain = app.get_text("/fr/").await;
    for _ in 0..2 {
        let res = reqwest::Client::new()
            .get(app.url("/fr/"))
            .header("Accept-Encoding", "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-encoding"], "gzip");
        assert!(vary(&res).contains("Accept-Encoding"));
        assert!(res.headers().contains_key("content-security-policy"));
        let bytes = res.bytes().await.unwrap();
        let mut html = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut html)
            .unwrap();
        assert_eq!(html, plain);
    }
}
