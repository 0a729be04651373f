//! Rate limits on the endpoints that attackers hammer: per client address, and per
//! account where one is named. `CONVIVE_RATE_LIMITS=off` disables them for load tests.

use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota};

use super::error::AppError;

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
    /// (burst, per minute) for each endpoint.
    fn quota(self) -> Quota {
        let (burst, per_minute) = match self {
            Limit::Login => (10, 10),
            Limit::LoginAccount => (5, 5),
            Limit::Signup => (5, 5),
            Limit::Registration => (10, 10),
            Limit::Confirmation => (20, 20),
            Limit::PasswordReset => (5, 5),
            Limit::Invitation => (30, 30),
            Limit::RegistrationAddress | Limit::ConfirmationToken | Limit::Privacy => (5, 5),
        };
        Quota::per_minute(NonZeroU32::new(per_minute).expect("non-zero"))
            .allow_burst(NonZeroU32::new(burst).expect("non-zero"))
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

pub struct RateLimiter {
    enabled: bool,
    /// Checks so far, to forget idle keys now and then (per-address keys are unbounded).
    checks: std::sync::atomic::AtomicU64,
    limiters: Vec<(Limit, DefaultKeyedRateLimiter<String>)>,
}

impl RateLimiter {
    pub fn new(enabled: bool) -> RateLimiter {
        RateLimiter {
            enabled,
            checks: std::sync::atomic::AtomicU64::new(0),
            limiters: Limit::ALL
                .iter()
                .map(|l| (*l, DefaultKeyedRateLimiter::keyed(l.quota())))
                .collect(),
        }
    }

    /// Counts one attempt for `key` (a client address or an account); 429 past the quota.
    pub fn check(&self, limit: Limit, key: &str) -> Result<(), AppError> {
        if !self.enabled {
            return Ok(());
        }
        let (_, limiter) = self
            .limiters
            .iter()
            .find(|(l, _)| *l == limit)
            .expect("every limit has a limiter");
        let n = self
            .checks
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if n % 4096 == 4095 {
            // Keys whose quota is full again carry no state: drop them.
            for (_, l) in &self.limiters {
                l.retain_recent();
                l.shrink_to_fit();
            }
        }
        limiter
            .check_key(&key.to_owned())
            .map_err(|_| AppError::RateLimited)
    }
}

/// The client's address as the server sees it (not a spoofable forwarding header).
pub fn client_key(req: &actix_web::HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}
