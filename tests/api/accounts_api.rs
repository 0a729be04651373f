use std::time::Instant;

use serde_json::json;

use crate::helpers::{
    mailbox::{last_token, outbox_rows},
    spawn_app,
    visitor::{Browser, PASSWORD},
};

#[tokio::test]
async fn sign_up_verify_by_mail_log_in_and_out() {
    let app = spawn_app().await;
    let res = Browser::of(&app)
        .post_json(
            "/api/v1/auth/signup",
            json!({"email": "amelie@ville.example", "password": PASSWORD,
               "full_name": "Amélie Durand", "locale": "fr", "consent": true}),
        )
        .await;
    assert_eq!(res.status(), 202);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["status"],
        "pending"
    );

    let mails = outbox_rows(&app);
    assert_eq!(mails.len(), 1);
    let (kind, to, locale, payload) = &mails[0];
    assert_eq!(
        (kind.as_str(), to.as_str(), locale.as_str()),
        ("account_verify", "amelie@ville.example", "fr")
    );
    let token = payload["token"].as_str().unwrap();

    // Not verified yet: the right password is not enough.
    let res = Browser::of(&app)
        .post_json(
            "/api/v1/auth/login",
            json!({"email": "amelie@ville.example", "password": PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), 401);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["error"],
        "not_verified"
    );

    let res = Browser::of(&app)
        .post_json("/api/v1/auth/verify", json!({ "token": token }))
        .await;
    assert_eq!(res.status(), 200);
    // Idempotent: the same link again still answers verified.
    let res = Browser::of(&app)
        .post_json("/api/v1/auth/verify", json!({ "token": token }))
        .await;
    assert_eq!(res.status(), 200);
    let res = Browser::of(&app)
        .post_json("/api/v1/auth/verify", json!({ "token": "0".repeat(64) }))
        .await;
    assert_eq!(res.status(), 400);

    let res = Browser::of(&app)
        .post_json("/api/v1/auth/logout", json!({}))
        .await;
    assert_eq!(res.status(), 200);
    let res = Browser::of(&app)
        .post_json("/api/v1/lessons/1/progress", json!({"watched": []}))
        .await;
    assert_eq!(res.status(), 401, "signed out");

    let res = Browser::of(&app)
        .post_json(
            "/api/v1/auth/login",
            json!({"email": "AMELIE@Ville.Example", "password": PASSWORD}),
        )
        .await;
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "signed_in", "{body}");
    assert_eq!(body["full_name"], "Amélie Durand");
}

#[tokio::test]
async fn unknown_addresses_and_wrong_passwords_look_the_same() {
    let app = spawn_app().await;
    Browser::of(&app)
        .sign_up("karim@ville.example", "Karim", "ar")
        .await;
    let mut answers = vec![];
    for email in ["karim@ville.example", "nobody@ville.example"] {
        // The fastest of three tries, so a busy machine does not decide the comparison.
        let mut fastest = None;
        for _ in 0..3 {
            let started = Instant::now();
            let res = Browser::of(&app)
                .post_json(
                    "/api/v1/auth/login?lang=en",
                    json!({"email": email, "password": "wrong password!"}),
                )
                .await;
            let status = res.status();
            let body: serde_json::Value = res.json().await.unwrap();
            let took = started.elapsed();
            if fastest.as_ref().is_none_or(|(_, _, t)| took < *t) {
                fastest = Some((status, body, took));
            }
        }
        answers.push(fastest.unwrap());
    }
    assert_eq!(answers[0].0, 401);
    assert_eq!(answers[0].0, answers[1].0);
    assert_eq!(answers[0].1, answers[1].1);
    assert_eq!(answers[0].1["error"], "invalid_credentials");
    // Both paths run argon2: neither answer is many times faster than the other.
    let (a, b) = (answers[0].2.as_secs_f64(), answers[1].2.as_secs_f64());
    assert!(a.max(b) / a.min(b) < 5.0, "{a} vs {b}");

    // Signing up again with a known address answers the same and sends nothing new.
    let before = outbox_rows(&app).len();
    let res = Browser::of(&app)
        .post_json(
            "/api/v1/auth/signup",
            json!({"email": "karim@ville.example", "password": "another password",
               "full_name": "Someone", "locale": "en", "consent": true}),
        )
        .await;
    assert_eq!(res.status(), 202);
    assert_eq!(outbox_rows(&app).len(), before);
}

