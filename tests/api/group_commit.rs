//! Hot-path writes (`Db::write`): on SQLite one writer commits them in batches (group
//! commit), each request in its own savepoint; on PostgreSQL each is its own
//! transaction. Either way a write is answered only once it is committed, a failing
//! write leaves no trace and fails nothing else, and seats are never overbooked.

use std::time::Duration;

use chrono::Utc;
use convive::db::schema::{registrations, sessions, suppressions};
use convive::db::{Backend, DbConnection, DbError};
use convive::secrets::link_tokens::{Purpose, RegistrationTokens};
use convive::settings::RateLimits;
use diesel::prelude::*;
use serde_json::json;

use crate::helpers::{TestApp, spawn_app_with};

async fn app() -> TestApp {
    spawn_app_with(|s| s.rate_limits = RateLimits::Off).await
}

/// A fresh connection that shares nothing with the server: what another process (or
/// the server after a restart) would read from the database.
fn reopen(app: &TestApp) -> DbConnection {
    match &app.settings.database_url {
        Some(url) => DbConnection::establish(url).unwrap(),
        None => {
            let file = app.data_dir.join("convive.db");
            DbConnection::establish(file.to_str().unwrap()).unwrap()
        }
    }
}

fn registration(email: &str) -> serde_json::Value {
    json!({
        "full_name": "Karim Haddad", "email": email, "organisation": "Commune de Sousse",
        "function": "civil_servant", "territory": "Sousse", "country": "TN",
        "locale": "fr", "timezone": "Africa/Tunis", "consent": true
    })
}

async fn open_session(app: &TestApp) -> i64 {
    let w = app.get_json("/api/v1/webinars/fight-food-waste").await;
    w["sessions"][0]["id"].as_i64().unwrap()
}

#[tokio::test]
async fn concurrent_registrations_are_all_on_disk_when_answered() {
    let app = app().await;
    let session = open_session(&app).await;
    let emails: Vec<String> = (0..60).map(|i| format!("rush{i}@example.org")).collect();
    let answers = futures_util::future::join_all(emails.iter().map(|e| {
        app.client
            .post(app.url(&format!("/api/v1/sessions/{session}/registrations")))
            .json(&registration(e))
            .send()
    }))
    .await;
    for a in answers {
        assert_eq!(a.unwrap().status(), 202);
    }
    // Every acknowledged registration is found by a connection opened afterwards.
    let mut conn = reopen(&app);
    let found: i64 = registrations::table
        .filter(registrations::email.eq_any(&emails))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(found, 60);
    if app.db.backend == Backend::Sqlite {
        let (batches, writes) = app.db.group_commit().unwrap().stats().get();
        assert!(
            batches >= 1 && writes >= 60,
            "{batches} batches, {writes} writes"
        );
    }
}

fn suppress(n: usize) -> impl FnOnce(&mut DbConnection) -> Result<(), DbError> + Send + 'static {
    suppress_key(format!("hash-{n}"))
}

fn suppress_key(
    key: String,
) -> impl FnOnce(&mut DbConnection) -> Result<(), DbError> + Send + 'static {
    move |c| {
        diesel::insert_into(suppressions::table)
            .values((
                suppressions::email_hash.eq(key),
                suppressions::reason.eq("test"),
                suppressions::created_at.eq(Utc::now().naive_utc()),
            ))
            .execute(c)?;
        Ok(())
    }
}

fn hashes(conn: &mut DbConnection) -> Vec<String> {
    let mut found: Vec<String> = suppressions::table
        .filter(suppressions::email_hash.like("hash-%"))
        .select(suppressions::email_hash)
        .load(conn)
        .unwrap();
    found.sort();
    found
}

