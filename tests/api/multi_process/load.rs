//! 200 people register and confirm at once on 50 seats, through nginx, while one
//! instance and one worker are killed (SIGKILL) and started again. A person's client
//! retries what got no answer, as a browser's user would press again.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use diesel::{Connection, PgConnection, RunQueryDsl};
use futures_util::StreamExt;
use serde_json::{Value, json};

use super::deployment::Deployment;

const PEOPLE: usize = 200;
const SEATS: usize = 50;

pub fn registration_body(email: &str) -> Value {
    json!({
        "full_name": "Salma Trabelsi", "email": email, "organisation": "Commune de Nabeul",
        "function": "elected_official", "territory": "Nabeul", "country": "TN",
        "locale": "fr", "timezone": "Africa/Tunis", "consent": true
    })
}

pub async fn new_session(d: &Deployment, token: &str, capacity: usize) -> i64 {
    let res = reqwest::Client::new()
        .post(format!(
            "{}/api/v1/admin/webinars/fight-food-waste/sessions",
            d.front
        ))
        .bearer_auth(token)
        .json(
            &json!({"starts_at": "2031-04-02T09:00:00Z", "timezone": "Africa/Tunis",
                      "duration_minutes": 60, "capacity": capacity,
                      "meeting_url": "https://meet.example.org/instances"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

/// Posts until an instance answers: a refused connection or a 502 means the request
/// met the killed instance and was not acknowledged.
async fn post_until_answered(url: &str, client_ip: &str, body: &Value) -> (u16, Value) {
    let client = reqwest::Client::new();
    for _ in 0..100 {
        let sent = client
            .post(url)
            .header("x-forwarded-for", client_ip)
            .json(body)
            .send()
            .await;
        if let Ok(res) = sent {
            let status = res.status().as_u16();
            if !matches!(status, 502..=504) {
                return (status, res.json().await.unwrap_or(Value::Null));
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{url}: no instance answered");
}

/// The confirmation link mailed to `email` (by whichever worker claimed it).
async fn confirm_token(d: &Deployment, email: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        let link = d
            .smtp
            .to(email)
            .iter()
            .find_map(|m| m.link_containing("/registrations/confirm/"));
        if let Some(link) = link {
            return link.rsplit('/').next().unwrap().to_owned();
        }
        assert!(
            Instant::now() < deadline,
            "{email} never got the confirmation link"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// One person: registers, reads the mail, confirms. Returns (status, waitlist position).
async fn person(
    d: &Deployment,
    session: i64,
    i: usize,
    acked: &AtomicUsize,
) -> (String, Option<i64>) {
    let email = format!("person{i}@convive.test");
    let ip = format!("198.18.{}.{}", i / 200, i % 200 + 1);
    let url = format!("{}/api/v1/sessions/{session}/registrations", d.front);
    let (status, _) = post_until_answered(&url, &ip, &registration_body(&email)).await;
    assert_eq!(status, 202, "{email} registers");
    acked.fetch_add(1, Ordering::SeqCst);
    let token = confirm_token(d, &email).await;
    let url = format!("{}/api/v1/registrations/confirm", d.front);
    let (status, body) = post_until_answered(&url, &ip, &json!({ "token": token })).await;
    assert_eq!(status, 200, "{email} confirms: {body}");
    acked.fetch_add(1, Ordering::SeqCst);
    (
        body["status"].as_str().unwrap_or_default().to_owned(),
        body["waitlist_position"].as_i64(),
    )
}

/// Kills instance 0 and worker 0 once a third of the work is acknowledged, starts them
/// again once two thirds are.
async fn chaos(d: &Deployment, acked: &AtomicUsize) {
    let wait_for = |n: usize| async move {
        while acked.load(Ordering::SeqCst) < n {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    wait_for(2 * PEOPLE / 3).await;
    d.kill_instance(0);
    d.kill_worker(0);
    wait_for(4 * PEOPLE / 3).await;
    d.start_instance(0);
    d.start_worker(0);
    d.wait_ready(0).await;
}

pub async fn registrations_survive_killed_processes(d: &Deployment, token: &str) {
    let session = new_session(d, token, SEATS).await;
    let acked = AtomicUsize::new(0);
    let people = futures_util::stream::iter(0..PEOPLE)
        .map(|i| person(d, session, i, &acked))
        .buffer_unordered(50)
        .collect::<Vec<_>>();
    let (outcomes, ()) = tokio::join!(people, chaos(d, &acked));

    let confirmed = outcomes.iter().filter(|(s, _)| s == "confirmed").count();
    let positions: Vec<i64> = {
        let mut p: Vec<i64> = outcomes.iter().filter_map(|(_, p)| *p).collect();
        p.sort_unstable();
        p
    };
    assert_eq!(confirmed, SEATS, "exactly the seats were given");
    assert_eq!(positions, (1..=(PEOPLE - SEATS) as i64).collect::<Vec<_>>());
    stored_as_answered(d, session);
    each_mailed_each_mail_once(d).await;
    assert!(d.all_running(), "survivors and restarted processes all run");
    let res = reqwest::get(format!("{}/api/v1/sessions/{session}", d.instance(0)))
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "the restarted instance serves again");
}

/// Nothing acknowledged is lost: the database holds what the answers said.
fn stored_as_answered(d: &Deployment, session: i64) {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::Text)]
        status: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let mut conn = PgConnection::establish(&d.db.url).unwrap();
    let counts: Vec<Count> = diesel::sql_query(format!(
        "SELECT status, count(*) AS n FROM registrations WHERE session_id = {session} GROUP BY status"
    ))
    .load(&mut conn)
    .unwrap();
    let counts: BTreeMap<String, i64> = counts.into_iter().map(|c| (c.status, c.n)).collect();
    let expected = BTreeMap::from([
        ("confirmed".to_owned(), SEATS as i64),
        ("waitlisted".to_owned(), (PEOPLE - SEATS) as i64),
    ]);
    assert_eq!(counts, expected);
}

/// Each person gets the confirmation request and the outcome, each once; a message a
/// killed worker had in flight may arrive twice, with the same Message-ID.
async fn each_mailed_each_mail_once(d: &Deployment) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let ids_of = |i: usize| -> BTreeSet<String> {
        d.smtp
            .to(&format!("person{i}@convive.test"))
            .iter()
            .map(|m| m.message_id())
            .collect()
    };
    while (0..PEOPLE).any(|i| ids_of(i).len() < 2) {
        assert!(
            Instant::now() < deadline,
            "some outcome mails never arrived"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Longer than a lease: a row claimed twice would have been sent again by now.
    tokio::time::sleep(Duration::from_secs(
        u64::from(super::deployment::LEASE_SECONDS) + 1,
    ))
    .await;
    let mut resent = 0;
    for i in 0..PEOPLE {
        let mails = d.smtp.to(&format!("person{i}@convive.test"));
        let ids: BTreeSet<String> = mails.iter().map(|m| m.message_id()).collect();
        assert_eq!(ids.len(), 2, "person{i}: one request, one outcome: {ids:?}");
        let requests: BTreeSet<String> = mails
            .iter()
            .filter(|m| m.link_containing("/registrations/confirm/").is_some())
            .map(|m| m.message_id())
            .collect();
        assert_eq!(requests.len(), 1, "person{i}: one confirmation request");
        resent += mails.len() - ids.len();
    }
    eprintln!("mail sent again after the worker was killed (same Message-ID): {resent}");
    // The worker records outcomes as they come: only what it had in flight (64 messages
    // being sent, 64 being recorded) can be sent again.
    assert!(resent <= 128, "{resent} messages sent twice");
}
