use actix_web::{HttpResponse, web};

use crate::domain::Slug;
use crate::services::content::programme::{self, ModuleView};
use crate::services::learning;
use crate::web::auth::MaybeUser;
use crate::web::error::AppError;
use crate::web::lang::ApiLang;
use crate::web::state::{AppState, Pages};

use super::ErrorBody;

/// The COOPALIM video modules with their lessons (and the caller's progress when
/// signed in: `watched_s`, `completed` per lesson).
#[utoipa::path(get, path = "/api/v1/modules", tag = "learning",
    params(("lang" = Option<String>, Query)),
    responses((status = 200, body = [ModuleView])))]
pub async fn list_modules(
    lang: ApiLang,
    user: MaybeUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let user_id = user.0.map(|u| u.id);
    let modules = state
        .run(Pages::Unchanged, move |c| {
            let mut modules = programme::modules(c, lang.0)?;
            if let Some(id) = user_id {
                learning::annotate(c, id, &mut modules)?;
            }
            Ok(modules)
        })
        .await?;
    Ok(HttpResponse::Ok().json(modules))
}

#[utoipa::path(get, path = "/api/v1/modules/{slug}", tag = "learning",
    params(("slug" = String, Path), ("lang" = Option<String>, Query)),
    responses((status = 200, body = ModuleView), (status = 404, body = ErrorBody)))]
pub async fn get_module(
    lang: ApiLang,
    slug: web::Path<String>,
    user: MaybeUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&slug).map_err(|_| AppError::NotFound)?;
    let user_id = user.0.map(|u| u.id);
    let module = state
        .run(Pages::Unchanged, move |c| {
            let mut module = programme::module(c, slug.as_str(), lang.0)?;
            if let Some(id) = user_id {
                learning::annotate(c, id, std::slice::from_mut(&mut module))?;
            }
            Ok(module)
        })
        .await?;
    Ok(HttpResponse::Ok().json(module))
}
