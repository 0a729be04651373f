//! Privacy (GDPR) as a person uses it: the notice in each language, the version recorded
//! with consent, a mailed link to export or erase one's data, and the API equivalents.

use convive::db::schema::{outbox, registrations, sessions, suppressions, users};
use convive::db::suppressions::email_hash;
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::helpers::{
    TestApp,
    pages::{csrf_of, plain},
    registrations::{confirm, post_registration, registration, sessions_of},
    spawn_app,
    visitor::{Browser, first_module},
};

/// Registers and confirms from the mailed link.
async fn register_confirmed(app: &TestApp, session: i64, email: &str) {
    let before = app.smtp.to(email).len();
    assert_eq!(
        post_registration(app, session, &registration(email, "Amina Benali"))
            .await
            .status(),
        202
    );
    let mail = app.smtp.wait_for(email, before + 1).await;
    let link = mail
        .last()
        .unwrap()
        .link_containing("/registrations/confirm/")
        .unwrap();
    confirm(app, link.rsplit('/').next().unwrap()).await;
}

/// Waits for the mail with this subject (other mails to the address may come later
/// or earlier: the worker sends in any order).
async fn mail_with_subject(
    app: &TestApp,
    to: &str,
    subject: &str,
) -> crate::helpers::smtp::ReceivedMail {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if let Some(m) = app.smtp.to(to).into_iter().find(|m| m.subject() == subject) {
            return m;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no mail {subject:?} to {to}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

fn token_from(mail: &crate::helpers::smtp::ReceivedMail) -> String {
    mail.link_containing("/privacy/manage/")
        .expect("privacy link in the mail")
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_notice_exists_in_each_language_and_its_version_is_the_consent_recorded() {
    let app = spawn_app().await;
    for (lang, title) in [
        ("fr", "Politique de confidentialité"),
        ("en", "Privacy notice"),
        ("ar", "سياسة الخصوصية"),
    ] {
        let html = plain(&app.get_text(&format!("/{lang}/privacy")).await);
        assert!(html.contains(title), "{lang}");
        assert!(html.contains("2026-11"), "{lang}: version shown");
        assert!(html.contains(&format!("/{lang}/privacy/request")));
        // Every page links to it from the footer, and the consent boxes do too.
        let home = app.get_text(&format!("/{lang}/")).await;
        assert!(
            home.contains(&format!(r#"href="/{lang}/privacy""#)),
            "{lang}"
        );
    }
    let en = plain(&app.get_text("/en/privacy").await);
    assert!(en.contains("anonymised 365 days after the session"), "{en}");
    assert!(en.contains("erased 90 days after sending"));
    let (session, _) = sessions_of(&app).await;
    let form = app
        .get_text(&format!("/fr/sessions/{session}/register"))
        .await;
    assert!(
        form.contains(r#"href="/fr/privacy""#),
        "registration consent"
    );
    let signup = app.get_text("/ar/account/signup").await;
    assert!(signup.contains(r#"href="/ar/privacy""#), "sign-up consent");

    assert_eq!(
        post_registration(&app, session, &registration("v@example.org", "Vera"))
            .await
            .status(),
        202
    );
    let mut conn = app.db.conn().unwrap();
    let version: String = registrations::table
        .filter(registrations::email.eq("v@example.org"))
        .select(registrations::consent_version)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(version, convive::domain::consent::NOTICE_VERSION);
}

#[tokio::test]
async fn export_then_erase_from_the_mailed_link() {
    let app = spawn_app().await;
    let (small, other) = sessions_of(&app).await;
    let me = "amina@ville-sfax.tn";
    // A registration (confirmed, holding one of two seats), someone waiting behind,
    // and a learner account with progress under the same address.
    register_confirmed(&app, small, me).await;
    register_confirmed(&app, small, "second@example.org").await;
    register_confirmed(&app, small, "waiting@example.org").await;
    assert_eq!(
        post_registration(&app, other, &registration(me, "Amina Benali"))
            .await
            .status(),
        202
    );
    let learner = Browser::new(&app);
    learner.sign_up(me, "Amina Benali", "fr").await;
    let (_, lessons) = first_module(&app).await;
    learner.report(lessons[0], json!([[0, 20]]), 20.0).await;

    // Asking: the same answer for a known and an unknown address; only the known
    // one gets mail.
    let b = Browser::new(&app);
    let mut answers = vec![];
    for email in [me, "nobody@example.org"] {
        let csrf = b.csrf("/fr/privacy/request").await;
        let res = b
            .post_form("/fr/privacy/request", &[("csrf", &csrf), ("email", email)])
            .await;
        assert_eq!(res.status(), 200);
        answers.push(plain(&res.text().await.unwrap()));
    }
    assert_eq!(answers[0], answers[1], "no enumeration");
    assert!(answers[0].contains("Consultez votre messagerie"));
    let mail = mail_with_subject(&app, me, "Vos données sur Convive").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(app.smtp.to("nobody@example.org").is_empty());
    let token = token_from(&mail);
    {
        // Only the token's hash is kept; the sent mail's payload no longer holds it.
        let mut conn = app.db.conn().unwrap();
        let stored: Vec<String> = convive::db::schema::privacy_requests::table
            .select(convive::db::schema::privacy_requests::token_hash)
            .load(&mut *conn)
            .unwrap();
        assert_eq!(stored, vec![convive::secrets::tokens::hash(&token)]);
        let mut checked = false;
        for _ in 0..200 {
            let payloads: Vec<(String, String)> = outbox::table
                .filter(outbox::kind.eq("privacy_link"))
                .select((outbox::status, outbox::payload))
                .load(&mut *conn)
                .unwrap();
            if payloads.iter().all(|(s, _)| s == "sent") {
                assert!(
                    payloads.iter().all(|(_, p)| !p.contains(&token)),
                    "{payloads:?}"
                );
                checked = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(checked, "the privacy mail is recorded as sent");
    }

    // The link opens a page; opening it changes nothing.
    let page = b.get_text(&format!("/fr/privacy/manage/{token}")).await;
    assert!(page.contains("Télécharger mes données"));
    let res = b
        .post_form(
            &format!("/fr/privacy/manage/{token}/export"),
            &[("csrf", &csrf_of(&page))],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let data: Value = res.json().await.unwrap();
    assert_eq!(data["account"]["email"], me);
    assert_eq!(data["account"]["consent_version"], "2026-11");
    assert_eq!(data["registrations"].as_array().unwrap().len(), 2);
    assert_eq!(data["registrations"][0]["full_name"], "Amina Benali");
    assert_eq!(data["registrations"][0]["status"], "confirmed");
    assert_eq!(data["progress"][0]["lesson_id"], lessons[0]);
    assert!(data["mails"].as_array().unwrap().len() >= 4);
    assert!(
        !data.to_string().contains(&token),
        "the export holds no link token"
    );

    // Erasure needs the box ticked, then anonymises, deletes and suppresses.
    let res = b
        .post_form(
            &format!("/fr/privacy/manage/{token}/erase"),
            &[("csrf", &csrf_of(&page))],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Cochez cette case"));
    let res = b
        .post_form(
            &format!("/fr/privacy/manage/{token}/erase"),
            &[("csrf", &csrf_of(&html)), ("confirm", "on")],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(plain(&res.text().await.unwrap()).contains("Vos données ont été effacées"));

    let mut conn = app.db.conn().unwrap();
    let rows: Vec<(String, String, String)> = registrations::table
        .filter(registrations::session_id.eq_any([small, other]))
        .select((
            registrations::email,
            registrations::full_name,
            registrations::status,
        ))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(rows.len(), 4, "counts stay: {rows:?}");
    assert!(rows.iter().all(|(e, _, _)| e != me));
    let erased: Vec<_> = rows
        .iter()
        .filter(|(e, _, _)| e.ends_with("@erased.invalid"))
        .collect();
    assert_eq!(erased.len(), 2);
    assert!(
        erased
            .iter()
            .all(|(_, n, s)| n.is_empty() && s == "cancelled")
    );
    // The freed seat went to the person waiting.
    let waiting: String = registrations::table
        .filter(registrations::email.eq("waiting@example.org"))
        .select(registrations::status)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(waiting, "confirmed");
    let confirmed: i32 = sessions::table
        .find(small)
        .select(sessions::confirmed_count)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(confirmed, 2);
    let accounts: i64 = users::table
        .filter(users::email.eq(me))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(accounts, 0, "account deleted");
    let progress: i64 = convive::db::schema::lesson_progress::table
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(progress, 0, "progress deleted");
    let mailed: i64 = outbox::table
        .filter(outbox::recipient.eq(me))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(mailed, 0, "no mail row keeps the address");
    let suppressed: Vec<(String, String)> = suppressions::table
        .select((suppressions::email_hash, suppressions::reason))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(suppressed, vec![(email_hash(me), "erasure".to_owned())]);
    drop(conn);

    // The link is spent; the old manage links are dead too.
    let res = b.get(&format!("/fr/privacy/manage/{token}")).await;
    assert_eq!(res.status(), 400);
    assert!(plain(&res.text().await.unwrap()).contains("Ce lien ne fonctionne plus"));
    // Asking again: nothing is held any more, so nothing is mailed.
    let sent_before = app.smtp.to(me).len();
    let csrf = b.csrf("/fr/privacy/request").await;
    b.post_form("/fr/privacy/request", &[("csrf", &csrf), ("email", me)])
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.smtp.to(me).len(), sent_before);
}

#[tokio::test]
async fn the_api_exports_and_erases_with_the_mailed_token() {
    let app = spawn_app().await;
    let (_, other) = sessions_of(&app).await;
    let me = "api-user@example.org";
    assert_eq!(
        post_registration(&app, other, &registration(me, "Api User"))
            .await
            .status(),
        202
    );
    let post = |path: &'static str, body: Value| {
        let req = app.client.post(app.url(path)).json(&body);
        async move { req.send().await.unwrap() }
    };
    let res = post(
        "/api/v1/privacy/requests",
        json!({"email": me, "locale": "en"}),
    )
    .await;
    assert_eq!(res.status(), 202);
    let unknown = post(
        "/api/v1/privacy/requests",
        json!({"email": "x@example.org"}),
    )
    .await;
    assert_eq!(unknown.status(), 202);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        unknown.json::<Value>().await.unwrap()
    );
    let bad = post("/api/v1/privacy/requests", json!({"email": "nope"})).await;
    assert_eq!(bad.status(), 422);
    assert_eq!(bad.json::<Value>().await.unwrap()["error"], "validation");

    let mail = mail_with_subject(&app, me, "Your data on Convive").await;
    let token = token_from(&mail);
    let res = post("/api/v1/privacy/export", json!({ "token": token })).await;
    assert_eq!(res.status(), 200);
    let data: Value = res.json().await.unwrap();
    assert_eq!(data["registrations"][0]["email"], me);
    assert!(data["account"].is_null());

    let res = post("/api/v1/privacy/erase", json!({ "token": token })).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["erasure"]["registrations_anonymised"], 1);
    let again = post("/api/v1/privacy/erase", json!({ "token": token })).await;
    assert_eq!(again.status(), 400);
    assert_eq!(
        again.json::<Value>().await.unwrap()["error"],
        "invalid_token"
    );
    let junk = post("/api/v1/privacy/export", json!({ "token": "../../etc" })).await;
    assert_eq!(junk.status(), 400);
    let doc = app.get_json("/api/v1/openapi.json").await;
    for path in ["requests", "export", "erase"] {
        assert!(
            doc["paths"][format!("/api/v1/privacy/{path}")]["post"].is_object(),
            "{path} documented"
        );
    }
}

#[tokio::test]
async fn links_expire_and_requests_are_rate_limited() {
    let app = spawn_app().await;
    let (_, other) = sessions_of(&app).await;
    let me = "late@example.org";
    post_registration(&app, other, &registration(me, "Late")).await;
    let req = |email: &str| {
        app.client
            .post(app.url("/api/v1/privacy/requests?lang=fr"))
            .json(&json!({ "email": email }))
            .send()
    };
    assert_eq!(req(me).await.unwrap().status(), 202);
    let token = token_from(&mail_with_subject(&app, me, "Vos données sur Convive").await);
    {
        let mut conn = app.db.conn().unwrap();
        use convive::db::schema::privacy_requests as p;
        diesel::update(p::table)
            .set(p::expires_at.eq(chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1)))
            .execute(&mut *conn)
            .unwrap();
    }
    let res = app.get(&format!("/en/privacy/manage/{token}")).await;
    assert_eq!(res.status(), 400);
    assert!(plain(&res.text().await.unwrap()).contains("This link no longer works"));

    // Five requests a minute per address: the sixth gets a localised 429.
    let mut last = None;
    for _ in 0..5 {
        last = Some(req(me).await.unwrap().status());
    }
    assert_eq!(last, Some(reqwest::StatusCode::TOO_MANY_REQUESTS));
    let res = req("someone-else@example.org").await.unwrap();
    assert_eq!(res.status(), 429, "and per client address");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "rate_limited");
    assert!(body["message"].as_str().unwrap().contains("Trop de"));
}
