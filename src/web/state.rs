//! What every handler can reach.

use std::sync::Arc;

use crate::db::Db;
use crate::mail::delivery::Mailer;
use crate::settings::Settings;

use super::cache::PageCache;
use super::rate_limit::RateLimiter;

pub struct AppState {
    pub db: Db,
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
}
