use crate::helpers::spawn_app;
use convive::domain::{Locale, TimeZone};

#[tokio::test]
async fn root_redirects_to_the_negotiated_language() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/"))
        .header("Accept-Language", "ar-MA,fr;q=0.8")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/ar/");
}

#[tokio::test]
async fn the_cookie_remembers_the_last_language() {
    let app = spawn_app().await;
    app.get_text("/en/").await;
    let res = app
        .client
        .get(app.url("/"))
        .header("Accept-Language", "fr")
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers()["location"],
        "/en/",
        "cookie wins over Accept-Language"
    );
}

#[tokio::test]
async fn home_shows_the_programme_in_three_languages() {
    let app = spawn_app().await;
    let cases = [
        ("fr", "ltr", "Lutter contre le gaspillage alimentaire"),
        ("en", "ltr", "Fight against food waste"),
        ("ar", "rtl", "مكافحة هدر الطعام"),
    ];
    for (lang, dir, title) in cases {
        let html = app.get_text(&format!("/{lang}/")).await;
        assert!(
            html.contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)),
            "{lang}"
        );
        assert!(html.contains(title), "{lang}: {title} missing");
        assert!(html.contains("<main id=\"main\""), "landmark");
        for other in ["fr", "en", "ar"] {
            assert!(
                html.contains(&format!(r#"href="/{other}/""#)),
                "language switcher to {other}"
            );
        }
    }
}

#[tokio::test]
async fn webinar_page_shows_sessions_in_both_zones_and_seats_left() {
    let app = spawn_app().await;
    let w = app.get_json("/api/v1/webinars/fight-food-waste").await;
    let first = &w["sessions"][0];
    let zone = TimeZone::parse(first["timezone"].as_str().unwrap()).unwrap();
    // The zone as English says it ("Casablanca time"), not its IANA id.
    let named = convive::i18n::zone_name(zone, Locale::En);
    let html = app.get_text("/en/webinars/fight-food-waste").await;
    assert!(
        html.contains(&format!("<bdi>{named}</bdi>")),
        "session zone shown"
    );
    assert!(html.contains("seats left") || html.contains("One seat left"));
    assert!(
        !html.contains("class=\"session-own\""),
        "no viewer zone known yet"
    );

    let viewer = if zone.name() == "Asia/Tokyo" {
        "America/Montreal"
    } else {
        "Asia/Tokyo"
    };
    let res = app
        .client
        .get(app.url("/en/webinars/fight-food-waste"))
        .header("Cookie", format!("tz={viewer}"))
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    let viewer_named = convive::i18n::zone_name(TimeZone::parse(viewer).unwrap(), Locale::En);
    assert!(html.contains("class=\"session-own\"") && html.contains(&viewer_named));
    assert!(
        html.contains(&format!("<bdi>{named}</bdi>")),
        "the session's zone beside"
    );
}

#[tokio::test]
async fn list_and_module_pages_render() {
    let app = spawn_app().await;
    let html = app.get_text("/fr/webinars").await;
    assert_eq!(html.matches("class=\"card\"").count(), 5);
    let modules = app.get_json("/api/v1/modules?lang=ar").await;
    let slug = modules[0]["slug"].as_str().unwrap();
    let html = app.get_text(&format!("/ar/modules/{slug}")).await;
    assert!(html.contains(modules[0]["title"].as_str().unwrap()));
    assert!(html.contains(modules[0]["lessons"][0]["title"].as_str().unwrap()));
    let list = app.get_text("/ar/modules").await;
    assert!(list.contains("dir=\"rtl\""));
}

#[tokio::test]
async fn unknown_pages_get_a_localised_404() {
    let app = spawn_app().await;
    for (path, text) in [
        ("/fr/webinars/inconnu", "Cette page n’existe pas."),
        ("/ar/modules/missing", "هذه الصفحة غير موجودة."),
        ("/en/nowhere", "This page does not exist."),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains(text), "{path}");
    }
    let res = app.get("/de/").await;
    assert_eq!(res.status(), 404, "unsupported language prefix");
}
