use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;

use crate::domain::{Locale, Slug, VideoSource};
use crate::services::calendars::{self, CalendarLinks};
use crate::services::content::programme::{self, SeriesView, SessionView, WebinarView};
use crate::services::content::replays::{self, ReplayPlayer};
use crate::web::error::AppError;
use crate::web::page::{PageCtx, Shared, cached};
use crate::web::state::{AppState, Pages};

#[derive(Template)]
#[template(path = "webinars.html")]
struct WebinarsPage {
    page: PageCtx,
    series: Option<SeriesView>,
    webinars: Vec<WebinarView>,
    /// "Sessions I can follow in …", when the visitor asked.
    follow_in: Option<Locale>,
    /// The programme feed of this language, `https://` and `webcal://`.
    feed: (String, String),
}

fn feed_urls(public_url: &str, locale: Locale) -> (String, String) {
    let https = format!("{public_url}/{}/programme.ics", locale.code());
    let host = https
        .split_once("://")
        .map_or(https.as_str(), |(_, rest)| rest);
    let webcal = format!("webcal://{host}");
    (https, webcal)
}

impl WebinarsPage {
    fn follows(&self, code: &str) -> bool {
        self.follow_in.is_some_and(|l| l.code() == code)
    }
}

/// `?language=ar`: only sessions spoken or interpreted in Arabic. Anything else shows
/// the whole programme.
#[derive(serde::Deserialize)]
pub struct ProgrammeFilter {
    language: Option<String>,
}

#[derive(Template)]
#[template(path = "webinar.html")]
struct WebinarPage {
    page: PageCtx,
    webinar: WebinarView,
    replay: Option<ReplayPlayer>,
    public_url: String,
}

impl WebinarPage {
    fn calendar(&self, s: &SessionView) -> CalendarLinks {
        calendars::links(&self.public_url, self.page.locale, &self.webinar.title, s)
    }

    fn file_url(&self) -> Option<&str> {
        match self.replay.as_ref()?.video.as_ref()? {
            VideoSource::File { url } => Some(url),
            _ => None,
        }
    }

    fn embed_src(&self) -> Option<&str> {
        match self.replay.as_ref()?.video.as_ref()? {
            VideoSource::Embed { src } => Some(src),
            _ => None,
        }
    }
}

#[derive(serde::Deserialize)]
pub struct VersionQuery {
    version: Option<String>,
}

pub async fn list_webinars(
    req: HttpRequest,
    page: PageCtx,
    filter: web::Query<ProgrammeFilter>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let st = state.clone();
    let follow_in: Option<Locale> = filter.language.as_deref().and_then(|l| l.parse().ok());
    cached(
        &req,
        &state.pages,
        page,
        Shared::ByLanguage,
        |page| async move {
            let locale = page.locale;
            let (series, webinars) = st
                .run(Pages::Unchanged, move |c| {
                    Ok((
                        programme::series(c, locale)?,
                        programme::webinars(c, locale, Utc::now().naive_utc(), follow_in)?,
                    ))
                })
                .await?;
            Ok(WebinarsPage {
                page,
                series,
                webinars,
                follow_in,
                feed: feed_urls(&st.settings.public_url(), locale),
            })
        },
    )
    .await
}

pub async fn show_webinar(
    req: HttpRequest,
    page: PageCtx,
    path: web::Path<(String, String)>,
    query: web::Query<VersionQuery>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&path.1).map_err(|_| AppError::NotFound)?;
    let st = state.clone();
    let asked: Option<Locale> = query.version.as_deref().and_then(|v| v.parse().ok());
    // Sessions are shown in the viewer's zone too; `?version=` is part of the cache key.
    cached(
        &req,
        &state.pages,
        page,
        Shared::ByTimeZone,
        |page| async move {
            let locale = page.locale;
            let (webinar, versions) = st
                .run(Pages::Unchanged, move |c| {
                    let webinar =
                        programme::webinar(c, slug.as_str(), locale, Utc::now().naive_utc())?;
                    let versions = programme::replays(c, slug.as_str(), locale)?;
                    Ok((webinar, versions))
                })
                .await?;
            Ok(WebinarPage {
                page,
                webinar,
                replay: replays::player(&versions, locale, asked),
                public_url: st.settings.public_url(),
            })
        },
    )
    .await
}
