//! What every handler can reach.

use std::sync::Arc;

use crate::db::Db;
use crate::settings::Settings;

use super::rate_limit::RateLimiter;

pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub limits: RateLimiter,
    /// Signs and encrypts the session cookie.
    pub cookie_key: actix_web::cookie::Key,
}
