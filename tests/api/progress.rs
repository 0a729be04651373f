use serde_json::json;

use crate::helpers::{
    pages::plain,
    spawn_app,
    visitor::{Browser, first_module},
};

#[tokio::test]
async fn anonymous_visitors_watch_but_keep_no_progress() {
    let app = spawn_app().await;
    let me = Browser::of(&app);
    let (_, lessons) = first_module(&app).await;
    let res = me
        .post_json(
            &format!("/api/v1/lessons/{}/progress?lang=en", lessons[0]),
            json!({"watched": [[0, 30]], "position_s": 30}),
        )
        .await;
    assert_eq!(res.status(), 401);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "unauthorized");
    assert_eq!(body["message"], "Please log in to save your progress.");

    let html = me.get_text(&format!("/en/lessons/{}", lessons[0])).await;
    assert!(html.contains("<video") && !html.contains("data-progress-url"));
}

#[tokio::test]
async fn watched_seconds_merge_seeks_do_not_count_and_the_position_resumes() {
    let app = spawn_app().await;
    let me = Browser::of(&app);
    me.sign_up("amelie@ville.example", "Amélie Durand", "fr")
        .await;
    let (slug, lessons) = first_module(&app).await;
    let lesson = lessons[0];

    // Watched 0–20, then again 10–25 (overlap), out of order 40–45 before 30–35.
    let s = me.report(lesson, json!([[0, 20], [10, 25]]), 25.0).await;
    assert_eq!(
        (s["watched_s"].as_i64(), s["completed"].as_bool()),
        (Some(25), Some(false))
    );
    let s = me
        .report(lesson, json!([[40, 45], [30, 35], [0, 25]]), 45.0)
        .await;
    assert_eq!(s["watched_s"], 35, "repeats count once");
    // Junk is ignored: inverted, beyond the end, absurd.
    let s = me
        .report(lesson, json!([[50, 45], [1e300, 1e301], [-10, -2]]), 30.5)
        .await;
    assert_eq!(s["watched_s"], 35);
    assert_eq!(s["position_s"], 30);

    // Leave and come back: the lesson page resumes at the same second.
    let html = me.get_text(&format!("/fr/lessons/{lesson}")).await;
    assert!(html.contains("data-resume=\"30\""), "resume position");
    assert!(html.contains(&format!(
        "data-progress-url=\"/api/v1/lessons/{lesson}/progress\""
    )));
    assert!(
        html.contains(r#"<track kind="captions" src="/assets/video/sample.fr.vtt" srclang="fr""#)
    );

    let m = me.get_json(&format!("/api/v1/modules/{slug}")).await;
    assert_eq!(m["lessons"][0]["watched_s"], 35);
    assert_eq!(m["lessons"][0]["completed"], false);
    assert_eq!(m["lessons"][1]["watched_s"], 0);

    // 42 of 60 seconds (70 %) completes a one-minute lesson.
    let s = me.report(lesson, json!([[25, 30], [45, 47]]), 42.0).await;
    assert_eq!(
        (s["watched_s"].as_i64(), s["completed"].as_bool()),
        (Some(42), Some(true))
    );
    assert!(s.get("certificate").is_none(), "other lessons remain");
    let html = plain(&me.get_text(&format!("/fr/modules/{slug}")).await);
    assert!(html.contains("<progress"), "module progress bar");
    assert!(html.contains("1 leçon terminée sur 3"), "{html}");
}

#[tokio::test]
async fn one_learner_never_sees_another_ones_progress() {
    let app = spawn_app().await;
    let me = Browser::of(&app);
    me.sign_up("one@ville.example", "One", "en").await;
    let (slug, lessons) = first_module(&app).await;
    me.report(lessons[0], json!([[0, 60]]), 60.0).await;

    let other = Browser::new(&app);
    other.sign_up("two@ville.example", "Two", "en").await;
    let m = other.get_json(&format!("/api/v1/modules/{slug}")).await;
    assert_eq!(m["lessons"][0]["watched_s"], 0);
    assert_eq!(m["lessons"][0]["completed"], false);
    let s = other.report(lessons[0], json!([[0, 5]]), 5.0).await;
    assert_eq!(s["watched_s"], 5, "their own seconds only");

    let mine = me.get_json(&format!("/api/v1/modules/{slug}")).await;
    assert_eq!(
        mine["lessons"][0]["watched_s"], 60,
        "untouched by the other"
    );
    let anonymous = Browser::new(&app);
    let m = anonymous.get_json(&format!("/api/v1/modules/{slug}")).await;
    assert!(m["lessons"][0].get("watched_s").is_none());
}

#[tokio::test]
async fn finishing_a_module_issues_a_certificate_with_a_public_page_and_pdf() {
    let app = spawn_app().await;
    let me = Browser::of(&app);
    me.sign_up("amina@ville.example", "أمينة بن علي", "ar")
        .await;
    let (slug, lessons) = first_module(&app).await;
    let mut last = json!(null);
    for id in &lessons {
        last = me.report(*id, json!([[0, 60]]), 60.0).await;
    }
    let code = last["certificate"]
        .as_str()
        .expect("certificate issued")
        .to_owned();

    let m = me
        .get_json(&format!("/api/v1/modules/{slug}?lang=ar"))
        .await;
    assert_eq!(m["certificate"], code.as_str());
    let learning = plain(&me.get_text("/ar/learning").await);
    assert!(learning.contains(&format!("/ar/certificates/{code}")));
    assert!(learning.contains("الدروس المكتملة: 3 من أصل"));

    // Anyone with the code can verify it: name, module and date only.
    let visitor = Browser::new(&app);
    let html = visitor.get_text(&format!("/en/certificates/{code}")).await;
    assert!(html.contains("أمينة بن علي"));
    assert!(html.contains("Certificate of completion"));
    assert!(
        !html.contains("amina@ville.example"),
        "no address on the public page"
    );
    let lower = visitor
        .get(&format!("/en/certificates/{}", code.to_lowercase()))
        .await;
    assert_eq!(lower.status(), 200, "codes are typed in any case");
    assert_eq!(
        visitor
            .get("/en/certificates/AAAA-AAAA-AAAA")
            .await
            .status(),
        404
    );
    assert_eq!(
        visitor.get("/en/certificates/not-a-code").await.status(),
        404
    );

    let pdf = visitor.get(&format!("/en/certificates/{code}/pdf")).await;
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));

    // Watching more later issues no second certificate.
    let again = me.report(lessons[0], json!([[0, 60]]), 10.0).await;
    assert_eq!(again["certificate"], code.as_str());
}