#[tokio::test]
async fn a_failing_write_in_a_batch_fails_alone() {
    let app = app().await;
    app.db.write(suppress_key("hash-dup".into())).await.unwrap();
    let before = app.db.group_commit().map(|g| g.stats().get());
    // The first write holds the writer until the others are queued behind it, so on
    // SQLite they are committed together in the next batch.
    let (release, hold) = std::sync::mpsc::channel::<()>();
    let first = {
        let db = app.db.clone();
        tokio::spawn(async move {
            db.write(move |c| {
                hold.recv_timeout(Duration::from_secs(10)).ok();
                suppress(0)(c)
            })
            .await
        })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    let writes = (1..=20).map(|n| {
        let db = app.db.clone();
        async move {
            match n {
                // Writes, then fails: its row must be rolled back.
                7 => {
                    db.write(move |c| {
                        suppress(7)(c)?;
                        Err::<(), _>(DbError::Unavailable("refused by the caller".into()))
                    })
                    .await
                }
                // A constraint violation inside the database (a key already there).
                13 => db.write(suppress_key("hash-dup".into())).await,
                // Panics after writing.
                17 => {
                    db.write(|c| {
                        suppress(17)(c)?;
                        panic!("a bug in one request");
                    })
                    .await
                }
                n => db.write(suppress(n)).await,
            }
        }
    });
    let all = tokio::spawn(futures_util::future::join_all(writes));
    tokio::time::sleep(Duration::from_millis(300)).await;
    release.send(()).unwrap();
    first.await.unwrap().unwrap();
    let results = all.await.unwrap();

    for (n, r) in (1..=20).zip(&results) {
        match n {
            7 | 13 | 17 => assert!(r.is_err(), "write {n} fails"),
            _ => assert!(r.is_ok(), "write {n}: {r:?}"),
        }
    }
    let expected: Vec<String> = {
        let mut v: Vec<String> = (0..=20)
            .filter(|n| ![7, 13, 17].contains(n))
            .map(|n| format!("hash-{n}"))
            .chain(["hash-dup".to_owned()])
            .collect();
        v.sort();
        v
    };
    assert_eq!(hashes(&mut reopen(&app)), expected);
    if let Some((b0, w0)) = before {
        let (b1, w1) = app.db.group_commit().unwrap().stats().get();
        // The mail worker's claims go through the writer too, hence "at least" and a
        // little slack on the number of batches.
        assert!(w1 - w0 >= 21, "every write went through the writer");
        assert!(
            b1 - b0 <= 5,
            "the 20 queued writes were committed together, not one by one ({} batches)",
            b1 - b0
        );
    }
    // The writer still works after a panic.
    app.db.write(suppress(99)).await.unwrap();
}

/// The token of a registration's link, derived as the mail's link is.
fn token(app: &TestApp, purpose: Purpose, id: i64) -> String {
    use convive::db::schema::registrations;
    use diesel::prelude::*;
    let key = convive::secrets::key::load(None, &app.data_dir, &app.db).unwrap();
    let seed: String = registrations::table
        .find(id)
        .select(registrations::token_seed)
        .first(&mut *app.db.conn().unwrap())
        .unwrap();
    RegistrationTokens::from_secret(&key).raw(purpose, id, &seed)
}

fn confirm_token(app: &TestApp, id: i64) -> String {
    token(app, Purpose::Confirm, id)
}

#[tokio::test]
async fn seats_stay_exact_under_concurrent_confirmations_and_cancellations() {
    let app = app().await;
    let session = open_session(&app).await;
    {
        let mut conn = app.db.conn().unwrap();
        diesel::update(sessions::table.find(session))
            .set(sessions::capacity.eq(3))
            .execute(&mut *conn)
            .unwrap();
    }
    let emails: Vec<String> = (0..24).map(|i| format!("seat{i}@example.org")).collect();
    for e in &emails {
        let res = app
            .client
            .post(app.url(&format!("/api/v1/sessions/{session}/registrations")))
            .json(&registration(e))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 202);
    }
    let ids: Vec<i64> = {
        let mut conn = app.db.conn().unwrap();
        registrations::table
            .filter(registrations::email.eq_any(&emails))
            .order(registrations::id)
            .select(registrations::id)
            .load(&mut *conn)
            .unwrap()
    };
    let confirms = ids.iter().map(|id| {
        app.client
            .post(app.url("/api/v1/registrations/confirm"))
            .json(&json!({ "token": confirm_token(&app, *id) }))
            .send()
    });
    let answers = futures_util::future::join_all(confirms).await;
    let confirmed = answers
        .into_iter()
        .filter(|a| a.as_ref().unwrap().status() == 200)
        .count();
    assert_eq!(confirmed, 24, "every confirmation is answered");

    // Cancel the first eight at once: freed seats go to the waiting list.
    let cancels = ids[..8].iter().map(|id| {
        app.client
            .delete(app.url(&format!(
                "/api/v1/registrations/{}",
                token(&app, Purpose::Manage, *id)
            )))
            .send()
    });
    for a in futures_util::future::join_all(cancels).await {
        assert_eq!(a.unwrap().status(), 204);
    }

    let mut conn = reopen(&app);
    let count: i32 = sessions::table
        .find(session)
        .select(sessions::confirmed_count)
        .first(&mut conn)
        .unwrap();
    let rows: i64 = registrations::table
        .filter(registrations::session_id.eq(session))
        .filter(registrations::status.eq("confirmed"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!((count, rows), (3, 3), "seat counter and rows agree, full");
}

#[tokio::test]
async fn a_ten_thousand_contact_list_is_accepted_and_queued_at_once() {
    let app = app().await;
    let token = crate::helpers::staff::staff(&app, "orga@convive.test", "organiser");
    let session = open_session(&app).await;
    let mut csv = String::from("email,name,language\n");
    for i in 0..10_000 {
        csv.push_str(&format!("elu{i}@commune{}.example,Élu {i},fr\n", i % 97));
    }
    assert!(csv.len() > 256 * 1024, "more than the default body limit");
    let res = crate::helpers::staff::api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/campaigns",
        json!({"session_id": session, "contacts_csv": csv}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["report"]["valid"], 10_000);
    let send = format!("/api/v1/admin/campaigns/{}/send", body["id"]);
    let res =
        crate::helpers::staff::api(&app, &token, reqwest::Method::POST, &send, json!({})).await;
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["queued"],
        10_000
    );
}
