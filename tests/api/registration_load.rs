//! Capacity under load and abuse: 200 concurrent registrations and confirmations on 50
//! seats, the organiser raising the capacity, double submits, the honeypot and the rate
//! limits per client and per address.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use convive::db::schema::{registrations, sessions};
use diesel::prelude::*;
use futures_util::future::join_all;
use serde_json::{Value, json};

use crate::helpers::{
    TestApp,
    registrations::{
        body, confirm, last_segment, queued_to, register, register_and_get_token, small_session,
        status_of,
    },
    spawn_app, spawn_app_with,
    staff::{api, staff},
};

fn set_capacity(app: &TestApp, session: i64, capacity: i32) {
    let mut conn = app.db.conn().unwrap();
    diesel::update(sessions::table.find(session))
        .set(sessions::capacity.eq(capacity))
        .execute(&mut *conn)
        .unwrap();
}

/// Sends a request until it is not answered 503: under a burst on this small machine the
/// server may shed load with 503 + Retry-After (database pool busy) rather than queue
/// forever; a client that retries must then be served. Counts the retries.
async fn patiently(
    retries: &AtomicUsize,
    send: impl Fn() -> reqwest::RequestBuilder,
) -> reqwest::Response {
    for _ in 0..100 {
        let res = send().send().await.unwrap();
        if res.status() != 503 {
            return res;
        }
        retries.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("still 503 after 100 tries");
}

#[tokio::test]
async fn two_hundred_concurrent_registrations_on_fifty_seats() {
    let app = spawn_app_with(|s| s.rate_limits = convive::settings::RateLimits::Off).await;
    let session = small_session(&app).await;
    set_capacity(&app, session, 50);
    let emails: Vec<String> = (0..200).map(|i| format!("crowd{i}@example.org")).collect();
    let retries = AtomicUsize::new(0);
    let url = app.url(&format!("/api/v1/sessions/{session}/registrations"));
    let answers = join_all(
        emails
            .iter()
            .map(|e| patiently(&retries, || app.client.post(&url).json(&body(e, "fr")))),
    )
    .await;
    assert!(answers.iter().all(|r| r.status() == 202));

    // Every confirmation request arrives; the tokens come from the mails.
    let mails = app.smtp.wait_for_total(200, Duration::from_secs(60)).await;
    assert_eq!(mails.len(), 200, "every request mailed once");
    let mut tokens = vec![];
    for e in &emails {
        let mail = app.smtp.to(e);
        assert_eq!(mail.len(), 1, "{e}");
        tokens.push(last_segment(
            &mail[0].link_containing("/registrations/confirm/").unwrap(),
        ));
    }
    let url = app.url("/api/v1/registrations/confirm");
    let results: Vec<Value> = join_all(tokens.iter().map(|t| {
        let (retries, url, app) = (&retries, &url, &app);
        async move {
            let res = patiently(retries, || {
                app.client.post(url).json(&json!({ "token": t }))
            })
            .await;
            assert_eq!(res.status(), 200);
            res.json::<Value>().await.unwrap()
        }
    }))
    .await;
    println!(
        "{} answers 503 (retried) of 400 requests",
        retries.load(Ordering::Relaxed)
    );
    let confirmed = results
        .iter()
        .filter(|r| r["status"] == "confirmed")
        .count();
    let mut positions: Vec<i64> = results
        .iter()
        .filter(|r| r["status"] == "waitlisted")
        .map(|r| r["waitlist_position"].as_i64().unwrap())
        .collect();
    positions.sort();
    assert_eq!(confirmed, 50);
    assert_eq!(positions, (1..=150).collect::<Vec<_>>(), "no gap, no tie");

    // The database agrees, and the waitlist order is the order of confirmation.
    let mut conn = app.db.conn().unwrap();
    let count: i32 = sessions::table
        .find(session)
        .select(sessions::confirmed_count)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(count, 50);
    let rows: Vec<(String, String)> = registrations::table
        .filter(registrations::session_id.eq(session))
        .order((registrations::waitlisted_at, registrations::id))
        .select((registrations::email, registrations::status))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(rows.len(), 200, "nothing lost");
    drop(conn);
    let waiting: Vec<&String> = rows
        .iter()
        .filter(|(_, s)| s == "waitlisted")
        .map(|(e, _)| e)
        .collect();
    for (i, e) in waiting.iter().enumerate() {
        let j = emails.iter().position(|x| x == *e).unwrap();
        assert_eq!(
            results[j]["waitlist_position"],
            i as i64 + 1,
            "{e} was told its place"
        );
    }
    // Every outcome is mailed: 200 requests + 50 seats + 150 waitlist places.
    let all = app.smtp.wait_for_total(400, Duration::from_secs(60)).await;
    assert_eq!(all.len(), 400);
}

#[tokio::test]
async fn raising_the_capacity_promotes_the_waitlist_in_order() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = small_session(&app).await;
    let who = [
        "p1@w.example",
        "p2@w.example",
        "p3@w.example",
        "p4@w.example",
    ];
    let mut manage = vec![];
    for w in who {
        let t = register_and_get_token(&app, session, w, "en").await;
        confirm(&app, &t).await;
        let mails = app.smtp.wait_for(w, 2).await;
        manage.push(last_segment(
            &mails[1].link_containing("/registrations/").unwrap(),
        ));
    }
    assert_eq!(status_of(&app, "p3@w.example"), "waitlisted");
    let patch = format!("/api/v1/admin/sessions/{session}");
    let url = "https://meet.example.org/bigger";
    let res = api(
        &app,
        &token,
        reqwest::Method::PATCH,
        &patch,
        json!({"capacity": 3, "meeting_url": url}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let p3 = app.smtp.wait_for("p3@w.example", 3).await;
    assert!(p3[2].subject().starts_with("A seat is now free for you"));
    assert_eq!(status_of(&app, "p4@w.example"), "waitlisted");
    let p4: Value = app
        .get_json(&format!("/api/v1/registrations/{}", manage[3]))
        .await;
    assert_eq!(p4["waitlist_position"], 1);
    api(
        &app,
        &token,
        reqwest::Method::PATCH,
        &patch,
        json!({"capacity": 10, "meeting_url": url}),
    )
    .await;
    let p4 = app.smtp.wait_for("p4@w.example", 3).await;
    assert!(p4[2].subject().starts_with("A seat is now free for you"));
    let s = app.get_json(&format!("/api/v1/sessions/{session}")).await;
    assert_eq!(s["seats_left"], 6);
}

#[tokio::test]
async fn a_double_submit_makes_one_registration_and_one_mail() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    let both = join_all((0..2).map(|_| register(&app, session, "double@example.org", "fr"))).await;
    assert!(both.iter().all(|r| r.status() == 202));
    let mut conn = app.db.conn().unwrap();
    let rows: i64 = registrations::table
        .filter(registrations::email.eq("double@example.org"))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    drop(conn);
    assert_eq!(rows, 1);
    assert_eq!(queued_to(&app, "double@example.org"), 1);
    // Confirming twice at once: one seat, one mail.
    let token = last_segment(
        &app.smtp.wait_for("double@example.org", 1).await[0]
            .link_containing("/registrations/confirm/")
            .unwrap(),
    );
    let twice = join_all((0..2).map(|_| confirm(&app, &token))).await;
    assert!(twice.iter().all(|r| r["status"] == "confirmed"));
    assert_eq!(queued_to(&app, "double@example.org"), 2);
    let s = app.get_json(&format!("/api/v1/sessions/{session}")).await;
    assert_eq!(s["seats_left"], 1);
}

#[tokio::test]
async fn a_filled_honeypot_registers_nothing_but_looks_like_success() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    let mut robot = body("robot@example.org", "en");
    robot["website"] = json!("https://spam.example");
    let res = app
        .client
        .post(app.url(&format!("/api/v1/sessions/{session}/registrations")))
        .json(&robot)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let page = app
        .get_text(&format!("/en/sessions/{session}/register"))
        .await;
    assert!(page.contains("name=\"website\"") && page.contains("tabindex=\"-1\""));
    let res = app
        .client
        .post(app.url(&format!("/en/sessions/{session}/register")))
        .form(&[
            ("csrf", crate::helpers::pages::csrf_of(&page).as_str()),
            ("full_name", "Robot"),
            ("email", "robot2@example.org"),
            ("organisation", "X"),
            ("function", "other"),
            ("territory", "X"),
            ("country", "FR"),
            ("locale", "en"),
            ("timezone", "Europe/Paris"),
            ("consent", "on"),
            ("website", "https://spam.example"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("Check your e-mail"));
    let mut conn = app.db.conn().unwrap();
    let rows: i64 = registrations::table
        .filter(registrations::email.like("robot%"))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    drop(conn);
    assert_eq!(rows, 0);
    assert_eq!(queued_to(&app, "robot@example.org"), 0);
    assert_eq!(queued_to(&app, "robot2@example.org"), 0);
}

#[tokio::test]
async fn registration_and_confirmation_are_limited_per_address_and_per_client() {
    let app = spawn_app().await;
    let webinars = app.get_json("/api/v1/webinars").await;
    let sessions: Vec<i64> = webinars
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| w["sessions"].as_array().unwrap().clone())
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    // One address, several sessions: the sixth request in a row is refused.
    let mut codes = vec![];
    for s in sessions.iter().take(6) {
        codes.push(
            register(&app, *s, "target@example.org", "en")
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(codes, [202, 202, 202, 202, 202, 429]);
    // Per token (one registrant): the sixth confirmation in a row is refused.
    let token = last_segment(
        &app.smtp.wait_for("target@example.org", 1).await[0]
            .link_containing("/registrations/confirm/")
            .unwrap(),
    );
    let mut codes = vec![];
    for _ in 0..6 {
        let res = app
            .client
            .post(app.url("/api/v1/registrations/confirm"))
            .json(&json!({ "token": token }))
            .send()
            .await
            .unwrap();
        codes.push(res.status().as_u16());
    }
    assert_eq!(codes, [200, 200, 200, 200, 200, 429]);
    // Per client: guessing tokens stops at the twentieth try.
    let mut last = 0;
    for i in 0..20 {
        let res = app
            .client
            .post(app.url("/api/v1/registrations/confirm"))
            .json(&json!({ "token": format!("{i:064x}") }))
            .send()
            .await
            .unwrap();
        last = res.status().as_u16();
    }
    assert_eq!(last, 429);
}
