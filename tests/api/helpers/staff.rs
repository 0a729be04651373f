//! Staff: organiser and admin accounts made straight through the service, logging in
//! through the login form, API calls with a token, and a session to work on.

use convive::domain::{EmailAddress, Locale};
use convive::services::accounts::api_tokens::TokenRequest;
use convive::services::accounts::organisers;
use serde_json::{Value, json};

use super::TestApp;
use super::pages::csrf_of;
use super::visitor::{Browser, PASSWORD};

/// A staff account (or a learner when `role` is "learner") and its API token.
pub fn staff(app: &TestApp, email: &str, role: &str) -> String {
    let mut conn = app.db.conn().unwrap();
    let e = EmailAddress::parse(email).unwrap();
    let user = organisers::create(
        &mut conn,
        &e,
        "Staff",
        PASSWORD,
        role == "admin",
        Locale::Fr,
    )
    .unwrap();
    if role == "learner" {
        convive::db::admin::set_role(&mut conn, user.id, "learner").unwrap();
        return String::new();
    }
    organisers::new_api_token(&mut conn, &e, &TokenRequest::full("tests"))
        .unwrap()
        .unwrap()
}

pub async fn log_in<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let b = Browser::new(app);
    let page = b.get_text("/fr/account/login").await;
    let res = b
        .post_form(
            "/fr/account/login",
            &[
                ("email", email),
                ("password", PASSWORD),
                ("csrf", &csrf_of(&page)),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    b
}

pub async fn api(
    app: &TestApp,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Value,
) -> reqwest::Response {
    let mut req = app.client.request(method.clone(), app.url(path));
    if !token.is_empty() {
        req = req.bearer_auth(token);
    }
    if method != reqwest::Method::GET {
        req = req.json(&body);
    }
    req.send().await.unwrap()
}

pub async fn create_session(app: &TestApp, token: &str) -> i64 {
    let res = api(
        app,
        token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars/fight-food-waste/sessions",
        json!({
            "starts_at": "2030-03-14T09:00:00Z",
            "timezone": "Africa/Casablanca",
            "duration_minutes": 90,
            "capacity": 2,
            "meeting_url": "https://meet.example.org/waste"
        }),
    )
    .await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}
