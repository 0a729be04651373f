//! A visitor: the app and a client with its own cookies, signing up, reporting progress.

use serde_json::{Value, json};

use super::TestApp;
use super::mailbox::last_token;
use super::pages::csrf_of;

pub const PASSWORD: &str = "a long enough password";

/// One visitor: the app and a client that keeps its own cookies.
pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub client: reqwest::Client,
}

impl<'a> Browser<'a> {
    /// The app's own client (shares its cookies).
    pub fn of(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            client: app.client.clone(),
        }
    }

    /// Another browser, with no cookies yet.
    pub fn new(app: &'a TestApp) -> Browser<'a> {
        Browser {
            app,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .cookie_store(true)
                .build()
                .unwrap(),
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.app.url(path)).send().await.unwrap()
    }

    pub async fn get_text(&self, path: &str) -> String {
        let res = self.get(path).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.text().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> Value {
        let res = self.get(path).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.json().await.unwrap()
    }

    pub async fn post_json(&self, path: &str, body: Value) -> reqwest::Response {
        self.client
            .post(self.app.url(path))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// Posts a form with the given fields.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.app.url(path))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// Opens the page with a form and returns its CSRF value.
    pub async fn csrf(&self, path: &str) -> String {
        csrf_of(&self.get_text(path).await)
    }

    /// Signs up, verifies with the mailed token and ends up signed in (API).
    pub async fn sign_up(&self, email: &str, name: &str, locale: &str) {
        let res = self
            .post_json(
                "/api/v1/auth/signup",
                json!({"email": email, "password": PASSWORD, "full_name": name,
                       "locale": locale, "consent": true}),
            )
            .await;
        assert_eq!(res.status(), 202);
        let token = last_token(self.app, "account_verify", email);
        let res = self
            .post_json("/api/v1/auth/verify", json!({ "token": token }))
            .await;
        assert_eq!(res.status(), 200);
        let res = self
            .post_json(
                "/api/v1/auth/login",
                json!({"email": email, "password": PASSWORD}),
            )
            .await;
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    }

    /// Reports watched intervals of a lesson; returns the progress answer.
    pub async fn report(&self, lesson: i64, watched: Value, position: f64) -> Value {
        let res = self
            .post_json(
                &format!("/api/v1/lessons/{lesson}/progress"),
                json!({ "watched": watched, "position_s": position }),
            )
            .await;
        assert_eq!(res.status(), 200);
        res.json().await.unwrap()
    }
}

/// The slug and lesson ids (in order) of the first module.
pub async fn first_module(app: &TestApp) -> (String, Vec<i64>) {
    let modules = app.get_json("/api/v1/modules?lang=fr").await;
    let m = &modules[0];
    (
        m["slug"].as_str().unwrap().to_owned(),
        m["lessons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["id"].as_i64().unwrap())
            .collect(),
    )
}
