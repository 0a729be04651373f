//! Several instances on one PostgreSQL database share one secret key (kept in the
//! database when `CONVIVE_SECRET_KEY` is unset), so a link mailed by one instance's
//! worker is valid on every instance.

use convive::startup::Application;

use crate::helpers::registrations::{register_and_get_token, small_session};
use crate::helpers::{TestApp, postgres_url, spawn_app};

/// A second `serve --no-worker` instance on the first one's database, with a data dir
/// of its own, started without a configured key as README tells an operator.
async fn second_instance(app: &TestApp) -> (String, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let mut settings = app.settings.clone();
    settings.data_dir = tmp.path().join("data");
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.public_url = None;
    assert!(settings.secret_key.is_none());
    let db = convive::startup::open_database(&settings).expect("second instance opens");
    let other = Application::build(settings, db, false).expect("second instance builds");
    let address = format!("http://127.0.0.1:{}", other.port);
    tokio::spawn(other.run());
    (address, tmp)
}

#[tokio::test]
async fn links_mailed_by_one_instance_work_on_another() {
    if postgres_url().is_none() {
        eprintln!("skipped: instances share a database only on PostgreSQL");
        return;
    }
    let app = spawn_app().await;
    let (other, _dir) = second_instance(&app).await;
    let session = small_session(&app).await;
    // Registered through the instance with the worker, which composes the mail; the
    // link is then opened on the other instance.
    let token = register_and_get_token(&app, session, "first@example.org", "fr").await;
    let res = app
        .client
        .post(format!("{other}/api/v1/registrations/confirm"))
        .json(&serde_json::json!({ "token": token }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "confirmed");
}

#[tokio::test]
async fn the_first_instance_to_start_chooses_the_key_for_all() {
    if postgres_url().is_none() {
        eprintln!("skipped: the key lives in the database only on PostgreSQL");
        return;
    }
    let app = spawn_app().await;
    // A deployment whose key was never made: instances start at the same moment, each
    // with its own empty data dir, and race to create it.
    use diesel::RunQueryDsl;
    diesel::sql_query("DELETE FROM deployment_key")
        .execute(&mut *app.db.conn().unwrap())
        .unwrap();
    let start = std::sync::Arc::new(std::sync::Barrier::new(8));
    let loads: Vec<_> = (0..8)
        .map(|_| {
            let (db, start) = (app.db.clone(), start.clone());
            std::thread::spawn(move || {
                let dir = tempfile::tempdir().unwrap();
                start.wait();
                convive::secrets::key::load(None, dir.path(), &db).unwrap()
            })
        })
        .collect();
    let keys: Vec<[u8; 64]> = loads.into_iter().map(|l| l.join().unwrap()).collect();
    assert!(
        keys.iter().all(|k| *k == keys[0]),
        "every instance got the same key"
    );
    let later = convive::secrets::key::load(None, &app.data_dir, &app.db).unwrap();
    assert_eq!(later, keys[0], "an instance started later gets it too");
    // No key file is written beside a PostgreSQL deployment.
    assert!(!app.data_dir.join("secret.key").exists());
}

#[tokio::test]
async fn sqlite_keeps_its_key_file() {
    if postgres_url().is_some() {
        eprintln!("skipped: the key file is SQLite's");
        return;
    }
    let app = spawn_app().await;
    let stored = std::fs::read(app.data_dir.join("secret.key")).expect("key file written");
    let key = convive::secrets::key::load(None, &app.data_dir, &app.db).unwrap();
    assert_eq!(stored, key.to_vec());
}
