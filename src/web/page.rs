//! What every page template needs: language, direction, messages, the language
//! switcher and times in the viewer's zone.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest, HttpResponse, HttpResponseBuilder};
use askama::Template;
use chrono::{DateTime, Utc};

use crate::domain::{Locale, TimeZone};
use crate::i18n::{Arg, catalog};

use super::assets;
use super::cache::{CacheKey, PageCache};
use super::error::{AppError, Rendered};
use super::lang::LANG_COOKIE;

pub const TZ_COOKIE: &str = "tz";

#[derive(Clone)]
pub struct PageCtx {
    pub locale: Locale,
    /// The path after the language prefix, e.g. `/webinars`.
    pub rest: String,
    pub viewer_tz: Option<TimeZone>,
    /// A learner is signed in (the layout offers their pages).
    pub signed_in: bool,
    /// The public URL of the site, for the absolute links of share cards and alternates.
    pub base_url: String,
    cookie_lang: Option<Locale>,
}

pub struct LangLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl PageCtx {
    pub fn for_request(req: &HttpRequest, locale: Locale) -> PageCtx {
        let path = req.path();
        let rest = path
            .strip_prefix('/')
            .and_then(|p| p.split_once('/'))
            .filter(|(first, _)| first.parse::<Locale>().is_ok())
            .map(|(_, rest)| format!("/{rest}"))
            .unwrap_or_else(|| "/".to_owned());
        PageCtx {
            locale,
            rest,
            viewer_tz: req
                .cookie(TZ_COOKIE)
                .and_then(|c| TimeZone::parse(c.value()).ok()),
            signed_in: super::auth::is_signed_in(req),
            base_url: req
                .app_data::<actix_web::web::Data<super::state::AppState>>()
                .map(|s| s.settings.public_url())
                .unwrap_or_default(),
            cookie_lang: req.cookie(LANG_COOKIE).and_then(|c| c.value().parse().ok()),
        }
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    pub fn dir(&self) -> &'static str {
        self.locale.dir()
    }

    pub fn t(&self, id: &str) -> String {
        catalog().html(self.locale, id, &[])
    }

    /// A message with a number argument `count` (plural rules apply).
    pub fn tn(&self, id: &str, count: impl Count) -> String {
        catalog().html(self.locale, id, &[("count", Arg::from(count.count()))])
    }

    /// A message with two numbers, `count` (plural rules apply) and `total`.
    pub fn tnn(&self, id: &str, count: impl Count, total: impl Count) -> String {
        catalog().html(
            self.locale,
            id,
            &[
                ("count", Arg::from(count.count())),
                ("total", Arg::from(total.count())),
            ],
        )
    }

    /// A message with one text argument.
    pub fn ta(&self, id: &str, name: &str, value: &str) -> String {
        catalog().html(self.locale, id, &[(name, Arg::from(value))])
    }

    pub fn href(&self, path: &str) -> String {
        format!("/{}{}", self.locale.code(), path)
    }

    pub fn asset(&self, path: &str) -> String {
        assets::url(path)
    }

    pub fn lang_links(&self) -> Vec<LangLink> {
        Locale::ALL
            .iter()
            .map(|l| LangLink {
                code: l.code(),
                name: l.native_name(),
                href: format!("/{}{}", l.code(), self.rest),
                current: *l == self.locale,
            })
            .collect()
    }

    pub fn language_name(&self, code: &str) -> String {
        self.t(&format!("language-{code}"))
    }

    pub fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

impl FromRequest for PageCtx {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.match_info()
                .get("lang")
                .and_then(|l| l.parse::<Locale>().ok())
                .map(|l| PageCtx::for_request(req, l))
                .ok_or(AppError::NotFound),
        )
    }
}

const HTML: &str = "text/html; charset=utf-8";

fn render_body(template: &impl Template) -> Result<String, AppError> {
    template
        .render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))
}

/// A 200 answer that remembers the page's language in a cookie.
fn ok_remembering_language(page: &PageCtx) -> HttpResponseBuilder {
    let mut res = HttpResponse::Ok();
    if page.cookie_lang != Some(page.locale) {
        res.append_header((header::SET_COOKIE, lang_cookie(page.locale)));
    }
    res
}

