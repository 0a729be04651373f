use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::Utc;

use crate::domain::Slug;
use crate::services::content::programme::{self, ReplayView, WebinarView};
use crate::web::cache::CacheKey;
use crate::web::error::AppError;
use crate::web::lang::ApiLang;
use crate::web::state::{AppState, Pages};

use super::ErrorBody;

/// The programme: published webinars with upcoming sessions and replay languages.
#[utoipa::path(get, path = "/api/v1/webinars", tag = "programme",
    params(("lang" = Option<String>, Query, description = "fr, en or ar")),
    responses((status = 200, body = [WebinarView])))]
pub async fn list_webinars(
    req: HttpRequest,
    lang: ApiLang,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let st = state.clone();
    let key = CacheKey::api(lang.0, "/webinars");
    let response = state
        .pages
        .get_or_render(key, "application/json", || async move {
            let webinars = st
                .run(Pages::Unchanged, move |c| {
                    programme::webinars(c, lang.0, Utc::now().naive_utc(), None)
                })
                .await?;
            let json = serde_json::to_vec(&webinars).map_err(anyhow::Error::from)?;
            Ok(Bytes::from(json))
        })
        .await?;
    // The language comes from `?lang=`, the `lang` cookie or Accept-Language.
    Ok(response.respond(&req, HttpResponse::Ok(), "Accept-Language, Cookie"))
}

#[utoipa::path(get, path = "/api/v1/webinars/{slug}", tag = "programme",
    params(("slug" = String, Path), ("lang" = Option<String>, Query)),
    responses((status = 200, body = WebinarView), (status = 404, body = ErrorBody)))]
pub async fn get_webinar(
    lang: ApiLang,
    slug: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let webinar = state
        .run(Pages::Unchanged, move |c| {
            programme::webinar(c, slug.as_str(), lang.0, Utc::now().naive_utc())
        })
        .await?;
    Ok(HttpResponse::Ok().json(webinar))
}

/// Replay versions by language, the caller's language first, with captions.
#[utoipa::path(get, path = "/api/v1/webinars/{slug}/replays", tag = "programme",
    params(("slug" = String, Path), ("lang" = Option<String>, Query)),
    responses((status = 200, body = [ReplayView]), (status = 404, body = ErrorBody)))]
pub async fn list_replays(
    lang: ApiLang,
    slug: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let replays = state
        .run(Pages::Unchanged, move |c| {
            programme::replays(c, slug.as_str(), lang.0)
        })
        .await?;
    Ok(HttpResponse::Ok().json(replays))
}
