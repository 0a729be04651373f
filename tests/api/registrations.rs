use std::time::Duration;

use convive::db::schema::{registrations, sessions};
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::helpers::{
    registrations::{
        confirm, last_segment, queued_to, register, register_and_get_token, small_session,
        status_of,
    },
    spawn_app, spawn_app_with,
};

#[tokio::test]
async fn register_confirm_from_the_mail_see_the_join_link_and_cancel() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    let token = register_and_get_token(&app, session, "amina@sfax.example", "ar").await;
    let request = &app.smtp.to("amina@sfax.example")[0];
    assert!(
        request.subject().starts_with("أكّد تسجيلك"),
        "{}",
        request.subject()
    );
    assert!(request.html().contains(r#"dir="rtl""#));

    // Opening the link only shows a button: a mail scanner confirms nothing.
    let page = app
        .get_text(&format!("/ar/registrations/confirm/{token}"))
        .await;
    assert!(page.contains("<form method=\"post\""));
    assert_eq!(status_of(&app, "amina@sfax.example"), "pending");

    let confirmed = confirm(&app, &token).await;
    assert_eq!(confirmed["status"], "confirmed");
    assert_eq!(
        confirm(&app, &token).await["status"],
        "confirmed",
        "idempotent"
    );

    let mails = app.smtp.wait_for("amina@sfax.example", 2).await;
    let mail = &mails[1];
    let ics = mail
        .attachment("text/calendar")
        .expect("calendar invitation");
    assert!(ics.contains("METHOD:REQUEST") && ics.contains("BEGIN:VALARM"));
    let uid = ics
        .lines()
        .find(|l| l.starts_with("UID:"))
        .unwrap()
        .to_owned();
    assert!(mail.text().contains("calendar.google.com"));
    let manage = last_segment(
        &mail
            .link_containing("/registrations/")
            .unwrap_or_else(|| panic!("{}", mail.text())),
    );
    let join = mail.link_containing("/join/").expect("join link");

    let view = app
        .get_json(&format!("/api/v1/registrations/{manage}"))
        .await;
    assert_eq!(view["status"], "confirmed");
    assert_eq!(view["join_url"].as_str().unwrap(), join);
    let html = app.get_text(&format!("/ar/registrations/{manage}")).await;
    assert!(html.contains(&join));

    let res = app.client.get(&join).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("https://meet.example.org/")
    );

    let res = app
        .client
        .delete(app.url(&format!("/api/v1/registrations/{manage}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let mails = app.smtp.wait_for("amina@sfax.example", 3).await;
    let cancel = mails[2].attachment("text/calendar").unwrap();
    assert!(cancel.contains("METHOD:CANCEL"));
    assert!(
        cancel.contains(&uid),
        "the cancellation names the same event"
    );
    let view = app
        .get_json(&format!("/api/v1/registrations/{manage}"))
        .await;
    assert_eq!(view["status"], "cancelled");
    assert!(view.get("join_url").is_none());
    assert_eq!(
        app.client.get(&join).send().await.unwrap().status(),
        404,
        "join link dead after cancel"
    );
}

#[tokio::test]
async fn registering_twice_answers_the_same_and_mails_again() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    let a = register(&app, session, "twice@example.org", "en").await;
    let b = register(&app, session, "twice@example.org", "en").await;
    assert_eq!(
        (a.status(), b.status()),
        (reqwest::StatusCode::ACCEPTED, reqwest::StatusCode::ACCEPTED)
    );
    assert_eq!(a.text().await.unwrap(), b.text().await.unwrap());
    assert_eq!(
        queued_to(&app, "twice@example.org"),
        1,
        "a double submit mails once"
    );
    // Later (past the double-submit window), registering again mails again.
    {
        let mut conn = app.db.conn().unwrap();
        let past = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(5);
        diesel::update(registrations::table.filter(registrations::email.eq("twice@example.org")))
            .set(registrations::request_mailed_at.eq(Some(past)))
            .execute(&mut *conn)
            .unwrap();
    }
    assert_eq!(
        register(&app, session, "twice@example.org", "en")
            .await
            .status(),
        202
    );
    app.smtp.wait_for("twice@example.org", 2).await;
    let mut conn = app.db.conn().unwrap();
    let rows: i64 = registrations::table
        .filter(registrations::email.eq("twice@example.org"))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(rows, 1);
}

#[tokio::test]
async fn bad_input_gets_localised_field_errors() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    let res = app
        .client
        .post(app.url(&format!("/api/v1/sessions/{session}/registrations?lang=fr")))
        .json(&json!({ "full_name": "", "email": "nope", "consent": false, "country": "ZZ" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "validation");
    assert_eq!(
        body["fields"]["email"],
        "Saisissez une adresse e-mail comme nom@exemple.org."
    );
    assert_eq!(
        body["fields"]["consent"],
        "Votre accord est nécessaire pour vous inscrire."
    );
    assert!(body["fields"]["country"].is_string());
    let res = app
        .client
        .post(app.url(&format!("/api/v1/sessions/{session}/registrations")))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(
        register(&app, 999_999, "x@example.org", "fr")
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn a_full_session_waitlists_and_a_cancellation_promotes_in_order() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    let mut manage = vec![];
    for (i, who) in ["a@w.example", "b@w.example", "c@w.example", "d@w.example"]
        .iter()
        .enumerate()
    {
        let token = register_and_get_token(&app, session, who, "fr").await;
        let c = confirm(&app, &token).await;
        if i < 2 {
            assert_eq!(c["status"], "confirmed");
        } else {
            assert_eq!(c["status"], "waitlisted");
            assert_eq!(c["waitlist_position"], (i - 1) as i64);
        }
        let mails = app.smtp.wait_for(who, 2).await;
        if i >= 2 {
            assert!(
                mails[1]
                    .subject()
                    .starts_with("Vous êtes sur liste d’attente")
            );
        }
        manage.push(last_segment(
            &mails[1].link_containing("/registrations/").unwrap(),
        ));
    }
    let s = app.get_json(&format!("/api/v1/sessions/{session}")).await;
    assert_eq!(s["seats_left"], 0);
    // b cancels: c (first in line) is promoted and told; d moves up.
    app.client
        .delete(app.url(&format!("/api/v1/registrations/{}", manage[1])))
        .send()
        .await
        .unwrap();
    let mails = app.smtp.wait_for("c@w.example", 3).await;
    assert!(
        mails[2]
            .subject()
            .starts_with("Une place s’est libérée pour vous"),
        "{}",
        mails[2].subject()
    );
    assert!(mails[2].attachment("text/calendar").is_some());
    assert_eq!(status_of(&app, "c@w.example"), "confirmed");
    let d = app
        .get_json(&format!("/api/v1/registrations/{}", manage[3]))
        .await;
    assert_eq!(d["waitlist_position"], 1);
}

#[tokio::test]
async fn concurrent_confirmations_never_overbook() {
    let app = spawn_app_with(|s| s.rate_limits = convive::settings::RateLimits::Off).await;
    let session = small_session(&app).await;
    let mut tokens = vec![];
    for i in 0..40 {
        tokens.push(
            register_and_get_token(&app, session, &format!("rush{i}@example.org"), "en").await,
        );
    }
    let results = futures_util::future::join_all(tokens.iter().map(|t| confirm(&app, t))).await;
    let confirmed = results
        .iter()
        .filter(|r| r["status"] == "confirmed")
        .count();
    let waitlisted = results
        .iter()
        .filter(|r| r["status"] == "waitlisted")
        .count();
    assert_eq!((confirmed, waitlisted), (2, 38));
    let mut conn = app.db.conn().unwrap();
    let count: i32 = sessions::table
        .find(session)
        .select(sessions::confirmed_count)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(count, 2);
}

#[tokio::test]
async fn the_html_form_keeps_what_was_typed_and_explains_errors() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    let page = app
        .get_text(&format!("/fr/sessions/{session}/register"))
        .await;
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let form = [
        ("csrf", csrf.as_str()),
        ("full_name", "Youssef El Amrani"),
        ("email", "youssef@fes.example"),
        ("organisation", "Commune de Fès"),
        ("function", "civil_servant"),
        ("territory", "Fès"),
        ("country", "MA"),
        ("locale", "fr"),
        ("timezone", "Africa/Casablanca"),
    ];
    let res = app
        .client
        .post(app.url(&format!("/fr/sessions/{session}/register")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Votre accord est nécessaire pour vous inscrire."));
    assert!(
        html.contains("value=\"Youssef El Amrani\"") && html.contains("value=\"Commune de Fès\"")
    );
    assert!(html.contains("<option value=\"MA\" selected>"));

    let mut with_consent = form.to_vec();
    with_consent.push(("consent", "on"));
    let res = app
        .client
        .post(app.url(&format!("/fr/sessions/{session}/register")))
        .form(&with_consent)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Consultez votre messagerie")
    );
    app.smtp.wait_for("youssef@fes.example", 1).await;

    let mut no_csrf = with_consent.clone();
    no_csrf[0] = ("csrf", "forged");
    let res = app
        .client
        .post(app.url(&format!("/fr/sessions/{session}/register")))
        .form(&no_csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn registration_is_rate_limited_with_a_localised_answer() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    let mut last = None;
    for i in 0..12 {
        last = Some(register(&app, session, &format!("spam{i}@example.org"), "en").await);
    }
    let res = last.unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn reminders_go_out_once_before_the_session() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    let token = register_and_get_token(&app, session, "remind@example.org", "en").await;
    confirm(&app, &token).await;
    app.smtp.wait_for("remind@example.org", 2).await;
    {
        let mut conn = app.db.conn().unwrap();
        let soon = chrono::Utc::now().naive_utc() + chrono::Duration::minutes(45);
        diesel::update(sessions::table.find(session))
            .set(sessions::starts_at.eq(soon))
            .execute(&mut *conn)
            .unwrap();
        let now = chrono::Utc::now().naive_utc();
        assert_eq!(
            convive::services::registrations::reminders::queue_due_reminders(&mut conn, now)
                .unwrap(),
            1
        );
        assert_eq!(
            convive::services::registrations::reminders::queue_due_reminders(&mut conn, now)
                .unwrap(),
            0
        );
    }
    let mails = app.smtp.wait_for("remind@example.org", 3).await;
    assert!(mails[2].subject().starts_with("Reminder:"));
    assert!(mails[2].link_containing("/join/").is_some());
    tokio::time::sleep(Duration::from_millis(200)).await;
}
