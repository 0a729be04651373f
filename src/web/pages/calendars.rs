//! Calendar files: one session (`/{lang}/sessions/{id}/calendar.ics`), the programme feed
//! per language (`/{lang}/programme.ics`, also as `webcal://`), and a registrant's own
//! sessions from their manage link (`/{lang}/registrations/{token}/calendar.ics`).

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use chrono::Utc;

use crate::services::calendars;
use crate::web::error::AppError;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

const CALENDAR: &str = "text/calendar; charset=utf-8";

fn calendar(body: String, file: &str, cache: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(CALENDAR)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{file}\""),
        ))
        .insert_header((header::CACHE_CONTROL, cache))
        .body(body)
}

pub async fn session_file(
    page: PageCtx,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id: i64 = path.1.parse().map_err(|_| AppError::NotFound)?;
    let base = state.settings.public_url();
    let locale = page.locale;
    let body = state
        .run(Pages::Unchanged, move |c| {
            calendars::session_file(c, &base, locale, id)
        })
        .await?;
    Ok(calendar(
        body,
        &format!("session-{id}.ics"),
        "public, max-age=300",
    ))
}

pub async fn programme_feed(
    page: PageCtx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let base = state.settings.public_url();
    let locale = page.locale;
    let body = state
        .run(Pages::Unchanged, move |c| {
            calendars::programme_feed(c, &base, locale, Utc::now().naive_utc())
        })
        .await?;
    Ok(calendar(body, "convive.ics", "public, max-age=300"))
}

pub async fn registrant_feed(
    page: PageCtx,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let token = path.1.clone();
    let base = state.settings.public_url();
    let locale = page.locale;
    let body = state
        .run(Pages::Unchanged, move |c| {
            Ok(calendars::registrant_feed(
                c,
                &base,
                &token,
                locale,
                Utc::now().naive_utc(),
            ))
        })
        .await?
        .map_err(AppError::from)?;
    // Personal: never kept by a shared cache.
    Ok(calendar(body, "my-sessions.ics", "private, no-store"))
}
