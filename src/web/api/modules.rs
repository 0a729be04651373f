use actix_web::{HttpResponse, web};

use crate::domain::Slug;
use crate::services::programme::{self, ModuleView};
use crate::web::error::AppError;
use crate::web::lang::ApiLang;
use crate::web::state::AppState;

use super::ErrorBody;

/// The COOPALIM video modules with their lessons.
#[utoipa::path(get, path = "/api/v1/modules", tag = "learning",
    params(("lang" = Option<String>, Query)),
    responses((status = 200, body = [ModuleView])))]
pub async fn list_modules(
    lang: ApiLang,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let modules = state.db.run(move |c| programme::modules(c, lang.0)).await?;
    Ok(HttpResponse::Ok().json(modules))
}

#[utoipa::path(get, path = "/api/v1/modules/{slug}", tag = "learning",
    params(("slug" = String, Path), ("lang" = Option<String>, Query)),
    responses((status = 200, body = ModuleView), (status = 404, body = ErrorBody)))]
pub async fn get_module(
    lang: ApiLang,
    slug: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let module = state
        .db
        .run(move |c| programme::module(c, slug.as_str(), lang.0))
        .await?;
    Ok(HttpResponse::Ok().json(module))
}
