//! Registrations: the API body, registering and confirming through the API as a person
//! does, and rows stored straight into the database (`Stored`) for tests that need many
//! people in given states.

use chrono::Utc;
use convive::db::DbConnection;
use convive::db::schema::{outbox, registrations};
use diesel::prelude::*;
use serde_json::{Value, json};

use super::TestApp;

pub fn registration(email: &str, name: &str) -> Value {
    json!({
        "full_name": name, "email": email, "organisation": "Ville de Sfax",
        "function": "elected_official", "territory": "Sfax", "country": "TN",
        "locale": "fr", "timezone": "Africa/Tunis", "consent": true
    })
}

/// The id of the seeded session with capacity 2, and of another upcoming one.
pub async fn sessions_of(app: &TestApp) -> (i64, i64) {
    let w = app.get_json("/api/v1/webinars/fight-food-waste").await;
    let all = w["sessions"].as_array().unwrap();
    let small = all.iter().find(|s| s["capacity"] == 2).unwrap()["id"]
        .as_i64()
        .unwrap();
    let other = all.iter().find(|s| s["id"] != small).unwrap()["id"]
        .as_i64()
        .unwrap();
    (small, other)
}

/// Posts a registration body to the API.
pub async fn post_registration(app: &TestApp, session: i64, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/sessions/{session}/registrations")))
        .json(body)
        .send()
        .await
        .unwrap()
}

/// The seeded session with capacity 2 (waitlist demo) and another open session.
pub async fn small_session(app: &TestApp) -> i64 {
    let w = app.get_json("/api/v1/webinars/fight-food-waste").await;
    w["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["capacity"] == 2)
        .expect("a session of capacity 2")["id"]
        .as_i64()
        .unwrap()
}

pub fn body(email: &str, locale: &str) -> Value {
    json!({
        "full_name": "Amina Benali", "email": email, "organisation": "Ville de Sfax",
        "function": "elected_official", "territory": "Sfax", "country": "TN",
        "locale": locale, "timezone": "Africa/Tunis", "consent": true
    })
}

pub async fn register(app: &TestApp, session: i64, email: &str, locale: &str) -> reqwest::Response {
    post_registration(app, session, &body(email, locale)).await
}

pub fn last_segment(url: &str) -> String {
    url.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

/// Registers and returns the confirm token read from the mail the SMTP server received.
pub async fn register_and_get_token(
    app: &TestApp,
    session: i64,
    email: &str,
    locale: &str,
) -> String {
    let before = app.smtp.to(email).len();
    assert_eq!(register(app, session, email, locale).await.status(), 202);
    let mails = app.smtp.wait_for(email, before + 1).await;
    let link = mails
        .last()
        .unwrap()
        .link_containing("/registrations/confirm/")
        .expect("confirm link");
    last_segment(&link)
}

pub async fn confirm(app: &TestApp, token: &str) -> Value {
    let res = app
        .client
        .post(app.url("/api/v1/registrations/confirm"))
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

pub fn status_of(app: &TestApp, email: &str) -> String {
    let mut conn = app.db.conn().unwrap();
    registrations::table
        .filter(registrations::email.eq(email))
        .select(registrations::status)
        .first(&mut *conn)
        .unwrap()
}

/// Mails queued (sent or not) to an address: exact at once, no waiting on the worker.
pub fn queued_to(app: &TestApp, email: &str) -> i64 {
    let mut conn = app.db.conn().unwrap();
    outbox::table
        .filter(outbox::recipient.eq(email))
        .count()
        .get_result(&mut *conn)
        .unwrap()
}

/// A registration row written straight into the database, as the registration service
/// would store it. Every column starts with a plain value; each test sets what it needs.
pub struct Stored<'a> {
    pub session: i64,
    pub email: &'a str,
    pub full_name: String,
    pub organisation: String,
    pub function: &'a str,
    pub territory: &'a str,
    pub country: &'a str,
    pub locale: &'a str,
    pub timezone: &'a str,
    pub consent_version: &'a str,
    pub status: &'a str,
    pub attended: bool,
    /// The stored token hashes are `m{token_seed}` and `j{token_seed}`.
    pub token_seed: String,
}

impl<'a> Stored<'a> {
    pub fn new(session: i64, email: &'a str, status: &'a str) -> Stored<'a> {
        Stored {
            session,
            email,
            full_name: "X".to_owned(),
            organisation: "X".to_owned(),
            function: "civil_servant",
            territory: "X",
            country: "MA",
            locale: "ar",
            timezone: "Africa/Casablanca",
            consent_version: "1",
            status,
            attended: false,
            token_seed: email.to_owned(),
        }
    }

    pub fn insert(&self, app: &TestApp) -> i64 {
        self.insert_on(&mut app.db.conn().unwrap())
    }

    pub fn insert_on(&self, conn: &mut DbConnection) -> i64 {
        let now = Utc::now().naive_utc();
        diesel::insert_into(registrations::table)
            .values((
                registrations::session_id.eq(self.session),
                registrations::email.eq(self.email),
                registrations::full_name.eq(&self.full_name),
                registrations::organisation.eq(&self.organisation),
                registrations::function.eq(self.function),
                registrations::territory.eq(self.territory),
                registrations::country.eq(self.country),
                registrations::locale.eq(self.locale),
                registrations::timezone.eq(self.timezone),
                registrations::consent_version.eq(self.consent_version),
                registrations::consent_at.eq(now),
                registrations::status.eq(self.status),
                registrations::manage_token_hash.eq(format!("m{}", self.token_seed)),
                registrations::join_token_hash.eq(format!("j{}", self.token_seed)),
                registrations::attended.eq(self.attended),
                registrations::created_at.eq(now),
            ))
            .returning(registrations::id)
            .get_result(conn)
            .unwrap()
    }
}

/// A registrant as the back office tests know them: (email, name, country); officials
/// from Morocco read Arabic, the others French.
pub fn registrant(app: &TestApp, session: i64, who: (&str, &str, &str), status: &str) -> i64 {
    let (email, name, country) = who;
    let moroccan = country == "MA";
    Stored {
        full_name: name.to_owned(),
        organisation: format!("Ville de {name}"),
        function: if moroccan {
            "elected_official"
        } else {
            "civil_servant"
        },
        territory: "T",
        country,
        locale: if moroccan { "ar" } else { "fr" },
        ..Stored::new(session, email, status)
    }
    .insert(app)
}

/// A registrant of `session` with this language and status.
pub fn registrant_speaking(app: &TestApp, session: i64, email: &str, locale: &str, status: &str) {
    Stored {
        full_name: format!("Name {email}"),
        locale,
        ..Stored::new(session, email, status)
    }
    .insert(app);
}
