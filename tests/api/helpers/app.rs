//! `spawn_app()`: the real service on a random port with a fresh database.

use std::path::PathBuf;

use convive::db::Db;
use convive::settings::{RateLimits, Settings};
use convive::startup::{Application, first_start, open_database};
use diesel::{Connection, PgConnection, RunQueryDsl};

use super::smtp::SmtpReceiver;

pub struct TestApp {
    pub address: String,
    /// The SMTP server the app delivers to.
    pub smtp: SmtpReceiver,
    pub db: Db,
    pub client: reqwest::Client,
    #[allow(dead_code)]
    pub settings: Settings,
    #[allow(dead_code)]
    pub data_dir: PathBuf,
    handle: actix_web::dev::ServerHandle,
    pg: Option<PgTestDatabase>,
    _tmp: tempfile::TempDir,
}

/// A PostgreSQL database made for one test and dropped with it.
pub struct PgTestDatabase {
    admin_url: String,
    name: String,
    /// Its URL, as `DATABASE_URL` names it.
    pub url: String,
}

impl PgTestDatabase {
    /// A new empty database on the server `CONVIVE_TEST_DATABASE_URL` names.
    pub fn create(admin_url: &str) -> PgTestDatabase {
        let name = format!("convive_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = PgConnection::establish(admin_url).expect("PostgreSQL reachable");
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .expect("create test database");
        let (base, _) = admin_url
            .rsplit_once('/')
            .expect("URL with a database name");
        PgTestDatabase {
            url: format!("{base}/{name}"),
            admin_url: admin_url.to_owned(),
            name,
        }
    }
}

impl Drop for PgTestDatabase {
    fn drop(&mut self) {
        if let Ok(mut conn) = PgConnection::establish(&self.admin_url) {
            let _ = diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ))
            .execute(&mut conn);
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Tell the server to stop (the command is sent at once; waiting for it here
        // would block the runtime that drives the server). DROP … WITH (FORCE) then
        // closes whatever connections remain.
        drop(self.handle.stop(false));
        drop(self.pg.take());
    }
}

pub fn postgres_url() -> Option<String> {
    std::env::var("CONVIVE_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

/// Settings for a test: random port, temp data dir, fresh database.
fn test_settings(tmp: &tempfile::TempDir) -> (Settings, Option<PgTestDatabase>) {
    let mut settings = Settings {
        bind: "127.0.0.1:0".parse().unwrap(),
        data_dir: tmp.path().join("data"),
        workers: 1,
        rate_limits: RateLimits::On,
        ..Settings::default()
    };
    let pg = postgres_url().map(|admin_url| {
        let db = PgTestDatabase::create(&admin_url);
        settings.database_url = Some(db.url.clone());
        db
    });
    (settings, pg)
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let tmp = tempfile::tempdir().unwrap();
    let (mut settings, pg) = test_settings(&tmp);
    let smtp = SmtpReceiver::start();
    settings.smtp_url = Some(smtp.url());
    settings.mail_from = "Convive <programme@convive.test>".to_owned();
    adjust(&mut settings);
    let db = open_database(&settings).expect("database opens and migrates");
    first_start(&db, &settings).expect("seed loads");
    let app = Application::build(settings, db.clone(), true).expect("server builds");
    let settings = app.settings.clone();
    let address = format!("http://127.0.0.1:{}", app.port);
    let handle = app.handle.clone();
    tokio::spawn(app.run());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    TestApp {
        address,
        smtp,
        db,
        client,
        data_dir: settings.data_dir.clone(),
        settings,
        handle,
        pg,
        _tmp: tmp,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    pub async fn get_text(&self, path: &str) -> String {
        let res = self.get(path).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.text().await.unwrap()
    }

    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        let res = self.get(path).await;
        assert_eq!(res.status(), 200, "GET {path}");
        res.json().await.unwrap()
    }
}
