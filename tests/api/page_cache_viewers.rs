//! The page cache never hands one viewer's page to another: not a signed-in learner's
//! layout or progress, not a form's CSRF token, and never a page rendered for another
//! query string (`?version=` of the replays).

use serde_json::json;

use crate::helpers::{
    pages::csrf_of,
    spawn_app,
    visitor::{Browser, first_module},
};

const SLUG: &str = "fight-food-waste";

/// Each request twice, so that a cached copy would be served the second time.
async fn twice(b: &Browser<'_>, path: &str) -> String {
    b.get_text(path).await;
    b.get_text(path).await
}

#[tokio::test]
async fn the_replay_version_in_the_query_string_is_part_of_the_page() {
    let app = spawn_app().await;
    let anon = Browser::new(&app);
    let page = format!("/en/webinars/{SLUG}");
    let current = |html: &str, code: &str| {
        html.contains(&format!(
            "href=\"?version={code}#replay\" hreflang=\"{code}\" aria-current=\"true\""
        ))
    };
    let en = twice(&anon, &page).await;
    assert!(current(&en, "en"), "the viewer's language by default");
    for code in ["ar", "fr", "en"] {
        let html = twice(&anon, &format!("{page}?version={code}")).await;
        assert!(current(&html, code), "?version={code} plays that version");
        for other in ["ar", "fr", "en"].iter().filter(|o| **o != code) {
            assert!(!current(&html, other), "?version={code} is not {other}");
        }
    }
    // The plain URL is still the default version after the others were cached.
    assert!(current(&anon.get_text(&page).await, "en"));
}

#[tokio::test]
async fn a_signed_in_layout_is_never_served_to_a_visitor() {
    let app = spawn_app().await;
    let learner = Browser::new(&app);
    learner
        .sign_up("nadia@commune.example", "Nadia Amrani", "en")
        .await;
    let anon = Browser::new(&app);
    for path in [
        "/en/",
        "/en/webinars",
        &format!("/en/webinars/{SLUG}"),
        "/en/modules",
    ] {
        let mine = twice(&learner, path).await;
        assert!(
            mine.contains("href=\"/en/learning\""),
            "{path}: learner links"
        );
        let theirs = twice(&anon, path).await;
        assert!(
            !theirs.contains("href=\"/en/learning\"") && theirs.contains("/en/account/login"),
            "{path}: a visitor gets the visitor's layout"
        );
        // And the other way round, once the visitor's copy is cached.
        assert!(
            learner
                .get_text(path)
                .await
                .contains("href=\"/en/learning\"")
        );
    }
}

#[tokio::test]
async fn progress_shows_only_to_its_learner() {
    let app = spawn_app().await;
    let (slug, lessons) = first_module(&app).await;
    let lesson = lessons[0];
    let anon = Browser::new(&app);
    let other = Browser::new(&app);
    other
        .sign_up("omar@ville.example", "Omar Belkacem", "en")
        .await;
    // Both pages are in the cache, if anything is, before the learner watches.
    let lesson_page = format!("/en/lessons/{lesson}");
    let module_page = format!("/en/modules/{slug}");
    for b in [&anon, &other] {
        twice(b, &lesson_page).await;
        twice(b, &module_page).await;
    }

    let me = Browser::new(&app);
    me.sign_up("ines@ville.example", "Inès Roussel", "en").await;
    let s = me.report(lesson, json!([[0, 40]]), 40.0).await;
    assert_eq!(s["watched_s"], 40);
    let mine = twice(&me, &lesson_page).await;
    assert!(mine.contains("data-resume=\"40\""), "my resume position");
    let my_learning = twice(&me, "/en/learning").await;
    assert!(my_learning.contains("Inès Roussel"));

    for (who, b) in [("visitor", &anon), ("another learner", &other)] {
        let html = b.get_text(&lesson_page).await;
        assert!(
            !html.contains("data-resume=\"40\""),
            "{who}: not my position"
        );
        let html = b.get_text(&module_page).await;
        assert!(!html.contains("Inès"), "{who}: module page");
    }
    let theirs = other.get_text("/en/learning").await;
    assert!(theirs.contains("Omar Belkacem") && !theirs.contains("Inès"));
    let res = anon.get("/en/learning").await;
    assert_eq!(res.status(), 303, "a visitor is sent to log in");
}

#[tokio::test]
async fn a_form_token_belongs_to_one_browser() {
    let app = spawn_app().await;
    let w = app.get_json(&format!("/api/v1/webinars/{SLUG}")).await;
    let session = w["sessions"][0]["id"].as_i64().unwrap();
    let form = format!("/en/sessions/{session}/register");
    let (a, b) = (Browser::new(&app), Browser::new(&app));
    for path in [form.as_str(), "/en/account/login", "/en/account/signup"] {
        let token_a = csrf_of(&twice(&a, path).await);
        let token_b = csrf_of(&twice(&b, path).await);
        assert_ne!(token_a, token_b, "{path}: each browser its own token");
        assert_eq!(csrf_of(&a.get_text(path).await), token_a, "{path}: stable");
    }
    // B's token works for B (the form is usable), A's token does not work for B.
    let fields = |csrf: &str| {
        vec![
            ("csrf", csrf.to_owned()),
            ("full_name", "Youssef Tazi".to_owned()),
            ("email", "youssef@fes.example".to_owned()),
            ("organisation", "Ville de Fès".to_owned()),
            ("function", "elected_official".to_owned()),
            ("territory", "Fès".to_owned()),
            ("country", "MA".to_owned()),
            ("locale", "fr".to_owned()),
            ("timezone", "Africa/Casablanca".to_owned()),
            ("consent", "on".to_owned()),
        ]
    };
    let token_a = csrf_of(&a.get_text(&form).await);
    let token_b = csrf_of(&b.get_text(&form).await);
    let post = |browser: &Browser<'_>, csrf: &str| {
        let req = browser.client.post(app.url(&form)).form(&fields(csrf));
        async move { req.send().await.unwrap().status() }
    };
    assert_eq!(post(&b, &token_a).await, 403, "another browser's token");
    assert_eq!(post(&b, &token_b).await, 200, "its own token");
}
