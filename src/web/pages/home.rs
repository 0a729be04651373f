use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::Utc;

use crate::services::programme::{self, ModuleView, SeriesView, WebinarView};
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: PageCtx,
    series: Option<SeriesView>,
    webinars: Vec<WebinarView>,
    modules: Vec<ModuleView>,
}

pub async fn show_home(
    page: PageCtx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let (series, webinars, modules) = state
        .db
        .run(move |c| {
            Ok((
                programme::series(c, locale)?,
                programme::webinars(c, locale, Utc::now().naive_utc())?,
                programme::modules(c, locale)?,
            ))
        })
        .await?;
    render(
        &page,
        &HomePage {
            page: page.clone(),
            series,
            webinars,
            modules,
        },
    )
}
