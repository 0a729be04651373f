//! Rate limits on the endpoints that attackers hammer: per client address, and per
//! account where one is named. `CONVIVE_RATE_LIMITS=off` disables them for load tests.
//!
//! On SQLite one process serves everything and counts in memory (`governor`). On
//! PostgreSQL every instance counts in the database (`services::rate_limits`), so a
//! quota means the same with one instance or ten behind a load balancer.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};

use governor::{DefaultKeyedRateLimiter, Quota};
use sha2::{Digest, Sha256};

use super::client_address::TrustedProxies;
use super::error::AppError;
use crate::db::Db;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Limit {
    Login,
    LoginAccount,
    Signup,
    Registration,
    Confirmation,
    PasswordReset,
    Invitation,
    /// Registration requests naming one address (from any client): limits mail to it.
    RegistrationAddress,
    /// Confirmations with one token, i.e. of one registration (one address).
    ConfirmationToken,
    /// Asking for a link to one's data (per client address and per address asked).
    Privacy,
}

impl Limit {
    /// Attempts allowed per minute (all at once, or spread over it).
    fn per_minute(self) -> u32 {
        match self {
            Limit::Login => 10,
            Limit::LoginAccount => 5,
            Limit::Signup => 5,
            Limit::Registration => 10,
            Limit::Confirmation => 20,
            Limit::PasswordReset => 5,
            Limit::Invitation => 30,
            Limit::RegistrationAddress | Limit::ConfirmationToken | Limit::Privacy => 5,
        }
    }

    fn quota(self) -> Quota {
        let n = NonZeroU32::new(self.per_minute()).expect("non-zero");
        Quota::per_minute(n).allow_burst(n)
    }

    const ALL: [Limit; 10] = [
        Limit::Login,
        Limit::LoginAccount,
        Limit::Signup,
        Limit::Registration,
        Limit::Confirmation,
        Limit::PasswordReset,
        Limit::Invitation,
        Limit::RegistrationAddress,
        Limit::ConfirmationToken,
        Limit::Privacy,
    ];
}

/// Where attempts are counted.
enum Counting {
    /// One process (SQLite): in memory.
    InProcess(Vec<(Limit, DefaultKeyedRateLimiter<String>)>),
    /// Every instance on one PostgreSQL database: in the database.
    Shared(Db),
}

pub struct RateLimiter {
    enabled: bool,
    /// Checks so far, to forget idle keys now and then (per-address keys are unbounded).
    checks: AtomicU64,
    counting: Counting,
    pub trusted_proxies: TrustedProxies,
}

impl RateLimiter {
    /// Counts in `shared` when given (PostgreSQL), in memory otherwise.
    pub fn new(enabled: bool, shared: Option<Db>, trusted_proxies: TrustedProxies) -> RateLimiter {
        let counting = match shared {
            Some(db) => Counting::Shared(db),
            None => Counting::InProcess(
                Limit::ALL
                    .iter()
                    .map(|l| (*l, DefaultKeyedRateLimiter::keyed(l.quota())))
                    .collect(),
            ),
        };
        RateLimiter {
            enabled,
            checks: AtomicU64::new(0),
            counting,
            trusted_proxies,
        }
    }

    /// Counts one attempt for `key` (a client address or an account); 429 past the quota.
    pub async fn check(&self, limit: Limit, key: &str) -> Result<(), AppError> {
        if !self.enabled {
            return Ok(());
        }
        let tidy = self.checks.fetch_add(1, Ordering::Relaxed) % 4096 == 4095;
        let allowed = match &self.counting {
            Counting::InProcess(limiters) => in_process(limiters, limit, key, tidy),
            Counting::Shared(db) => shared(db, limit, key, tidy).await,
        };
        if allowed {
            Ok(())
        } else {
            Err(AppError::RateLimited)
        }
    }
}

fn in_process(
    limiters: &[(Limit, DefaultKeyedRateLimiter<String>)],
    limit: Limit,
    key: &str,
    tidy: bool,
) -> bool {
    if tidy {
        // Keys whose quota is full again carry no state: drop them.
        for (_, l) in limiters {
            l.retain_recent();
            l.shrink_to_fit();
        }
    }
    let (_, limiter) = limiters
        .iter()
        .find(|(l, _)| *l == limit)
        .expect("every limit has a limiter");
    limiter.check_key(&key.to_owned()).is_ok()
}

/// The database counts; keys are stored hashed (they may be addresses or tokens). When
/// the database cannot count, the attempt goes through: the request needs the database
/// anyway and fails there if it is down.
async fn shared(db: &Db, limit: Limit, key: &str, tidy: bool) -> bool {
    let bucket = format!(
        "{limit:?}:{}",
        hex::encode(&Sha256::digest(key.as_bytes())[..16])
    );
    let per_minute = limit.per_minute();
    let now = chrono::Utc::now().timestamp();
    let counted = db
        .run(move |c| {
            if tidy {
                crate::services::rate_limits::forget_old(c, now)?;
            }
            crate::services::rate_limits::attempt(c, &bucket, per_minute, now)
        })
        .await;
    counted.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "rate limit not counted");
        true
    })
}

/// The client's address: the peer, or what a trusted proxy says it forwarded for.
pub fn client_key(req: &actix_web::HttpRequest) -> String {
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else {
        return "unknown".to_owned();
    };
    let Some(state) = req.app_data::<actix_web::web::Data<super::state::AppState>>() else {
        return peer.to_string();
    };
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok());
    state
        .limits
        .trusted_proxies
        .client(peer, forwarded)
        .to_string()
}
