use std::collections::HashSet;
use std::net::TcpListener;
use std::process::Command;
use std::time::Duration;

use convive::db::outbox;
use convive::domain::{EmailAddress, Locale};
use convive::mail::MailKind;
use convive::mail::kinds::enqueue;

use crate::helpers::{TestApp, postgres_url, smtp::SmtpReceiver, spawn_app, spawn_app_with};

fn queue_test_mail(app: &TestApp, to: &str, locale: Locale) {
    let mut conn = app.db.conn().unwrap();
    enqueue(
        &mut conn,
        &EmailAddress::parse(to).unwrap(),
        locale,
        &MailKind::Test,
    )
    .unwrap();
}

fn count(app: &TestApp, status: &str) -> i64 {
    outbox::count_by_status(&mut app.db.conn().unwrap(), status).unwrap()
}

#[tokio::test]
async fn a_queued_mail_arrives_in_the_recipients_language() {
    let app = spawn_app().await;
    queue_test_mail(&app, "amina@sfax.example", Locale::Ar);
    let mail = &app.smtp.wait_for("amina@sfax.example", 1).await[0];
    assert_eq!(mail.subject(), "رسالة اختبار من Convive");
    assert!(mail.html().contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(mail.text().contains("Convive"));
    assert!(mail.message_id().starts_with("convive.outbox."));
    assert_eq!(
        mail.header("Auto-Submitted").as_deref(),
        Some("auto-generated")
    );
    assert!(mail.header("Date").is_some());
    wait_until(|| count(&app, "sent") == 1).await;
}

/// The worker records a batch after sending it: wait for the record.
async fn wait_until(check: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !check() {
        assert!(
            std::time::Instant::now() < deadline,
            "condition not reached"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn temporary_failures_are_retried_and_delivered_once() {
    let app = spawn_app().await;
    app.smtp.fail_temporarily(2);
    queue_test_mail(&app, "youssef@fes.example", Locale::Fr);
    let got = app.smtp.wait_for("youssef@fes.example", 1).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        app.smtp.to("youssef@fes.example").len(),
        1,
        "delivered exactly once"
    );
    assert_eq!(got[0].subject(), "Message de test de Convive");
    wait_until(|| count(&app, "sent") == 1).await;
    let mut conn = app.db.conn().unwrap();
    let (status, error) = outbox::latest_for(&mut conn, "youssef@fes.example").unwrap();
    assert_eq!(status, "sent");
    assert!(
        error.unwrap().contains("451"),
        "the last temporary error is kept"
    );
}

#[tokio::test]
async fn a_permanent_failure_marks_failed_and_suppresses_the_address() {
    let app = spawn_app().await;
    queue_test_mail(&app, "bounce-me@nowhere.example", Locale::En);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while count(&app, "failed") == 0 {
        assert!(std::time::Instant::now() < deadline, "row never failed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut conn = app.db.conn().unwrap();
    let reason = convive::db::suppressions::reason(&mut conn, "bounce-me@nowhere.example").unwrap();
    assert_eq!(reason.as_deref(), Some("bounce"));
    drop(conn);
    // The next mail to that address is never attempted.
    queue_test_mail(&app, "bounce-me@nowhere.example", Locale::En);
    while count(&app, "failed") < 2 {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut conn = app.db.conn().unwrap();
    let (_, error) = outbox::latest_for(&mut conn, "bounce-me@nowhere.example").unwrap();
    assert!(error.unwrap().contains("suppressed"));
    assert_eq!(
        count(&app, "queued") + count(&app, "sending"),
        0,
        "nothing left behind"
    );
}

#[tokio::test]
async fn mail_queued_during_an_outage_is_delivered_once_when_smtp_returns() {
    // Reserve a port, then free it: connections are refused until the receiver starts.
    let probe = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = probe.local_addr().unwrap().port();
    drop(probe);
    let app = spawn_app_with(|s| s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    for i in 0..20 {
        queue_test_mail(&app, &format!("official{i}@outage.example"), Locale::En);
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(count(&app, "sent"), 0);
    assert_eq!(
        count(&app, "failed"),
        0,
        "refused connections are temporary"
    );

    let receiver = SmtpReceiver::start_on(TcpListener::bind(("127.0.0.1", port)).unwrap());
    let got = receiver.wait_for_total(20, Duration::from_secs(30)).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let got_after = receiver.messages();
    assert_eq!(got.len(), 20);
    assert_eq!(got_after.len(), 20, "no duplicates");
    let ids: HashSet<String> = got_after.iter().map(|m| m.message_id()).collect();
    assert_eq!(ids.len(), 20);
}

#[tokio::test]
async fn two_workers_never_send_the_same_row() {
    let app = spawn_app_with(|s| s.smtp_url = None).await;
    let receiver = SmtpReceiver::start();
    let mut settings = app.settings.clone();
    settings.smtp_url = Some(receiver.url());
    for i in 0..300 {
        queue_test_mail(&app, &format!("p{i}@race.example"), Locale::Fr);
    }
    // Two extra workers on the same database, racing each other and the app's own.
    let a = convive::mail::mailer(&settings, app.db.clone()).unwrap();
    let b = convive::mail::mailer(&settings, app.db.clone()).unwrap();
    let (ra, rb) = tokio::join!(
        async { while a.process_batch().await.unwrap() > 0 {} },
        async { while b.process_batch().await.unwrap() > 0 {} },
    );
    let _ = (ra, rb);
    wait_until(|| count(&app, "sent") == 300).await;
    let eml = std::fs::read_dir(app.data_dir.join("mail"))
        .map(|d| d.count())
        .unwrap_or(0);
    let total = receiver.messages().len() + eml;
    assert_eq!(total, 300, "each row sent exactly once across workers");
    assert_eq!(count(&app, "sent"), 300);
}

#[tokio::test]
async fn a_row_left_by_a_dead_worker_is_picked_up_again() {
    let app = spawn_app().await;
    queue_test_mail(&app, "lease@expired.example", Locale::En);
    // Simulate a worker that claimed the row and died: lease already over.
    {
        use convive::db::schema::outbox::dsl::*;
        use diesel::prelude::*;
        let mut conn = app.db.conn().unwrap();
        let past = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(5);
        diesel::update(outbox.filter(recipient.eq("lease@expired.example")))
            .set((status.eq("sending"), locked_until.eq(Some(past))))
            .execute(&mut *conn)
            .unwrap();
    }
    app.smtp.wait_for("lease@expired.example", 1).await;
}

#[test]
fn mail_test_command_writes_a_readable_eml_without_smtp() {
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_convive"));
    cmd.env_clear()
        .env("CONVIVE_DATA_DIR", tmp.path())
        .env("CONVIVE_LOG", "error");
    if let Some(url) = postgres_url() {
        // Keep the command on SQLite: this test is about the transport.
        let _ = url;
    }
    let out = cmd
        .args(["mail", "test", "--to", "me@example.org", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<_> = std::fs::read_dir(tmp.path().join("mail"))
        .unwrap()
        .collect();
    assert_eq!(files.len(), 1);
    let raw = std::fs::read(files[0].as_ref().unwrap().path()).unwrap();
    let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert_eq!(parsed.subject(), Some("Convive test message"));
    assert_eq!(
        parsed.to().unwrap().first().unwrap().address(),
        Some("me@example.org")
    );
}

#[test]
fn mail_test_command_sends_through_smtp() {
    let receiver = SmtpReceiver::start();
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_convive"))
        .env_clear()
        .env("CONVIVE_DATA_DIR", tmp.path())
        .env("CONVIVE_LOG", "error")
        .env("CONVIVE_SMTP_URL", receiver.url())
        .args(["mail", "test", "--to", "elu@tunis.example", "--lang", "fr"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = receiver.to("elu@tunis.example");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].subject(), "Message de test de Convive");
}
