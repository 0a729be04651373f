//! Faults: a locked or full SQLite database, PostgreSQL connections cut, an SMTP server
//! that accepts and never answers. Each gives a localised 503 (or a retry), never a 500
//! nor a half-written registration, and everything works again once the fault clears.

use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use convive::db::DbConnection;
use convive::db::schema::{outbox, registrations};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use serde_json::Value;

use crate::helpers::{
    TestApp, postgres_url,
    registrations::{registration, sessions_of},
    smtp::SmtpReceiver,
    spawn_app_with,
};

fn no_limits(s: &mut convive::settings::Settings) {
    s.rate_limits = convive::settings::RateLimits::Off;
}

fn count_registrations(app: &TestApp, email_like: &str) -> (i64, i64) {
    let mut conn = app.db.conn().unwrap();
    let regs = registrations::table
        .filter(registrations::email.like(email_like))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    let mails = outbox::table
        .filter(outbox::recipient.like(email_like))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    (regs, mails)
}

async fn register_as(app: &TestApp, session: i64, email: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/sessions/{session}/registrations?lang=fr")))
        .json(&registration(email, "Fatima Zahra"))
        .send()
        .await
        .unwrap()
}

async fn assert_localised_503(res: reqwest::Response) {
    assert_eq!(res.status(), 503);
    assert!(res.headers().contains_key("retry-after"));
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "unavailable");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("momentanément indisponible"),
        "{body}"
    );
}

