use actix_web::{HttpResponse, web};
use askama::Template;

use crate::domain::Slug;
use crate::services::programme::{self, ModuleView};
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::state::AppState;

#[derive(Template)]
#[template(path = "modules.html")]
struct ModulesPage {
    page: PageCtx,
    modules: Vec<ModuleView>,
}

#[derive(Template)]
#[template(path = "module.html")]
struct ModulePage {
    page: PageCtx,
    module: ModuleView,
}

pub async fn list_modules(
    page: PageCtx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let modules = state.db.run(move |c| programme::modules(c, locale)).await?;
    render(
        &page,
        &ModulesPage {
            page: page.clone(),
            modules,
        },
    )
}

pub async fn show_module(
    page: PageCtx,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&path.1).map_err(|_| AppError::NotFound)?;
    let locale = page.locale;
    let module = state
        .db
        .run(move |c| programme::module(c, slug.as_str(), locale))
        .await?;
    render(
        &page,
        &ModulePage {
            page: page.clone(),
            module,
        },
    )
}
