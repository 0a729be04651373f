use chrono::{DateTime, Utc};

use crate::helpers::{pages::has_arabic, spawn_app};

#[tokio::test]
async fn webinars_are_listed_in_arabic() {
    let app = spawn_app().await;
    let list = app.get_json("/api/v1/webinars?lang=ar").await;
    let webinars = list.as_array().unwrap();
    assert_eq!(webinars.len(), 5);
    for w in webinars {
        assert!(has_arabic(w["title"].as_str().unwrap()), "{w}");
        assert!(has_arabic(w["summary"].as_str().unwrap()));
        assert!(w.get("fallback_locale").is_none());
        let langs: Vec<&str> = w["replay_languages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        assert_eq!(langs.len(), 3, "{langs:?}");
        for s in w["sessions"].as_array().unwrap() {
            let starts: DateTime<Utc> = s["starts_at"].as_str().unwrap().parse().unwrap();
            assert!(starts > Utc::now());
            assert!(s["timezone"].as_str().unwrap().contains('/'));
            assert!(s["seats_left"].as_i64().unwrap() <= s["capacity"].as_i64().unwrap());
            assert!(
                s.get("meeting_url").is_none(),
                "the meeting link is never public"
            );
        }
    }
}

#[tokio::test]
async fn language_follows_query_then_accept_language() {
    let app = spawn_app().await;
    let fr = app.get_json("/api/v1/webinars?lang=fr").await;
    assert_eq!(
        fr[0]["title"],
        "Se former pour construire des politiques alimentaires urbaines"
    );
    let en = app
        .client
        .get(app.url("/api/v1/webinars"))
        .header("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5")
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(en[0]["title"], "Get trained to build urban food policies");
}

#[tokio::test]
async fn one_webinar_its_replays_and_a_session() {
    let app = spawn_app().await;
    let w = app
        .get_json("/api/v1/webinars/fight-food-waste?lang=en")
        .await;
    assert_eq!(w["title"], "Fight against food waste");
    let id = w["sessions"][0]["id"].as_i64().unwrap();
    let s = app.get_json(&format!("/api/v1/sessions/{id}")).await;
    assert_eq!(s["id"], id);
    assert_eq!(s["duration_minutes"], w["sessions"][0]["duration_minutes"]);
    assert!(s.get("meeting_url").is_none());

    let replays = app
        .get_json("/api/v1/webinars/fight-food-waste/replays?lang=ar")
        .await;
    let replays = replays.as_array().unwrap();
    assert_eq!(replays.len(), 3);
    assert_eq!(
        replays[0]["locale"], "ar",
        "the viewer's language comes first"
    );
    let captions = replays[0]["captions"].as_array().unwrap();
    assert!(
        captions
            .iter()
            .any(|c| c["locale"] == "ar" && c["url"].as_str().unwrap().ends_with(".vtt"))
    );
}

#[tokio::test]
async fn modules_list_their_lessons() {
    let app = spawn_app().await;
    let modules = app.get_json("/api/v1/modules?lang=fr").await;
    let modules = modules.as_array().unwrap();
    assert_eq!(modules.len(), 4);
    let slug = modules[0]["slug"].as_str().unwrap();
    let m = app
        .get_json(&format!("/api/v1/modules/{slug}?lang=ar"))
        .await;
    let lessons = m["lessons"].as_array().unwrap();
    assert_eq!(lessons.len(), 3);
    assert!(has_arabic(lessons[0]["title"].as_str().unwrap()));
    assert!(lessons[0]["duration_s"].as_i64().unwrap() > 0);
}

#[tokio::test]
async fn errors_have_the_documented_shape_in_the_asked_language() {
    let app = spawn_app().await;
    for path in [
        "/api/v1/webinars/no-such-webinar?lang=fr",
        "/api/v1/sessions/999999?lang=fr",
        "/api/v1/sessions/not-a-number?lang=fr",
        "/api/v1/modules/NOT_A_SLUG?lang=fr",
        "/api/v1/nothing-here?lang=fr",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json")
        );
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["error"], "not_found", "{path}");
        assert_eq!(body["message"], "Cette page n’existe pas.", "{path}");
    }
}

#[tokio::test]
async fn openapi_document_describes_the_api() {
    let app = spawn_app().await;
    let doc = app.get_json("/api/v1/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with('3'));
    for path in [
        "/api/v1/webinars",
        "/api/v1/webinars/{slug}",
        "/api/v1/webinars/{slug}/replays",
        "/api/v1/sessions/{id}",
        "/api/v1/modules",
        "/api/v1/modules/{slug}",
        "/api/v1/lessons/{id}/progress",
        "/api/v1/auth/signup",
        "/api/v1/auth/login",
        "/api/v1/auth/password/reset",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
    assert!(doc["components"]["schemas"].get("WebinarView").is_some());
}