#[tokio::test]
async fn signup_errors_are_localised_per_field() {
    let app = spawn_app().await;
    let res = Browser::of(&app)
        .post_json(
            "/api/v1/auth/signup?lang=fr",
            json!({"email": "not-an-address", "password": "short", "full_name": "",
               "locale": "de", "consent": false}),
        )
        .await;
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "validation");
    for field in ["email", "password", "full_name", "locale", "consent"] {
        assert!(body["fields"][field].is_string(), "{field}: {body}");
    }
    assert!(
        body["fields"]["password"]
            .as_str()
            .unwrap()
            .contains("10 caractères")
    );
    assert!(outbox_rows(&app).is_empty());
}

#[tokio::test]
async fn a_forgotten_password_is_reset_through_the_mailed_link() {
    let app = spawn_app().await;
    Browser::of(&app)
        .sign_up("leila@ville.example", "Leïla", "ar")
        .await;
    Browser::of(&app)
        .post_json("/api/v1/auth/logout", json!({}))
        .await;

    for email in ["leila@ville.example", "nobody@ville.example"] {
        let res = Browser::of(&app)
            .post_json("/api/v1/auth/password/forgot", json!({ "email": email }))
            .await;
        assert_eq!(res.status(), 202, "same answer for {email}");
    }
    let resets: Vec<_> = outbox_rows(&app)
        .into_iter()
        .filter(|(k, ..)| k == "password_reset")
        .collect();
    assert_eq!(resets.len(), 1, "only the existing account gets a mail");
    assert_eq!(resets[0].2, "ar", "in the account's language");
    let token = last_token(&app, "password_reset", "leila@ville.example");

    let res = Browser::of(&app)
        .post_json(
            "/api/v1/auth/password/reset",
            json!({"token": token, "password": "short"}),
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = Browser::of(&app)
        .post_json(
            "/api/v1/auth/password/reset",
            json!({"token": token, "password": "a brand new password"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = Browser::of(&app)
        .post_json(
            "/api/v1/auth/password/reset",
            json!({"token": token, "password": "yet another password"}),
        )
        .await;
    assert_eq!(res.status(), 400, "a reset link works once");

    let old = Browser::of(&app)
        .post_json(
            "/api/v1/auth/login",
            json!({"email": "leila@ville.example", "password": PASSWORD}),
        )
        .await;
    assert_eq!(old.status(), 401);
    let new = Browser::of(&app)
        .post_json(
            "/api/v1/auth/login",
            json!({"email": "leila@ville.example", "password": "a brand new password"}),
        )
        .await;
    assert_eq!(new.status(), 200);
}

#[tokio::test]
async fn login_is_rate_limited_per_account() {
    let app = spawn_app().await;
    let mut statuses = vec![];
    for _ in 0..7 {
        let res = Browser::of(&app)
            .post_json(
                "/api/v1/auth/login",
                json!({"email": "target@ville.example", "password": "guess guess guess"}),
            )
            .await;
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses[0], 401);
    assert_eq!(*statuses.last().unwrap(), 429, "{statuses:?}");
}

#[tokio::test]
async fn weaker_password_hashes_are_upgraded_at_login() {
    use argon2::password_hash::PasswordHasher;
    use argon2::{Algorithm, Argon2, Params, Version};
    use convive::db::schema::users;
    use diesel::prelude::*;

    let app = spawn_app().await;
    Browser::of(&app)
        .sign_up("old@ville.example", "Old Hash", "en")
        .await;
    let weak = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(8192, 1, 1, None).unwrap(),
    )
    .hash_password(PASSWORD.as_bytes())
    .unwrap()
    .to_string();
    let stored = |app: &crate::helpers::TestApp| -> String {
        let mut conn = app.db.conn().unwrap();
        users::table
            .filter(users::email.eq("old@ville.example"))
            .select(users::password_hash)
            .first(&mut *conn)
            .unwrap()
    };
    {
        let mut conn = app.db.conn().unwrap();
        diesel::update(users::table.filter(users::email.eq("old@ville.example")))
            .set(users::password_hash.eq(&weak))
            .execute(&mut *conn)
            .unwrap();
    }
    let res = Browser::of(&app)
        .post_json(
            "/api/v1/auth/login",
            json!({"email": "old@ville.example", "password": PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(stored(&app).starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
}
