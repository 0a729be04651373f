//! No state change on GET: opening any mailed link (confirmation, address verification,
//! password reset, privacy, unsubscribe, manage) shows a page with a button and changes
//! nothing, so a mail scanner that follows links confirms, verifies, spends or erases
//! nothing.

use convive::db::schema::{invitations, privacy_requests, registrations, user_tokens, users};
use diesel::prelude::*;
use serde_json::json;

use crate::helpers::{
    mailbox::last_token,
    registrations::{post_registration, registration, sessions_of},
    spawn_app,
    staff::{api, staff},
    visitor::Browser,
};

#[tokio::test]
async fn opening_mailed_links_changes_nothing() {
    let app = spawn_app().await;
    let (_, session) = sessions_of(&app).await;
    let me = "scanner@example.org";
    // A pending registration and its confirmation link.
    assert_eq!(
        post_registration(&app, session, &registration(me, "Scanned"))
            .await
            .status(),
        202
    );
    let mail = app.smtp.wait_for(me, 1).await.pop().unwrap();
    let confirm = mail.link_containing("/registrations/confirm/").unwrap();
    // An unverified account, and a reset link for it.
    let b = Browser::new(&app);
    let res = b
        .post_json(
            "/api/v1/auth/signup",
            json!({"email": me, "password": "a long enough password",
                   "full_name": "Scanned", "locale": "fr", "consent": true}),
        )
        .await;
    assert_eq!(res.status(), 202);
    let verify = last_token(&app, "account_verify", me);
    b.post_json("/api/v1/auth/password/forgot", json!({ "email": me }))
        .await;
    let reset = last_token(&app, "password_reset", me);
    // A privacy link and an invitation with its unsubscribe link.
    b.post_json("/api/v1/privacy/requests", json!({ "email": me }))
        .await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/campaigns",
        json!({ "session_id": session, "contacts_csv": format!("email\n{me}\n") }),
    )
    .await;
    let id = res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/admin/campaigns/{id}/send"),
        json!({}),
    )
    .await;
    let mails = app.smtp.wait_for(me, 5).await;
    let privacy = mails
        .iter()
        .find_map(|m| m.link_containing("/privacy/manage/"))
        .expect("privacy link");
    let invitation = mails
        .iter()
        .find(|m| m.link_containing("/invitations/").is_some())
        .expect("invitation");
    let unsubscribe = invitation
        .header("List-Unsubscribe")
        .unwrap()
        .trim_matches(['<', '>'])
        .to_owned();

    let path = |url: &str| {
        url.split_once("://")
            .unwrap()
            .1
            .split_once('/')
            .unwrap()
            .1
            .to_owned()
    };
    let links = [
        format!("/{}", path(&confirm)),
        format!("/fr/account/verify/{verify}"),
        format!("/fr/account/reset/{reset}"),
        format!("/{}", path(&privacy)),
        format!("/{}", path(&unsubscribe)),
    ];
    let state = || {
        let mut conn = app.db.conn().unwrap();
        let reg: (String, Option<chrono::NaiveDateTime>) = registrations::table
            .filter(registrations::email.eq(me))
            .select((registrations::status, registrations::confirmed_at))
            .first(&mut *conn)
            .unwrap();
        let verified: Option<chrono::NaiveDateTime> = users::table
            .filter(users::email.eq(me))
            .select(users::email_verified_at)
            .first(&mut *conn)
            .unwrap();
        let used: i64 = user_tokens::table
            .filter(user_tokens::used_at.is_not_null())
            .count()
            .get_result(&mut *conn)
            .unwrap();
        let privacy_used: i64 = privacy_requests::table
            .filter(privacy_requests::used_at.is_not_null())
            .count()
            .get_result(&mut *conn)
            .unwrap();
        let unsubscribed: i64 = invitations::table
            .filter(invitations::unsubscribed_at.is_not_null())
            .count()
            .get_result(&mut *conn)
            .unwrap();
        format!("{reg:?} {verified:?} {used} {privacy_used} {unsubscribed}")
    };
    let before = state();
    assert!(
        before.starts_with("(\"pending\", None) None 0 0 0"),
        "{before}"
    );
    for link in &links {
        for _ in 0..2 {
            let res = Browser::new(&app).get(link).await;
            assert_eq!(res.status(), 200, "{link}");
            let html = res.text().await.unwrap();
            assert!(html.contains("method=\"post\""), "{link} offers a button");
        }
    }
    assert_eq!(state(), before, "GET changed nothing");
}