#[tokio::test]
async fn a_locked_sqlite_database_gives_a_503_then_works_again() {
    if postgres_url().is_some() {
        return;
    }
    let app = spawn_app_with(no_limits).await;
    let (_, session) = sessions_of(&app).await;
    // Another process holds the write lock for longer than the busy timeout (5 s).
    let path = app.data_dir.join("convive.db");
    let mut locker = SqliteConnection::establish(path.to_str().unwrap()).unwrap();
    // Waits for the server's own writer (mail worker, start-up jobs) if it holds the lock now.
    locker
        .batch_execute("PRAGMA busy_timeout = 5000; BEGIN IMMEDIATE")
        .unwrap();
    let started = Instant::now();
    let res = register_as(&app, session, "locked@example.org").await;
    assert!(started.elapsed() >= Duration::from_secs(4), "waited first");
    assert_localised_503(res).await;
    // Reading still works while the writer holds the lock (WAL).
    assert_eq!(app.get("/fr/webinars").await.status(), 200);
    // The form gets a page in its language (Arabic, right to left).
    let browser = crate::helpers::visitor::Browser::new(&app);
    let form = browser
        .get_text(&format!("/ar/sessions/{session}/register"))
        .await;
    let res = browser
        .post_form(
            &format!("/ar/sessions/{session}/register"),
            &[
                ("csrf", crate::helpers::pages::csrf_of(&form).as_str()),
                ("full_name", "Fatima Zahra"),
                ("email", "locked-form@example.org"),
                ("organisation", "Commune de Fès"),
                ("function", "civil_servant"),
                ("territory", "Fès"),
                ("country", "MA"),
                ("locale", "ar"),
                ("timezone", "Africa/Casablanca"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 503);
    let html = crate::helpers::pages::plain(&res.text().await.unwrap());
    assert!(html.contains(r#"dir="rtl""#));
    assert!(html.contains("الخدمة غير متاحة مؤقتًا"), "{html}");
    locker.batch_execute("ROLLBACK").unwrap();

    assert_eq!(
        count_registrations(&app, "locked@%"),
        (0, 0),
        "nothing half-written"
    );
    assert_eq!(
        register_as(&app, session, "locked@example.org")
            .await
            .status(),
        202
    );
    app.smtp.wait_for("locked@example.org", 1).await;
}

/// Sets `PRAGMA max_page_count` on every connection of the app's pool (the pragma is
/// per connection), so the database file cannot grow: SQLite answers "database or
/// disk is full", as on a full disk.
/// On every pooled connection and on the group-commit writer's (the pragma is per
/// connection).
async fn set_max_pages(app: &TestApp, pages: Option<i64>) {
    let mut held = vec![];
    for _ in 0..8 {
        let mut conn = app.db.conn().expect("a pooled connection");
        if let DbConnection::Sqlite(c) = &mut *conn {
            #[derive(QueryableByName)]
            struct Count {
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                page_count: i64,
            }
            let now: Count = diesel::sql_query("PRAGMA page_count")
                .get_result(c)
                .unwrap();
            let max = pages.unwrap_or(now.page_count);
            c.batch_execute(&format!("PRAGMA max_page_count = {max}"))
                .unwrap();
        }
        held.push(conn);
    }
    app.db
        .write(move |c| {
            if let DbConnection::Sqlite(c) = c {
                #[derive(QueryableByName)]
                struct Count {
                    #[diesel(sql_type = diesel::sql_types::BigInt)]
                    page_count: i64,
                }
                let now: Count = diesel::sql_query("PRAGMA page_count").get_result(c)?;
                let max = pages.unwrap_or(now.page_count);
                c.batch_execute(&format!("PRAGMA max_page_count = {max}"))?;
            }
            Ok::<_, convive::db::DbError>(())
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn a_full_sqlite_database_gives_a_503_never_a_half_written_registration() {
    if postgres_url().is_some() {
        return;
    }
    let app = spawn_app_with(no_limits).await;
    let (_, session) = sessions_of(&app).await;
    set_max_pages(&app, None).await;
    let mut accepted = vec![];
    let mut refused = 0;
    for i in 0..400 {
        let email = format!("full{i}@example.org");
        let res = register_as(&app, session, &email).await;
        match res.status().as_u16() {
            202 => accepted.push(email),
            503 => {
                refused += 1;
                assert_localised_503(res).await;
                if refused >= 3 {
                    break;
                }
            }
            other => panic!("{other}: {}", res.text().await.unwrap()),
        }
    }
    assert!(refused >= 3, "the database never filled up");
    // Every registration answered 202 is whole (with its mail); the others left nothing.
    assert_eq!(
        count_registrations(&app, "full%"),
        (accepted.len() as i64, accepted.len() as i64)
    );
    // Pages that only read still work.
    assert_eq!(app.get("/ar/webinars").await.status(), 200);

    // Space again: registering works and the worker sends what was queued.
    set_max_pages(&app, Some(1_073_741_823)).await;
    let res = register_as(&app, session, "after@example.org").await;
    assert_eq!(res.status(), 202);
    app.smtp.wait_for("after@example.org", 1).await;
    if let Some(first) = accepted.first() {
        app.smtp.wait_for(first, 1).await;
    }
}

#[tokio::test]
async fn postgres_connections_cut_give_no_500_and_are_replaced() {
    let Some(_) = postgres_url() else {
        return;
    };
    let app = spawn_app_with(no_limits).await;
    let (_, session) = sessions_of(&app).await;
    assert_eq!(app.get("/fr/webinars").await.status(), 200);
    for round in 0..3 {
        // Cut every connection of the pool (as a PostgreSQL restart does).
        {
            let mut conn = app.db.conn().unwrap();
            diesel::sql_query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = current_database() AND pid <> pg_backend_pid()",
            )
            .execute(&mut *conn)
            .unwrap();
        }
        let mut statuses = vec![];
        for i in 0..6 {
            let email = format!("pg{round}-{i}@example.org");
            let s = register_as(&app, session, &email).await.status().as_u16();
            let p = app
                .get("/fr/webinars/fight-food-waste")
                .await
                .status()
                .as_u16();
            statuses.push((s, p));
        }
        assert!(
            statuses
                .iter()
                .all(|(s, p)| matches!(s, 202 | 503) && matches!(p, 200 | 503)),
            "{statuses:?}"
        );
        assert_eq!(statuses.last().unwrap(), &(202, 200), "{statuses:?}");
    }
    let (regs, mails) = count_registrations(&app, "pg%");
    assert_eq!(regs, mails, "each registration with its mail");
    app.smtp.wait_for("pg2-5@example.org", 1).await;
}

/// Accepts SMTP connections and never says a word, until stopped.
struct HangingSmtp {
    port: u16,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl HangingSmtp {
    fn start() -> HangingSmtp {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut held = vec![];
            while !flag.load(Ordering::SeqCst) {
                if let Ok((mut s, _)) = listener.accept() {
                    let _ = s.set_nonblocking(true);
                    let mut buf = [0u8; 64];
                    let _ = s.read(&mut buf);
                    held.push(s);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        HangingSmtp {
            port,
            stop,
            thread: Some(thread),
        }
    }

    /// Stops answering nothing: closes the port (and its connections).
    fn stop(mut self) -> u16 {
        self.stop.store(true, Ordering::SeqCst);
        self.thread.take().unwrap().join().unwrap();
        self.port
    }
}

#[tokio::test]
async fn a_hanging_smtp_server_delays_mail_but_nothing_else_and_mail_flows_after() {
    let hanging = HangingSmtp::start();
    let port = hanging.port;
    let app = spawn_app_with(|s| {
        no_limits(s);
        s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    })
    .await;
    let (_, session) = sessions_of(&app).await;
    // Registering is quick: the mail waits in the outbox.
    let started = Instant::now();
    assert_eq!(
        register_as(&app, session, "patient@example.org")
            .await
            .status(),
        202
    );
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(app.get("/fr/webinars").await.status(), 200);
    assert_eq!(app.get("/readyz").await.status(), 200);

    // The worker gives up on the silent server (SMTP timeout) and schedules a retry.
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        let row: (String, i32, Option<String>) = {
            let mut conn = app.db.conn().unwrap();
            outbox::table
                .filter(outbox::recipient.eq("patient@example.org"))
                .select((outbox::status, outbox::attempts, outbox::last_error))
                .first(&mut *conn)
                .unwrap()
        };
        if row.1 >= 1 {
            assert_eq!(row.0, "queued", "retried, not failed: {row:?}");
            assert!(row.2.is_some());
            break;
        }
        assert!(Instant::now() < deadline, "no timeout recorded: {row:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // A working server comes back on the same port: the mail goes out on the retry.
    let port = hanging.stop();
    let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
    let smtp = SmtpReceiver::start_on(listener);
    let mail = smtp.wait_for("patient@example.org", 1).await;
    assert!(
        mail[0].subject().contains("Confirmez"),
        "{}",
        mail[0].subject()
    );
}
