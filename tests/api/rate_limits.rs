//! Rate limits as a client meets them: `X-Forwarded-For` counts only from a trusted
//! proxy, and on PostgreSQL two instances count one quota together.

use convive::startup::Application;

use crate::helpers::registrations::{body, small_session};
use crate::helpers::{TestApp, postgres_url, spawn_app, spawn_app_with};

/// Registration answers for `count` new addresses posted to `bases` in turn, each
/// request claiming to be forwarded for `forwarded(i)`.
async fn register_many(
    app: &TestApp,
    bases: &[String],
    count: usize,
    forwarded: impl Fn(usize) -> String,
) -> Vec<u16> {
    let session = small_session(app).await;
    let mut statuses = Vec::new();
    for i in 0..count {
        let res = app
            .client
            .post(format!(
                "{}/api/v1/sessions/{session}/registrations",
                bases[i % bases.len()]
            ))
            .header("x-forwarded-for", forwarded(i))
            .json(&body(
                &format!("limit{i}.{}@example.org", uuid::Uuid::new_v4().simple()),
                "fr",
            ))
            .send()
            .await
            .unwrap();
        statuses.push(res.status().as_u16());
    }
    statuses
}

#[tokio::test]
async fn a_forwarded_address_counts_only_from_a_trusted_proxy() {
    // Nobody trusted: every request is 127.0.0.1's, whatever the header says.
    let app = spawn_app().await;
    let statuses = register_many(&app, std::slice::from_ref(&app.address), 11, |i| {
        format!("203.0.113.{i}")
    })
    .await;
    assert_eq!(&statuses[..10], &[202; 10], "{statuses:?}");
    assert_eq!(statuses[10], 429, "the header was not believed");

    // 127.0.0.1 is a trusted proxy: each forwarded address has a quota of its own…
    let app = spawn_app_with(|s| s.trusted_proxies = Some("127.0.0.1".into())).await;
    let base = [app.address.clone()];
    let statuses = register_many(&app, &base, 11, |i| format!("203.0.113.{i}")).await;
    assert_eq!(statuses, vec![202; 11]);
    // …and what a client prepended before the proxy's entry is not believed.
    let statuses = register_many(&app, &base, 11, |i| format!("198.51.100.{i}, 192.0.2.1")).await;
    assert_eq!(&statuses[..10], &[202; 10], "{statuses:?}");
    assert_eq!(statuses[10], 429);
}

#[tokio::test]
async fn two_instances_on_postgresql_count_one_quota() {
    if postgres_url().is_none() {
        eprintln!("skipped: on SQLite one process counts rate limits in memory");
        return;
    }
    let app = spawn_app().await;
    let mut settings = app.settings.clone();
    let dir = tempfile::tempdir().unwrap();
    settings.data_dir = dir.path().join("data");
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.public_url = None;
    let other = Application::build(settings, app.db.clone(), false).unwrap();
    let bases = [
        app.address.clone(),
        format!("http://127.0.0.1:{}", other.port),
    ];
    tokio::spawn(other.run());
    let statuses = register_many(&app, &bases, 12, |_| "ignored".into()).await;
    assert_eq!(&statuses[..10], &[202; 10], "{statuses:?}");
    assert_eq!(
        &statuses[10..],
        &[429, 429],
        "the second instance knew of the first's"
    );
}
