//! The public pages that exist, per language, for the audits and the screenshots.

use crate::helpers::TestApp;

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