/// `lang={code}; HttpOnly; SameSite=Lax; Path=/; Max-Age=1 year`, written out once:
/// every page a first-time visitor opens carries it (measured in BENCHMARKS.md).
fn lang_cookie(locale: Locale) -> HeaderValue {
    HeaderValue::from_static(match locale {
        Locale::Fr => "lang=fr; HttpOnly; SameSite=Lax; Path=/; Max-Age=31536000",
        Locale::En => "lang=en; HttpOnly; SameSite=Lax; Path=/; Max-Age=31536000",
        Locale::Ar => "lang=ar; HttpOnly; SameSite=Lax; Path=/; Max-Age=31536000",
    })
}

/// Renders a page template, remembering the page's language in a cookie.
pub fn render(page: &PageCtx, template: &impl Template) -> Result<HttpResponse, AppError> {
    let body = render_body(template)?;
    Ok(ok_remembering_language(page).content_type(HTML).body(body))
}

/// Which viewers share a cached page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// Everyone reading it in this language: rendered without the viewer's time zone,
    /// so a page that starts showing it must move to `ByTimeZone` to show it at all.
    ByLanguage,
    /// Viewers with the same `tz` cookie: the page shows times in the viewer's zone.
    ByTimeZone,
}

/// A public page served from the page cache (`cache.rs`); on a miss, `load` reads
/// what the template needs and the template is rendered once for the next viewers.
/// The page may depend on the language, the path and query, whether a learner is signed
/// in (layout links) and, with `Shared::ByTimeZone`, the viewer's time zone: nothing
/// else of the viewer.
pub async fn cached<T, F, Fut>(
    req: &HttpRequest,
    pages: &PageCache,
    page: PageCtx,
    shared: Shared,
    load: F,
) -> Result<HttpResponse, AppError>
where
    T: Template,
    F: FnOnce(PageCtx) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    let mut ctx = page.clone();
    if shared == Shared::ByLanguage {
        ctx.viewer_tz = None;
    }
    let key = CacheKey::page(
        page.locale,
        &page.rest,
        req.query_string(),
        ctx.viewer_tz.map(|tz| tz.0),
        page.signed_in,
    );
    let response = pages
        .get_or_render(key, HTML, || async move {
            let template = load(ctx).await?;
            Ok(Bytes::from(render_body(&template)?))
        })
        .await?;
    let vary = match shared {
        Shared::ByLanguage => "",
        Shared::ByTimeZone => "Cookie",
    };
    Ok(response.respond(req, ok_remembering_language(&page), vary))
}

/// Renders a page with a non-200 status that the error middleware must leave alone.
pub fn render_status(
    status: actix_web::http::StatusCode,
    template: &impl Template,
) -> Result<HttpResponse, AppError> {
    let body = render_body(template)?;
    let mut res = HttpResponse::build(status).content_type(HTML).body(body);
    res.extensions_mut().insert(Rendered);
    Ok(res)
}

/// Anything a template counts with.
pub trait Count {
    fn count(&self) -> i64;
}

impl Count for i32 {
    fn count(&self) -> i64 {
        i64::from(*self)
    }
}

impl Count for i64 {
    fn count(&self) -> i64 {
        *self
    }
}

impl Count for usize {
    fn count(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl<T: Count> Count for &T {
    fn count(&self) -> i64 {
        (*self).count()
    }
}

#[cfg(test)]
mod tests {
    use actix_web::cookie::{Cookie, SameSite};

    use super::*;

    #[test]
    fn the_written_out_language_cookie_is_the_one_the_cookie_builder_makes() {
        for locale in [Locale::Fr, Locale::En, Locale::Ar] {
            let built = Cookie::build(LANG_COOKIE, locale.code())
                .path("/")
                .http_only(true)
                .same_site(SameSite::Lax)
                .max_age(actix_web::cookie::time::Duration::days(365))
                .finish()
                .to_string();
            assert_eq!(lang_cookie(locale).to_str().unwrap(), built);
        }
    }
}