#[tokio::test]
async fn bad_reports_are_refused_without_harm() {
    let app = spawn_app().await;
    let me = Browser::of(&app);
    me.sign_up("junk@ville.example", "Junk", "en").await;
    let (_, lessons) = first_module(&app).await;
    let path = format!("/api/v1/lessons/{}/progress", lessons[0]);
    let res = app
        .client
        .post(app.url(&path))
        .header("Content-Type", "application/json")
        .body(r#"{"watched": [[1, 2, 3]], "position_s": "x"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let many: Vec<[f64; 2]> = (0..600)
        .map(|i| [f64::from(i), f64::from(i) + 1.0])
        .collect();
    let res = me.post_json(&path, json!({ "watched": many })).await;
    assert_eq!(res.status(), 422);
    let res = me
        .post_json("/api/v1/lessons/999999/progress", json!({"watched": []}))
        .await;
    assert_eq!(res.status(), 404);
    let res = me
        .post_json("/api/v1/lessons/abc/progress", json!({"watched": []}))
        .await;
    assert_eq!(res.status(), 404);
    // A foreign page cannot post progress with the learner's cookie.
    let res = app
        .client
        .post(app.url(&path))
        .header("Origin", "https://evil.example")
        .json(&json!({"watched": [[0, 60]]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}
