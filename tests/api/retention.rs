//! The retention job: personal data of registrations to sessions long past is
//! anonymised (counts stay), the content of old mail is emptied, expired privacy links
//! are deleted; recent data is left alone. And `convive backup`.

use std::process::Command;

use chrono::{Duration, Utc};
use convive::db::schema::{outbox, registrations, sessions};
use convive::services::privacy::retention::{self, Policy};
use diesel::prelude::*;

use crate::helpers::{
    postgres_url,
    registrations::{post_registration, registration, sessions_of},
    spawn_app, spawn_app_with,
};

#[tokio::test]
async fn the_retention_job_purges_old_personal_data_only() {
    let app = spawn_app().await;
    let (old, recent) = sessions_of(&app).await;
    for (session, email) in [(old, "old@example.org"), (recent, "recent@example.org")] {
        assert_eq!(
            post_registration(&app, session, &registration(email, "Someone"))
                .await
                .status(),
            202
        );
        app.smtp.wait_for(email, 1).await;
    }
    // Wait until the worker has recorded both mails as sent.
    for _ in 0..100 {
        let mut conn = app.db.conn().unwrap();
        if convive::db::outbox::count_by_status(&mut conn, "sent").unwrap() >= 2 {
            break;
        }
        drop(conn);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let now = Utc::now().naive_utc();
    let mut conn = app.db.conn().unwrap();
    // The first session took place 400 days ago; the mails were sent 100 days ago.
    diesel::update(sessions::table.find(old))
        .set(sessions::starts_at.eq(now - Duration::days(400)))
        .execute(&mut *conn)
        .unwrap();
    diesel::update(outbox::table.filter(outbox::recipient.eq("old@example.org")))
        .set(outbox::created_at.eq(now - Duration::days(100)))
        .execute(&mut *conn)
        .unwrap();

    let policy = Policy {
        registrations_days: 365,
        mail_days: 90,
    };
    let purged = retention::run(&mut conn, policy, now).unwrap();
    assert_eq!((purged.registrations, purged.mails), (1, 1));
    let again = retention::run(&mut conn, policy, now).unwrap();
    assert!(again.is_empty(), "nothing left to purge: {again:?}");

    let rows: Vec<(i64, String, String, String)> = registrations::table
        .order(registrations::session_id.eq(old).desc())
        .select((
            registrations::session_id,
            registrations::email,
            registrations::full_name,
            registrations::country,
        ))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(rows.len(), 2, "the count stays");
    assert_eq!(rows[0].0, old);
    assert!(rows[0].1.ends_with("@erased.invalid"), "{rows:?}");
    assert_eq!(rows[0].2, "");
    assert_eq!(rows[0].3, "TN", "what counts keep");
    assert_eq!(rows[1].1, "recent@example.org", "recent data untouched");
    let mails: Vec<(String, String)> = outbox::table
        .order(outbox::id)
        .select((outbox::recipient, outbox::payload))
        .load(&mut *conn)
        .unwrap();
    assert!(mails.contains(&(String::new(), "{}".to_owned())));
    assert!(
        mails
            .iter()
            .any(|(r, p)| r == "recent@example.org" && p.len() > 2)
    );

    // A period of 0 keeps everything.
    diesel::update(sessions::table.find(recent))
        .set(sessions::starts_at.eq(now - Duration::days(4000)))
        .execute(&mut *conn)
        .unwrap();
    let keep = Policy {
        registrations_days: 0,
        mail_days: 0,
    };
    assert!(retention::run(&mut conn, keep, now).unwrap().is_empty());
}

#[tokio::test]
async fn the_worker_runs_the_retention_job_with_the_configured_period() {
    // Registrations of a session 10 days past, with a 5-day period.
    let app = spawn_app_with(|s| s.retention_days = 5).await;
    let (session, _) = sessions_of(&app).await;
    post_registration(&app, session, &registration("w@example.org", "W")).await;
    {
        let mut conn = app.db.conn().unwrap();
        diesel::update(sessions::table.find(session))
            .set(sessions::starts_at.eq(Utc::now().naive_utc() - Duration::days(10)))
            .execute(&mut *conn)
            .unwrap();
    }
    // The worker runs the job at start, then hourly: call its entry point.
    let worker = convive::jobs::Worker::from_settings(&app.settings, app.db.clone()).unwrap();
    worker.run_retention().await;
    let mut conn = app.db.conn().unwrap();
    let email: String = registrations::table
        .select(registrations::email)
        .first(&mut *conn)
        .unwrap();
    assert!(email.ends_with("@erased.invalid"), "{email}");
}

fn convive_bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_convive"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("CONVIVE_LOG", "error");
    cmd
}

#[tokio::test]
async fn backup_copies_a_live_sqlite_database_while_it_is_written() {
    if postgres_url().is_some() {
        // The PostgreSQL run checks the refusal instead.
        let out = convive_bin()
            .env("DATABASE_URL", postgres_url().unwrap())
            .args(["backup", "/tmp/never-written.db"])
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("pg_dump"), "{err}");
        return;
    }
    let app = spawn_app_with(|s| s.rate_limits = convive::settings::RateLimits::Off).await;
    let (_, session) = sessions_of(&app).await;
    // Writers keep registering while the copies are made.
    let writer = {
        let client = app.client.clone();
        let url = app.url(&format!("/api/v1/sessions/{session}/registrations"));
        tokio::spawn(async move {
            let mut ok = 0;
            for i in 0..400 {
                let res = client
                    .post(&url)
                    .json(&registration(&format!("w{i}@example.org"), "Writer"))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(res.status(), 202);
                ok += 1;
            }
            ok
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let dir = tempfile::tempdir().unwrap();
    let mut copies = vec![];
    for n in 0..3 {
        let path = dir.path().join(format!("copy{n}.db"));
        let data_dir = app.data_dir.clone();
        let p = path.clone();
        let out = tokio::task::spawn_blocking(move || {
            convive_bin()
                .env("CONVIVE_DATA_DIR", &data_dir)
                .arg("backup")
                .arg(&p)
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("copied"));
        copies.push(path);
    }
    assert_eq!(writer.await.unwrap(), 400);

    let mut counts = vec![];
    for path in &copies {
        let mut conn = SqliteConnection::establish(path.to_str().unwrap()).unwrap();
        #[derive(QueryableByName)]
        struct Check {
            #[diesel(sql_type = diesel::sql_types::Text)]
            integrity_check: String,
        }
        let check: Check = diesel::sql_query("PRAGMA integrity_check")
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(check.integrity_check, "ok");
        let regs: i64 = registrations::table.count().get_result(&mut conn).unwrap();
        // Every registration in the copy has its confirmation mail (one transaction).
        let mails: i64 = outbox::table
            .filter(outbox::kind.eq("registration_confirm"))
            .count()
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(regs, mails);
        let webinars: i64 = convive::db::schema::webinars::table
            .count()
            .get_result(&mut conn)
            .unwrap();
        assert_eq!(webinars, 5, "seed content copied");
        counts.push(regs);
    }
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
    assert!(counts[0] < 400, "copied while writes went on: {counts:?}");

    // An existing file is never overwritten.
    let out = convive_bin()
        .env("CONVIVE_DATA_DIR", &app.data_dir)
        .arg("backup")
        .arg(&copies[0])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
}
