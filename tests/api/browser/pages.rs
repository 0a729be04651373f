//! The public pages that exist, per language, for the audits and the screenshots.

use serde_json::json;

use crate::helpers::TestApp;
use crate::helpers::staff;
use crate::helpers::{mailbox, visitor};

pub struct Page {
    /// Short name used in screenshot file names and failure messages (`webinar`, `not-found`…).
    pub name: &'static str,
    pub path: String,
    /// Part of the key pages photographed on every run.
    pub screenshot: bool,
}

/// Slugs (and a lesson id) of seeded content, taken through the API so the pages tested are
/// the richest ones whatever the seed becomes.
pub struct Samples {
    /// A webinar with upcoming sessions.
    pub webinar: String,
    /// Its first session.
    pub session: String,
    pub module: String,
    /// The first lesson of `module`.
    pub lesson: String,
}

pub async fn samples(app: &TestApp) -> Samples {
    let webinars = app.get_json("/api/v1/webinars").await;
    let webinars = webinars.as_array().expect("webinar list");
    let webinar = webinars
        .iter()
        .find(|w| w["sessions"].as_array().is_some_and(|s| !s.is_empty()))
        .or(webinars.first())
        .expect("a seeded webinar");
    let modules = app.get_json("/api/v1/modules").await;
    let module = modules
        .as_array()
        .and_then(|m| m.first())
        .expect("a seeded module");
    let slug = module["slug"].as_str().unwrap();
    let detail = app.get_json(&format!("/api/v1/modules/{slug}")).await;
    let lesson = &detail["lessons"][0]["id"];
    let session = &webinar["sessions"][0]["id"];
    Samples {
        webinar: webinar["slug"].as_str().unwrap().to_string(),
        session: session
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| session.to_string()),
        module: slug.to_string(),
        lesson: lesson
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| lesson.to_string()),
    }
}

/// Every page anyone can open without an account or a token.
pub async fn public_pages(app: &TestApp, lang: &str) -> Vec<Page> {
    let Samples {
        webinar,
        session,
        module,
        lesson,
    } = samples(app).await;
    let page = |name, path: String, screenshot| Page {
        name,
        path,
        screenshot,
    };
    vec![
        page("home", format!("/{lang}/"), true),
        page("webinars", format!("/{lang}/webinars"), true),
        page("webinar", format!("/{lang}/webinars/{webinar}"), true),
        page(
            "register",
            format!("/{lang}/sessions/{session}/register"),
            true,
        ),
        page("series-register", format!("/{lang}/series/register"), true),
        page("modules", format!("/{lang}/modules"), true),
        page("module", format!("/{lang}/modules/{module}"), true),
        page("lesson", format!("/{lang}/lessons/{lesson}"), true),
        page("signup", format!("/{lang}/account/signup"), false),
        page("login", format!("/{lang}/account/login"), false),
        page("forgot", format!("/{lang}/account/forgot"), false),
        page("privacy", format!("/{lang}/privacy"), false),
        page("privacy-request", format!("/{lang}/privacy/request"), false),
        page(
            "not-found",
            format!("/{lang}/webinars/no-such-webinar"),
            false,
        ),
    ]
}

/// The path of a link of the app read from a mail (`http://127.0.0.1:…/fr/…` → `/fr/…`).
fn path_of(app: &TestApp, link: &str) -> String {
    link.strip_prefix(&app.address)
        .unwrap_or_else(|| panic!("{link} does not point at the app"))
        .to_owned()
}

/// The pages people reach from a link in a mail, made real through the API: registration
/// confirmation and management (confirmed, with its join link), account verification and
/// password reset, an invitation and its unsubscribe page. All in the language `lang`.
pub async fn token_pages(app: &TestApp, lang: &str) -> Vec<Page> {
    let session = samples(app).await.session;
    let page = |name, path: String, screenshot| Page {
        name,
        path,
        screenshot,
    };

    // A registration, confirmed: the confirmation link stays valid (idempotent).
    let email = format!("nadia.{lang}@example.org");
    let res = app
        .client
        .post(app.url(&format!("/api/v1/sessions/{session}/registrations")))
        .json(&json!({"full_name": "Nadia Benali", "email": email,
            "organisation": "Ville de Sfax", "function": "civil_servant", "territory": "Sfax",
            "country": "TN", "locale": lang, "timezone": "Africa/Tunis", "consent": true}))
        .send()
        .await
        .expect("registration sent");
    assert_eq!(res.status(), 202);
    let confirm = app.smtp.wait_for(&email, 1).await[0]
        .link_containing("/registrations/confirm/")
        .expect("confirm link");
    let token = confirm.rsplit('/').next().unwrap().to_owned();
    let res = app
        .client
        .post(app.url("/api/v1/registrations/confirm"))
        .json(&json!({ "token": token }))
        .send()
        .await
        .expect("confirmation sent");
    assert_eq!(res.status(), 200);
    let manage = app.smtp.wait_for(&email, 2).await[1]
        .link_containing("/registrations/")
        .expect("manage link");

    // An account: its verification link, then a reset link once verified.
    let learner = format!("youssef.{lang}@example.org");
    let api = visitor::Browser::new(app);
    api.sign_up(&learner, "Youssef Amrani", lang).await;
    let verify = mailbox::last_token(app, "account_verify", &learner);
    let res = api
        .post_json("/api/v1/auth/password/forgot", json!({ "email": learner }))
        .await;
    let status = res.status();
    assert!(
        status.is_success(),
        "{status} {}",
        res.text().await.unwrap()
    );
    let reset = mailbox::last_token(app, "password_reset", &learner);

    // An invitation campaign for one contact writing in `lang`.
    let invitee = format!("amina.{lang}@example.org");
    let organiser = staff::staff(app, &format!("orga.{lang}@convive.test"), "organiser");
    let csv = format!("email,name,language\n{invitee},Amina Alaoui,{lang}\n");
    let res = staff::api(
        app,
        &organiser,
        reqwest::Method::POST,
        "/api/v1/admin/campaigns",
        json!({"session_id": session.parse::<i64>().expect("numeric id"), "contacts_csv": csv}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let id = res.json::<serde_json::Value>().await.unwrap()["id"].clone();
    let send = format!("/api/v1/admin/campaigns/{id}/send");
    let res = staff::api(app, &organiser, reqwest::Method::POST, &send, json!({})).await;
    assert!(res.status().is_success(), "{}", res.status());
    let mail = &app.smtp.wait_for(&invitee, 1).await[0];
    let invitation = mail
        .link_containing("/invitations/")
        .expect("invitation link");
    let unsubscribe = mail
        .link_containing("/unsubscribe/")
        .expect("unsubscribe link");

    vec![
        page("confirm", path_of(app, &confirm), false),
        page("manage", path_of(app, &manage), true),
        page("verify", format!("/{lang}/account/verify/{verify}"), false),
        page("reset", format!("/{lang}/account/reset/{reset}"), false),
        page("invitation", path_of(app, &invitation), true),
        page("unsubscribe", path_of(app, &unsubscribe), false),
    ]
}
