//! Helpers for the learner tests: a browser (its own cookies) on a running app, the
//! outbox as a user's mailbox, accounts and forms.

use convive::db::schema::outbox;
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::helpers::TestApp;

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

/// One queued mail: (kind, recipient, locale, payload).
pub fn outbox_rows(app: &TestApp) -> Vec<(String, String, String, Value)> {
    let mut conn = app.db.conn().unwrap();
    outbox::table
        .order(outbox::id)
        .select((
            outbox::kind,
            outbox::recipient,
            outbox::locale,
            outbox::payload,
        ))
        .load::<(String, String, String, String)>(&mut *conn)
        .unwrap()
        .into_iter()
        .map(|(k, r, l, p)| (k, r, l, serde_json::from_str(&p).unwrap()))
        .collect()
}

/// The token of the last mail of this kind to this address.
pub fn last_token(app: &TestApp, kind: &str, to: &str) -> String {
    outbox_rows(app)
        .into_iter()
        .rev()
        .find(|(k, r, _, _)| k == kind && r == to)
        .unwrap_or_else(|| panic!("no {kind} mail to {to}"))
        .3["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The hidden CSRF value of the (first) form on a page.
pub fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("form with a csrf field")
        .to_owned()
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

/// Text without Fluent's invisible isolation marks, for exact assertions.
pub fn plain(html: &str) -> String {
    html.replace(['\u{2068}', '\u{2069}'], "")
}
