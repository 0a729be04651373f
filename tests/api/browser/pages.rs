//! The public pages that exist, per language, for the audits and the screenshots.

use crate::helpers::TestApp;

pub struct Page {
    /// Short name used in screenshot file names and failure messages (`webinar`, `not-found`…).
    pub name: &'static str,
    pub path: String,
    /// Part of the key pages photographed on every run.
    pub screenshot: bool,
}

/// A webinar with upcoming sessions and a module, taken from the seed through the API so
/// the pages tested are the richest ones whatever the seed's slugs become.
pub async fn sample_slugs(app: &TestApp) -> (String, String) {
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
    (
        webinar["slug"].as_str().unwrap().to_string(),
        module["slug"].as_str().unwrap().to_string(),
    )
}

pub async fn public_pages(app: &TestApp, lang: &str) -> Vec<Page> {
    let (webinar, module) = sample_slugs(app).await;
    let page = |name, path: String, screenshot| Page {
        name,
        path,
        screenshot,
    };
    vec![
        page("home", format!("/{lang}/"), true),
        page("webinars", format!("/{lang}/webinars"), true),
        page("webinar", format!("/{lang}/webinars/{webinar}"), true),
        page("modules", format!("/{lang}/modules"), true),
        page("module", format!("/{lang}/modules/{module}"), true),
        page(
            "not-found",
            format!("/{lang}/webinars/no-such-webinar"),
            false,
        ),
    ]
}
