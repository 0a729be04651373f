use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;

use crate::services::content::programme::{self, ModuleView, SeriesView, WebinarView};
use crate::web::error::AppError;
use crate::web::page::{PageCtx, Shared, cached};
use crate::web::state::{AppState, Pages};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: PageCtx,
    series: Option<SeriesView>,
    webinars: Vec<WebinarView>,
    modules: Vec<ModuleView>,
}

pub async fn show_home(
    req: HttpRequest,
    page: PageCtx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let st = state.clone();
    // Next sessions are shown in the viewer's zone too.
    cached(
        &req,
        &state.pages,
        page,
        Shared::ByTimeZone,
        |page| async move {
            let locale = page.locale;
            let (series, webinars, modules) = st
                .run(Pages::Unchanged, move |c| {
                    Ok((
                        programme::series(c, locale)?,
                        programme::webinars(c, locale, Utc::now().naive_utc(), None)?,
                        programme::modules(c, locale)?,
                    ))
                })
                .await?;
            Ok(HomePage {
                page,
                series,
                webinars,
                modules,
            })
        },
    )
    .await
}
