//! The mail log: the outbox by status, retrying a failed mail through the SMTP receiver,
//! and reading `.eml` files in the browser when no SMTP server is configured.

use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::{
    TestApp,
    pages::{csrf_of, plain},
    registrations::registrant_speaking,
    spawn_app, spawn_app_with,
    staff::{api, create_session, log_in, staff},
};

async fn announce(app: &TestApp, token: &str, session: i64) {
    let res = api(
        app,
        token,
        reqwest::Method::POST,
        &format!("/api/v1/admin/sessions/{session}/announcements"),
        json!({"subject": {"fr": "Nouveau lien <b>important</b>"}, "body": {"fr": "Le lien <script>alert(1)</script> change."}}),
    )
    .await;
    assert_eq!(res.status(), 201);
}

async fn wait_for_status(app: &TestApp, token: &str, status: &str) -> Value {
    for _ in 0..200 {
        let log: Value = api(
            app,
            token,
            reqwest::Method::GET,
            &format!("/api/v1/admin/mail?status={status}"),
            json!({}),
        )
        .await
        .json()
        .await
        .unwrap();
        if log["total"].as_i64().unwrap_or(0) > 0 {
            return log;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no {status} mail");
}

#[tokio::test]
async fn a_failed_mail_is_retried_from_the_log() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    registrant_speaking(&app, session, "maire@ville.example", "fr", "confirmed");
    app.smtp.fail_permanently(1);
    announce(&app, &token, session).await;
    let log = wait_for_status(&app, &token, "failed").await;
    let mail = &log["mails"][0];
    assert_eq!(mail["recipient"], "maire@ville.example");
    assert_eq!(mail["attempts"], 1);
    assert!(
        mail["last_error"].as_str().unwrap().contains("550"),
        "{mail}"
    );
    let id = mail["id"].as_i64().unwrap();

    let orga = log_in(&app, "orga@convive.test").await;
    let list = plain(&orga.get_text("/fr/admin/mail?status=failed").await);
    assert!(list.contains("maire@ville.example") && list.contains("550"));
    let page = plain(&orga.get_text(&format!("/fr/admin/mail/{id}")).await);
    assert!(page.contains("Renvoyer ce courriel"));
    let res = orga
        .post_form(
            &format!("/fr/admin/mail/{id}/retry"),
            &[("csrf", &csrf_of(&page))],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .ends_with("retry=lifted")
    );
    let got = app.smtp.wait_for("maire@ville.example", 1).await;
    assert_eq!(got[0].subject(), "Nouveau lien <b>important</b>");
    wait_for_status(&app, &token, "sent").await;

    // A mail that did not fail cannot be retried.
    let again = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/admin/mail/{id}/retry"),
        json!({}),
    )
    .await;
    assert_eq!(again.status(), 409);
    assert_eq!(again.json::<Value>().await.unwrap()["error"], "not_failed");
    let missing = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/mail/999999/retry",
        json!({}),
    )
    .await;
    assert_eq!(missing.status(), 404);
    let mut conn = app.db.conn().unwrap();
    let audit = convive::db::admin::recent_audit(&mut conn, 10).unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.action == "mail.retry" && a.subject == format!("outbox:{id}"))
    );
}

#[tokio::test]
async fn eml_files_are_read_in_the_browser_as_text() {
    let app = spawn_app_with(|s| s.smtp_url = None).await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    registrant_speaking(&app, session, "maire@ville.example", "fr", "confirmed");
    announce(&app, &token, session).await;
    let log = wait_for_status(&app, &token, "sent").await;
    let id = log["mails"][0]["id"].as_i64().unwrap();
    let orga = log_in(&app, "orga@convive.test").await;
    let page = plain(&orga.get_text(&format!("/fr/admin/mail/{id}")).await);
    assert!(
        page.contains("Le lien &#60;script&#62;alert(1)&#60;/script&#62; change."),
        "{page}"
    );
    assert!(
        !page.contains("<script>alert(1)"),
        "the mail's content is never markup on our page"
    );
    assert!(
        page.contains("Source du message") && page.contains("Message-ID: &#60;convive.outbox.")
    );
    let list = plain(&orga.get_text("/fr/admin/mail").await);
    assert!(list.contains("fichiers .eml"), "{list}");
    let json: Value = api(
        &app,
        &token,
        reqwest::Method::GET,
        &format!("/api/v1/admin/mail/{id}"),
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert!(
        json["eml"]["text"]
            .as_str()
            .unwrap()
            .contains("Le lien <script>")
    );
    assert_eq!(json["eml"]["subject"], "Nouveau lien <b>important</b>");
}
