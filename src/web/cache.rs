//! The page cache: the final bytes of public pages and of the public API list, kept per
//! (language, route, viewer time zone when the page shows it). A stored response is
//! served while it is fresh:
//! - rendered at the current content version (`db/content_version.rs`), which every
//!   change made through this process bumps, so such changes show on the next request;
//! - and younger than the TTL (`CONVIVE_PAGE_CACHE_MS`, 0 disables the cache), which
//!   bounds staleness for what this process cannot see: other instances writing to the
//!   same PostgreSQL database, the `convive` command line, and time passing (a session
//!   leaves the programme when it starts).
//!
//! Only a response that is the same for every viewer with the same key may be cached:
//! never one showing the signed-in learner's data (progress), a CSRF token or anything
//! else of the viewer; such pages render without the cache.
//! The response headers that do depend on the viewer (the `lang` cookie) are added per
//! request by the caller.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};

use crate::db::Db;
use crate::domain::Locale;

use super::error::AppError;
use super::precompressed::Precompressed;

/// Entries kept at most; past it, stale entries go, then everything (a visitor cycling
/// through time zones or odd URLs costs renders, never memory).
const CAPACITY: usize = 512;

pub struct PageCache {
    entries: RwLock<HashMap<CacheKey, Arc<CachedResponse>>>,
    /// Reads the current content version.
    version: Box<dyn Fn() -> u64 + Send + Sync>,
    ttl: Duration,
}

/// Everything a cached response may depend on besides the content.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CacheKey {
    locale: Locale,
    /// The path after the language prefix, with the query string when there is one.
    route: String,
    time_zone: Option<chrono_tz::Tz>,
    /// The layout offers a signed-in learner their own pages (links only; a page showing
    /// anything of the learner is not cached at all).
    signed_in: bool,
}

impl CacheKey {
    /// A page under `/{lang}`: `rest` is the path after the language prefix, `query` the
    /// raw query string (a page may read any of it, e.g. `?version=`).
    pub fn page(
        locale: Locale,
        rest: &str,
        query: &str,
        time_zone: Option<chrono_tz::Tz>,
        signed_in: bool,
    ) -> CacheKey {
        let route = if query.is_empty() {
            rest.to_owned()
        } else {
            format!("{rest}?{query}")
        };
        CacheKey {
            locale,
            route,
            time_zone,
            signed_in,
        }
    }

    /// An API answer in the negotiated language.
    pub fn api(locale: Locale, route: &str) -> CacheKey {
        CacheKey {
            locale,
            route: format!("api:{route}"),
            time_zone: None,
            signed_in: false,
        }
    }
}

pub struct CachedResponse {
    content_type: &'static str,
    body: Precompressed,
    version: u64,
    rendered_at: Instant,
}

impl CachedResponse {
    /// `res` with this body, in the coding the request accepts. `vary` names the request
    /// headers, besides `Accept-Encoding`, that chose this response (may be empty).
    pub fn respond(
        &self,
        req: &HttpRequest,
        mut res: HttpResponseBuilder,
        vary: &'static str,
    ) -> HttpResponse {
        let (body, coding) = self.body.for_request(req);
        res.insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        ));
        if !vary.is_empty() {
            res.append_header((header::VARY, HeaderValue::from_static(vary)));
        }
        res.append_header((header::VARY, HeaderValue::from_static("Accept-Encoding")));
        if let Some(coding) = coding {
            res.insert_header(coding);
        }
        res.body(body)
    }
}

impl PageCache {
    /// A cache checked against the content version of `db` (bumped by its content
    /// changes).
    pub fn new(db: &Db, ttl: Duration) -> PageCache {
        let version = db.content_version().clone();
        PageCache::with_version(move || version.current(), ttl)
    }

    fn with_version(version: impl Fn() -> u64 + Send + Sync + 'static, ttl: Duration) -> PageCache {
        PageCache {
            entries: RwLock::new(HashMap::new()),
            version: Box::new(version),
            ttl,
        }
    }

