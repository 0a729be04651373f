//! Replays (uploads served with ranges, the notice mail of the first one published) and
//! the lessons of a module, from the back office.

use serde_json::{Value, json};

use crate::helpers::{
    mailbox::outbox_rows,
    pages::{csrf_of, plain, post_multipart},
    registrations::registrant,
    spawn_app,
    staff::{api, create_session, log_in, staff},
};

#[tokio::test]
async fn replays_are_uploaded_served_in_ranges_and_published_with_a_mail() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    registrant(
        &app,
        session,
        ("amina@fes.example.ma", "Amina", "MA"),
        "confirmed",
    );
    // A webinar without replays yet.
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars",
        json!({"slug": "new-markets", "texts": {"fr": {"title": "Nouveaux marchés", "summary": ""}}}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let b = log_in(&app, "orga@convive.test").await;
    let page = b.get_text("/fr/admin/webinars/new-markets").await;
    let csrf = csrf_of(&page);
    let video: Vec<u8> = (0..4096u32).map(|i| (i % 251) as u8).collect();
    let res = post_multipart(
        &b,
        "/fr/admin/webinars/new-markets/replays",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("locale", None, b"ar"),
            ("video_url", None, b""),
            ("video_file", Some("replay-ar.webm"), &video),
            ("captions_fr", None, b""),
            (
                "captions_file_ar",
                Some("ar.vtt"),
                "WEBVTT\n\n00:00.000 --> 00:01.000\nمرحبا\n".as_bytes(),
            ),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let page = b.get_text("/fr/admin/webinars/new-markets").await;
    let url = page
        .split("value=\"/media/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(|s| format!("/media/{s}"))
        .expect("stored video");
    assert!(url.ends_with(".webm"));
    let ranged = app
        .client
        .get(app.url(&url))
        .header("range", "bytes=100-199")
        .send()
        .await
        .unwrap();
    assert_eq!(ranged.status(), 206);
    assert_eq!(ranged.bytes().await.unwrap().as_ref(), &video[100..200]);
    assert_eq!(app.get("/media/..%2Fconvive.db").await.status(), 404);

    // A file that is not a video is refused; nothing typed is lost on the page.
    let res = post_multipart(
        &b,
        "/fr/admin/webinars/new-markets/replays",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("locale", None, b"fr"),
            ("video_file", Some("evil.html"), b"<script>"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    // Without the CSRF token nothing is stored.
    let res = post_multipart(
        &b,
        "/fr/admin/webinars/new-markets/replays",
        &[("video_file", Some("x.webm"), &video)],
    )
    .await;
    assert_eq!(res.status(), 403);

    // Publishing the first replay of a webinar mails its registrants, once.
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars/new-markets/sessions",
        json!({"starts_at": "2030-05-01T09:00:00Z", "timezone": "Africa/Tunis",
               "duration_minutes": 60, "capacity": 10,
               "meeting_url": "https://meet.example.org/markets"}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let markets = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    registrant(
        &app,
        markets,
        ("sami@sfax.example.tn", "Sami", "TN"),
        "confirmed",
    );
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars/new-markets/replays",
        json!({"locale": "fr", "video_url": "https://www.youtube.com/watch?v=abcDEF12345",
               "captions": {"fr": "/media/x.fr.vtt"}}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let publish = |id: i64| {
        let token = token.clone();
        let app = &app;
        async move {
            api(
                app,
                &token,
                reqwest::Method::POST,
                &format!("/api/v1/admin/replays/{id}/publish"),
                json!({"published": true}),
            )
            .await
            .json::<Value>()
            .await
            .unwrap()["notified"]
                .clone()
        }
    };
    assert_eq!(publish(id).await, 1);
    let mail = app.smtp.wait_for("sami@sfax.example.tn", 1).await;
    assert!(mail[0].link_containing("/webinars/new-markets").is_some());
    let ar_id = {
        let mut conn = app.db.conn().unwrap();
        let w = convive::db::admin::webinar_by_slug(&mut conn, "new-markets").unwrap();
        convive::db::content_admin::replays_of(&mut conn, w.id)
            .unwrap()
            .into_iter()
            .find(|r| r.locale == "ar")
            .unwrap()
            .id
    };
    assert_eq!(publish(ar_id).await, 0, "only the first replay notifies");
    let kinds = outbox_rows(&app)
        .into_iter()
        .filter(|r| r.0 == "replay_available")
        .count();
    assert_eq!(kinds, 1);
    assert_eq!(
        app.get("/api/v1/webinars/new-markets/replays")
            .await
            .status(),
        404,
        "the webinar itself is still unpublished"
    );
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars/new-markets/replays",
        json!({"locale": "en", "video_url": "javascript:alert(1)"}),
    )
    .await;
    assert_eq!(res.status(), 422);
}

#[tokio::test]
async fn modules_and_lessons_are_edited_in_three_languages() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/modules",
        json!({"slug": "seed-banks", "texts": {"fr": {"title": "Banques de semences", "summary": "S"}}}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let b = log_in(&app, "orga@convive.test").await;
    let form = b.get_text("/fr/admin/modules/seed-banks/lessons/new").await;
    let csrf = csrf_of(&form);
    let res = b
        .post_form(
            "/fr/admin/modules/seed-banks/lessons",
            &[
                ("csrf", &csrf),
                ("duration_minutes", "2,5"),
                ("title_fr", "Conserver les semences"),
                ("video_url_fr", "/assets/video/sample.webm"),
                ("captions_url_fr", "/assets/video/sample.fr.vtt"),
                ("title_ar", "حفظ البذور"),
                ("video_url_ar", "ftp://nope"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("id=\"f-video_url_ar-error\""));
    assert!(page.contains("حفظ البذور"), "typed text kept");
    let res = b
        .post_form(
            "/fr/admin/modules/seed-banks/lessons",
            &[
                ("csrf", &csrf),
                ("duration_minutes", "2,5"),
                ("title_fr", "Conserver les semences"),
                ("video_url_fr", "/assets/video/sample.webm"),
                ("title_ar", "حفظ البذور"),
                ("video_url_ar", "/assets/video/sample.webm"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let module = b.get_text("/fr/admin/modules/seed-banks").await;
    assert!(module.contains("Conserver les semences"));
    assert!(plain(&module).contains("Manquant en anglais"));
    let publish = b
        .post_form(
            "/fr/admin/modules/seed-banks/publish",
            &[("csrf", csrf.as_str()), ("published", "1")],
        )
        .await;
    assert_eq!(publish.status(), 303);
    let public = app.get_json("/api/v1/modules/seed-banks?lang=ar").await;
    assert_eq!(public["lessons"][0]["title"], "حفظ البذور");
    assert_eq!(public["lessons"][0]["duration_s"], 150);
}
