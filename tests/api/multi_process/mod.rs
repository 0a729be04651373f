//! Two instances and two workers behind nginx on one PostgreSQL database, started as
//! README tells an operator (`deployment.rs`), and what people would check: seats and
//! mail stay exact while an instance and a worker are killed, a signed-in learner is
//! known to both instances, a replay uploaded through one plays through the other, a
//! content change shows on the other within the page cache's lifetime, and rate limits
//! count across instances. PostgreSQL only: SQLite is one process by design.

mod deployment;
mod load;

use std::time::{Duration, Instant};

use serde_json::json;

use crate::helpers::pages::{csrf_of, multipart};
use crate::helpers::{postgres_url, s3::fresh_bucket, visitor::PASSWORD};
use deployment::{Deployment, PAGE_CACHE_MS, nginx_binary};

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_and_two_workers_behind_nginx_agree() {
    let Some(admin_url) = postgres_url() else {
        eprintln!("skipped: several instances share a database only on PostgreSQL");
        return;
    };
    let nginx = match nginx_binary() {
        Ok(path) => path,
        Err(why) => {
            assert!(
                std::env::var("CONVIVE_REQUIRE_NGINX").is_err(),
                "CONVIVE_REQUIRE_NGINX is set but {why}"
            );
            eprintln!("skipped: {why}");
            return;
        }
    };
    let Some(media_url) = fresh_bucket().await else {
        return;
    };
    let d = Deployment::start(&admin_url, &media_url, &nginx).await;
    let token = d
        .once(
            &["organiser", "token", "--email", "orga@convive.test"],
            None,
        )
        .trim()
        .to_owned();
    learner_is_known_to_both(&d).await;
    replay_uploaded_on_one_plays_on_the_other(&d).await;
    content_change_shows_on_the_other(&d, &token).await;
    rate_limits_count_across_instances(&d, &token).await;
    load::registrations_survive_killed_processes(&d, &token).await;
}

/// Signs up through nginx; the session cookie then works on each instance.
async fn learner_is_known_to_both(d: &Deployment) {
    let c = client();
    let email = "learner@convive.test";
    let res = c
        .post(format!("{}/api/v1/auth/signup", d.front))
        .json(
            &json!({"email": email, "password": PASSWORD, "full_name": "Nour Haddad",
                      "locale": "fr", "consent": true}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let mail = d.smtp.wait_for(email, 1).await;
    let link = mail[0]
        .link_containing("/account/verify/")
        .expect("verify link");
    let token = link.rsplit('/').next().unwrap();
    let res = c
        .post(format!("{}/api/v1/auth/verify", d.front))
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        200,
        "the key is the deployment's: any instance verifies"
    );
    for base in [
        d.instance(0),
        d.instance(1),
        d.front.clone(),
        d.front.clone(),
    ] {
        let res = c
            .get(format!("{base}/fr/account/settings"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "signed in on {base}");
        assert!(res.text().await.unwrap().contains("Nour Haddad"), "{base}");
    }
}

async fn organiser_on(base: &str) -> reqwest::Client {
    let c = client();
    let page = c
        .get(format!("{base}/fr/account/login"))
        .send()
        .await
        .unwrap();
    let csrf = csrf_of(&page.text().await.unwrap());
    let res = c
        .post(format!("{base}/fr/account/login"))
        .form(&[
            ("email", "orga@convive.test"),
            ("password", PASSWORD),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    c
}

/// Uploaded through instance 0 (into the bucket), played through instance 1 in ranges.
async fn replay_uploaded_on_one_plays_on_the_other(d: &Deployment) {
    let (one, other) = (d.instance(0), d.instance(1));
    let c = organiser_on(&one).await;
    let page = c
        .get(format!("{one}/fr/admin/webinars/fight-food-waste"))
        .send()
        .await
        .unwrap();
    let csrf = csrf_of(&page.text().await.unwrap());
    let video: Vec<u8> = (0..200_000u32).map(|i| (i % 253) as u8).collect();
    let (ctype, body) = multipart(&[
        ("csrf", None, csrf.as_bytes()),
        ("locale", None, b"en"),
        ("video_file", Some("replay-en.webm"), &video),
    ]);
    let res = c
        .post(format!("{one}/fr/admin/webinars/fight-food-waste/replays"))
        .header("content-type", ctype)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let page = c
        .get(format!("{one}/fr/admin/webinars/fight-food-waste"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let media = page
        .split("value=\"/media/")
        .find_map(|s| s.split('"').next().filter(|k| k.ends_with(".webm")))
        .map(|k| format!("/media/{k}"))
        .expect("stored video");
    for base in [other.as_str(), d.front.as_str()] {
        let res = reqwest::Client::new()
            .get(format!("{base}{media}"))
            .header("range", "bytes=5000-5999")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 206, "played through {base}");
        assert_eq!(res.headers()["content-type"], "video/webm");
        assert_eq!(res.bytes().await.unwrap().as_ref(), &video[5000..6000]);
    }
}

/// A title changed through instance 0 shows on instance 1 within the page cache TTL (and
/// the time a loaded machine takes to answer).
async fn content_change_shows_on_the_other(d: &Deployment, token: &str) {
    let other = d.instance(1);
    let page = format!("{other}/en/webinars/fight-food-waste");
    // Instance 1 caches the page as it is now.
    assert_eq!(reqwest::get(&page).await.unwrap().status(), 200);
    let res = reqwest::Client::new()
        .patch(format!(
            "{}/api/v1/admin/webinars/fight-food-waste",
            d.instance(0)
        ))
        .bearer_auth(token)
        .json(
            &json!({"texts": {"en": {"title": "Food waste, seen from two instances",
                                       "summary": "Changed on the first."}}}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let changed = Instant::now();
    loop {
        let html = reqwest::get(&page).await.unwrap().text().await.unwrap();
        if html.contains("Food waste, seen from two instances") {
            break;
        }
        assert!(
            changed.elapsed() < Duration::from_millis(PAGE_CACHE_MS + 3000),
            "instance 1 still shows the old title after the cache lifetime"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Ten registrations a minute per client: with requests alternating between the two
/// instances, the eleventh from one address is refused all the same. The address is
/// the one nginx forwarded (a trusted proxy), not one the client made up.
async fn rate_limits_count_across_instances(d: &Deployment, token: &str) {
    let session = load::new_session(d, token, 100).await;
    let mut statuses = Vec::new();
    for i in 0..12 {
        let base = d.instance(i % 2);
        let res = reqwest::Client::new()
            .post(format!("{base}/api/v1/sessions/{session}/registrations"))
            .header("x-forwarded-for", "192.0.2.77")
            .json(&load::registration_body(&format!(
                "limited{i}@convive.test"
            )))
            .send()
            .await
            .unwrap();
        statuses.push(res.status().as_u16());
    }
    // Instances are reached directly here: 127.0.0.1 is trusted, so the header counts.
    assert_eq!(&statuses[..10], &[202; 10], "{statuses:?}");
    assert_eq!(&statuses[10..], &[429, 429], "{statuses:?}");
    // Through nginx (which appends the address it saw, trusted too): the same client.
    let res = reqwest::Client::new()
        .post(format!(
            "{}/api/v1/sessions/{session}/registrations",
            d.front
        ))
        .header("x-forwarded-for", "192.0.2.77")
        .json(&load::registration_body("limited-front@convive.test"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
}
