use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::Utc;

use crate::domain::Slug;
use crate::services::programme::{self, ReplayView, SeriesView, WebinarView};
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "webinars.html")]
struct WebinarsPage {
    page: PageCtx,
    series: Option<SeriesView>,
    webinars: Vec<WebinarView>,
}

#[derive(Template)]
#[template(path = "webinar.html")]
struct WebinarPage {
    page: PageCtx,
    webinar: WebinarView,
    replays: Vec<ReplayView>,
}

pub async fn list_webinars(
    page: PageCtx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let (series, webinars) = state
        .db
        .run(move |c| {
            Ok((
                programme::series(c, locale)?,
                programme::webinars(c, locale, Utc::now().naive_utc())?,
            ))
        })
        .await?;
    render(
        &page,
        &WebinarsPage {
            page: page.clone(),
            series,
            webinars,
        },
    )
}

pub async fn show_webinar(
    page: PageCtx,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&path.1).map_err(|_| AppError::NotFound)?;
    let locale = page.locale;
    let (webinar, replays) = state
        .db
        .run(move |c| {
            let webinar = programme::webinar(c, slug.as_str(), locale, Utc::now().naive_utc())?;
            let replays = programme::replays(c, slug.as_str(), locale)?;
            Ok((webinar, replays))
        })
        .await?;
    render(
        &page,
        &WebinarPage {
            page: page.clone(),
            webinar,
            replays,
        },
    )
}
