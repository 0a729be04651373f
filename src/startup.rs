//! Bringing the service up: database, first-start content, HTTP server and, in the
//! same process unless told otherwise, the worker (`crate::jobs`).

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::{HttpServer, web};

use crate::db::{Backend, Db, seed};
use crate::domain::EmailAddress;
use crate::jobs::Worker;
use crate::media::MediaStore;
use crate::services::accounts::organisers;
use crate::services::accounts::passwords;
use crate::settings::{RateLimits, Settings};
use crate::web::client_address::TrustedProxies;
use crate::web::rate_limit::RateLimiter;
use crate::web::state::AppState;

pub struct Application {
    pub port: u16,
    pub db: Db,
    pub handle: actix_web::dev::ServerHandle,
    /// The settings in force (with the public URL completed).
    pub settings: Settings,
    worker: Option<Arc<Worker>>,
    server: Server,
}

/// Opens the database and applies the embedded migrations.
pub fn open_database(settings: &Settings) -> anyhow::Result<Db> {
    let db = Db::connect(settings.database_url.as_deref(), &settings.data_dir)?;
    db.migrate()?;
    Ok(db)
}

/// On an empty database: loads the seed programme and creates a first organiser,
/// whose password is printed once.
pub fn first_start(db: &Db, settings: &Settings) -> anyhow::Result<()> {
    let report = seed::seed(db)?;
    if !report.is_empty() {
        tracing::info!(?report, "seed content loaded");
    }
    let mut conn = db.conn()?;
    if organisers::none_exist(&mut conn)? {
        let email = EmailAddress::parse("organiser@convive.localhost")?;
        let password = passwords::generate();
        organisers::create(
            &mut conn,
            &email,
            "Organiser",
            &password,
            true,
            settings.default_locale,
        )?;
        println!("First organiser account (shown once): {email} / {password}");
    }
    Ok(())
}

impl Application {
    /// The HTTP server; `with_worker` runs the worker (outbox and jobs) in this process
    /// too.
    pub fn build(mut settings: Settings, db: Db, with_worker: bool) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(settings.bind).map_err(|e| {
            anyhow::anyhow!("cannot listen on {} (CONVIVE_BIND): {e}", settings.bind)
        })?;
        let port = listener.local_addr()?.port();
        if settings.public_url.is_none() {
            // Links in mail must name the port actually bound (CONVIVE_BIND may say :0).
            settings.public_url = Some(format!("http://{}", listener.local_addr()?));
        }
        let worker = if with_worker {
            Some(Worker::from_settings(&settings, db.clone())?)
        } else {
            None
        };
        let key =
            crate::secrets::key::load(settings.secret_key.as_deref(), &settings.data_dir, &db)?;
        let state = web::Data::new(AppState::new(
            db.clone(),
            Arc::new(settings.clone()),
            RateLimiter::new(
                settings.rate_limits == RateLimits::On,
                // Instances on one PostgreSQL database count together.
                (db.backend == Backend::Postgres).then(|| db.clone()),
                TrustedProxies::new(settings.trusted_proxies()),
            ),
            &key,
            worker.as_ref().map(|w| w.mailer.clone()),
            Duration::from_millis(settings.page_cache_ms),
            MediaStore::open(settings.media_url.as_deref(), &settings.data_dir)?,
        ));
        let workers = match state.settings.workers {
            0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
            n => n,
        };
        let server = HttpServer::new(move || crate::web::app(state.clone()))
            .workers(workers)
            .listen(listener)?
            .shutdown_timeout(10)
            .run();
        Ok(Application {
            port,
            db,
            handle: server.handle(),
            settings,
            worker,
            server,
        })
    }

    pub async fn run(self) -> std::io::Result<()> {
        let worker = self.worker.map(|w| tokio::spawn(w.run()));
        let result = self.server.await;
        if let Some(w) = worker {
            w.abort();
        }
        result
    }
}
