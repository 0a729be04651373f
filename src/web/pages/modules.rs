use actix_web::{HttpResponse, web};
use askama::Template;

use crate::domain::Slug;
use crate::services::learning;
use crate::services::programme::{self, ModuleView};
use crate::web::auth::MaybeUser;
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
    user: MaybeUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let user_id = user.0.map(|u| u.id);
    let modules = state
        .db
        .run(move |c| {
            let mut modules = programme::modules(c, locale)?;
            if let Some(id) = user_id {
                learning::annotate(c, id, &mut modules)?;
            }
            Ok(modules)
        })
        .await?;
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
    user: MaybeUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&path.1).map_err(|_| AppError::NotFound)?;
    let locale = page.locale;
    let user_id = user.0.map(|u| u.id);
    let module = state
        .db
        .run(move |c| {
            let mut module = programme::module(c, slug.as_str(), locale)?;
            if let Some(id) = user_id {
                learning::annotate(c, id, std::slice::from_mut(&mut module))?;
            }
            Ok(module)
        })
        .await?;
    render(
        &page,
        &ModulePage {
            page: page.clone(),
            module,
        },
    )
}
