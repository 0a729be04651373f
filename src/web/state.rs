//! What every handler can reach, and the one way a handler runs database work: it says
//! whether the work changes what public pages show, and the page cache hears of it.

use std::sync::Arc;

use crate::db::{Db, DbConnection, DbError};
use crate::mail::delivery::Mailer;
use crate::media::MediaStore;
use crate::settings::Settings;

use super::cache::PageCache;
use super::rate_limit::RateLimiter;

pub struct AppState {
    /// Private: handlers go through `run` and `write`, which ask about `Pages`.
    db: Db,
    pub settings: Arc<Settings>,
    pub limits: RateLimiter,
    /// Signs and encrypts the session cookie.
    pub cookie_key: actix_web::cookie::Key,
    /// The in-process worker's mailer (composes previews; `Db` wakes the worker when
    /// mail is queued).
    pub mailer: Option<Arc<Mailer>>,
    /// Derives registration links (confirm, manage, join).
    pub tokens: crate::secrets::link_tokens::RegistrationTokens,
    /// Rendered public pages and API lists, invalidated by the database's content
    /// version.
    pub pages: PageCache,
    /// Uploaded replays, captions and images, shared by every instance.
    pub media: MediaStore,
}

/// What a piece of database work does to the public pages and the public API, said at
/// every call so that no content change can leave cached pages stale by omission.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pages {
    /// Reads, and writes no public page shows (accounts, audit, campaigns, mail,
    /// announcements, attendance, progress, pending registrations).
    Unchanged,
    /// Writes to webinars, sessions, replays, modules, lessons, their translations, or
    /// registrations that change `seats_left`.
    Changed,
}

impl AppState {
    pub fn new(
        db: Db,
        settings: Arc<Settings>,
        limits: RateLimiter,
        key: &[u8; 64],
        mailer: Option<Arc<Mailer>>,
        page_ttl: std::time::Duration,
        media: MediaStore,
    ) -> AppState {
        AppState {
            pages: PageCache::new(&db, page_ttl),
            db,
            settings,
            limits,
            cookie_key: actix_web::cookie::Key::from(key),
            mailer,
            tokens: crate::secrets::link_tokens::RegistrationTokens::from_secret(key),
            media,
        }
    }

    /// Runs database work on a pooled connection, off the async executor. `Changed`
    /// marks cached pages stale once it returns, whatever the outcome: a failed run may
    /// have committed part of its work.
    pub async fn run<T, F>(&self, pages: Pages, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        match pages {
            Pages::Unchanged => self.db.run(f).await,
            Pages::Changed => self.db.run_content_change(f).await,
        }
    }

    /// Runs a hot-path write (registrations, confirmations, progress) through `Db::write`:
    /// one transaction, batched with concurrent writes, answered once durable.
    /// `Changed` marks cached pages stale once it committed (a failed write committed
    /// nothing).
    pub async fn write<T, E, F>(&self, pages: Pages, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: HotPathError,
    {
        let value = E::write(&self.db, f).await?;
        if pages == Pages::Changed {
            self.db.content_changed();
        }
        Ok(value)
    }

    /// Readiness: the database answers a trivial query.
    pub async fn ping(&self) -> Result<(), DbError> {
        let db = self.db.clone();
        tokio::task::spawn_blocking(move || db.ping())
            .await
            .map_err(|e| DbError::Unavailable(e.to_string()))?
    }
}

/// The error types of hot-path writes. `Db::write` builds them from the database's own
/// errors too; each type says so here, so handlers need not name the database driver.
pub trait HotPathError: Sized + Send + 'static {
    fn write<T, F>(db: &Db, f: F) -> impl Future<Output = Result<T, Self>>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, Self> + Send + 'static,
        T: Send + 'static;
}

macro_rules! hot_path_errors {
    ($($error:ty),*) => {$(
        impl HotPathError for $error {
            fn write<T, F>(db: &Db, f: F) -> impl Future<Output = Result<T, Self>>
            where
                F: FnOnce(&mut DbConnection) -> Result<T, Self> + Send + 'static,
                T: Send + 'static,
            {
                let db = db.clone();
                async move { db.write(f).await }
            }
        }
    )*};
}

hot_path_errors!(
    DbError,
    crate::services::registrations::seats::RegistrationError
);