    /// The fresh response stored under `key`, or the one `render` makes (stored for the
    /// next requests). Errors are never stored.
    pub async fn get_or_render<F, Fut>(
        &self,
        key: CacheKey,
        content_type: &'static str,
        render: F,
    ) -> Result<Arc<CachedResponse>, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Bytes, AppError>>,
    {
        // Read the version and the clock before the database: a change committed while
        // rendering bumps the version and makes this response stale at once.
        let version = (self.version)();
        let rendered_at = Instant::now();
        if let Some(hit) = self.fresh(&key, version) {
            return Ok(hit);
        }
        let response = Arc::new(CachedResponse {
            content_type,
            body: Precompressed::new(render().await?),
            version,
            rendered_at,
        });
        if !self.ttl.is_zero() {
            self.store(key, response.clone());
        }
        Ok(response)
    }

    fn is_fresh(&self, response: &CachedResponse, version: u64) -> bool {
        response.version == version && response.rendered_at.elapsed() < self.ttl
    }

    fn fresh(&self, key: &CacheKey, version: u64) -> Option<Arc<CachedResponse>> {
        let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
        entries
            .get(key)
            .filter(|r| self.is_fresh(r, version))
            .cloned()
    }

    fn store(&self, key: CacheKey, response: Arc<CachedResponse>) {
        let version = (self.version)();
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= CAPACITY && !entries.contains_key(&key) {
            entries.retain(|_, r| self.is_fresh(r, version));
            if entries.len() >= CAPACITY {
                entries.clear();
            }
        }
        entries.insert(key, response);
    }

    /// Number of stored responses, fresh or not.
    pub fn len(&self) -> usize {
        self.entries.read().map(|e| e.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(route: &str) -> CacheKey {
        CacheKey::page(Locale::Fr, route, "", None, false)
    }

    async fn get(cache: &PageCache, k: CacheKey, body: &'static str) -> Bytes {
        let res = cache
            .get_or_render(k, "text/plain", || async { Ok(Bytes::from(body)) })
            .await
            .unwrap();
        res.body
            .for_request(&actix_web::test::TestRequest::default().to_http_request())
            .0
    }

    use std::sync::atomic::{AtomicU64, Ordering};

    /// A cache and the content version it checks.
    fn new_cache(ttl: Duration) -> (PageCache, Arc<AtomicU64>) {
        let version = Arc::new(AtomicU64::new(0));
        let read = version.clone();
        let cache = PageCache::with_version(move || read.load(Ordering::Acquire), ttl);
        (cache, version)
    }

    #[actix_web::test]
    async fn serves_until_the_content_version_changes() {
        let (cache, version) = new_cache(Duration::from_secs(60));
        assert_eq!(get(&cache, key("/"), "one").await, "one");
        assert_eq!(
            get(&cache, key("/"), "two").await,
            "one",
            "served from cache"
        );
        assert_eq!(get(&cache, key("/x"), "three").await, "three", "own key");
        version.fetch_add(1, Ordering::AcqRel);
        assert_eq!(get(&cache, key("/"), "four").await, "four", "re-rendered");
    }

    #[actix_web::test]
    async fn expires_after_the_ttl() {
        let (cache, _) = new_cache(Duration::from_millis(30));
        assert_eq!(get(&cache, key("/"), "one").await, "one");
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(get(&cache, key("/"), "two").await, "two");
    }

    #[actix_web::test]
    async fn a_zero_ttl_stores_nothing() {
        let (cache, _) = new_cache(Duration::ZERO);
        assert_eq!(get(&cache, key("/"), "one").await, "one");
        assert_eq!(get(&cache, key("/"), "two").await, "two");
        assert!(cache.is_empty());
    }

    #[actix_web::test]
    async fn errors_are_not_stored() {
        let (cache, _) = new_cache(Duration::from_secs(60));
        let err = cache
            .get_or_render(key("/"), "text/plain", || async {
                Err::<Bytes, _>(AppError::NotFound)
            })
            .await;
        assert!(err.is_err());
        assert!(cache.is_empty());
    }

    #[actix_web::test]
    async fn stays_within_its_capacity() {
        let (cache, _) = new_cache(Duration::from_secs(60));
        for i in 0..CAPACITY + 10 {
            get(&cache, key(&format!("/{i}")), "x").await;
        }
        assert!(cache.len() <= CAPACITY);
    }
}
