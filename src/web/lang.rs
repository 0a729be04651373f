//! Which language a request is answered in: URL prefix, then the `lang` cookie, then
//! `Accept-Language`, then the configured default. The API also takes `?lang=`.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};

use crate::domain::Locale;

use super::error::AppError;
use super::state::AppState;

pub const LANG_COOKIE: &str = "lang";

/// The language of a page under `/{lang}/…`; an unknown prefix is a 404.
#[derive(Clone, Copy, Debug)]
pub struct PathLang(pub Locale);

impl FromRequest for PathLang {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.match_info()
                .get("lang")
                .and_then(|l| l.parse().ok())
                .map(PathLang)
                .ok_or(AppError::NotFound),
        )
    }
}

/// The language of an API answer.
#[derive(Clone, Copy, Debug)]
pub struct ApiLang(pub Locale);

impl FromRequest for ApiLang {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(ApiLang(negotiate(req))))
    }
}

fn query_lang(req: &HttpRequest) -> Option<Locale> {
    web::Query::<std::collections::HashMap<String, String>>::from_query(req.query_string())
        .ok()?
        .get("lang")?
        .parse()
        .ok()
}

fn prefix_lang(req: &HttpRequest) -> Option<Locale> {
    req.path()
        .trim_start_matches('/')
        .split('/')
        .next()?
        .parse()
        .ok()
}

/// The request's language by the rules above; never fails.
pub fn negotiate(req: &HttpRequest) -> Locale {
    let from_request = if req.path().starts_with("/api/") {
        query_lang(req)
    } else {
        prefix_lang(req)
    };
    from_request
        .or_else(|| req.cookie(LANG_COOKIE)?.value().parse().ok())
        .or_else(|| {
            let accept = req.headers().get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
            Locale::negotiate(accept)
        })
        .unwrap_or_else(|| {
            req.app_data::<web::Data<AppState>>()
                .map(|s| s.settings.default_locale)
                .unwrap_or(Locale::Fr)
        })
}
