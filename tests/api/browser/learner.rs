//! A signed-in learner with something on every learner page: one module completed (so a
//! certificate), a lesson of another half watched. The account and the progress go through
//! the API; the browser signs in through the login form.

use serde_json::json;

use super::harness::Browser;
use super::pages::Page;
use crate::helpers::TestApp;
use crate::helpers::visitor::{self, PASSWORD};

/// What the learner pages show for that learner.
pub struct Learner {
    pub name: &'static str,
    pub email: &'static str,
    /// The completed module and its certificate's verification code.
    pub module: String,
    pub certificate: String,
    /// A module in progress (first lesson done: a third) and its half-watched second lesson.
    pub module_in_progress: String,
    pub lesson_in_progress: i64,
}

/// Slug and lesson ids of each module, in order.
async fn modules(app: &TestApp) -> Vec<(String, Vec<i64>)> {
    let list = app.get_json("/api/v1/modules").await;
    list.as_array()
        .expect("module list")
        .iter()
        .map(|m| {
            let ids = m["lessons"]
                .as_array()
                .expect("lessons")
                .iter()
                .map(|l| l["id"].as_i64().expect("lesson id"))
                .collect();
            (m["slug"].as_str().expect("slug").to_owned(), ids)
        })
        .collect()
}

/// Creates the learner (account language `lang`) and signs `browser` in.
pub async fn signed_in_learner(app: &TestApp, browser: &Browser, lang: &str) -> Learner {
    let (name, email) = ("Nadia Benali", "nadia.benali@example.org");
    let api = visitor::Browser::new(app);
    api.sign_up(email, name, lang).await;
    let modules = modules(app).await;
    let (done, done_lessons) = &modules[0];
    for id in done_lessons {
        let state = api.report(*id, json!([[0, 60]]), 60.0).await;
        assert_eq!(state["completed"], json!(true), "{state}");
    }
    let (in_progress, lessons) = &modules[1];
    api.report(lessons[0], json!([[0, 60]]), 60.0).await;
    api.report(lessons[1], json!([[0, 30]]), 30.0).await;

    browser.sign_in(lang, email, PASSWORD).await;
    browser.open(&format!("/{lang}/learning")).await;
    let href: String = browser
        .eval(
            "const a = document.querySelector('main a[href*=\"/certificates/\"]'); \
             return a ? a.getAttribute('href') : '';",
            vec![],
        )
        .await;
    let certificate = href
        .rsplit('/')
        .next()
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| panic!("no certificate link on /{lang}/learning"))
        .to_owned();
    Learner {
        name,
        email,
        module: done.clone(),
        certificate,
        module_in_progress: in_progress.clone(),
        lesson_in_progress: lessons[1],
    }
}

/// The pages of a signed-in learner.
pub fn learner_pages(learner: &Learner, lang: &str) -> Vec<Page> {
    let page = |name, path: String| Page {
        name,
        path,
        screenshot: true,
    };
    vec![
        page("learning", format!("/{lang}/learning")),
        page(
            "module-progress",
            format!("/{lang}/modules/{}", learner.module_in_progress),
        ),
        page("module-done", format!("/{lang}/modules/{}", learner.module)),
        page(
            "lesson-signed-in",
            format!("/{lang}/lessons/{}", learner.lesson_in_progress),
        ),
        page("account-settings", format!("/{lang}/account/settings")),
        page(
            "certificate",
            format!("/{lang}/certificates/{}", learner.certificate),
        ),
    ]
}
