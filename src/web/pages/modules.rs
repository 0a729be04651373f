use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::Slug;
use crate::services::content::programme::{self, ModuleView};
use crate::services::learning;
use crate::web::auth::MaybeUser;
use crate::web::error::AppError;
use crate::web::page::{PageCtx, Shared, cached, render};
use crate::web::state::{AppState, Pages};

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
    req: HttpRequest,
    page: PageCtx,
    user: MaybeUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let user_id = user.0.map(|u| u.id);
    let st = state.clone();
    let load = move |page: PageCtx| async move {
        let locale = page.locale;
        let modules = st
            .run(Pages::Unchanged, move |c| {
                let mut modules = programme::modules(c, locale)?;
                if let Some(id) = user_id {
                    learning::annotate(c, id, &mut modules)?;
                }
                Ok(modules)
            })
            .await?;
        Ok(ModulesPage { page, modules })
    };
    match user_id {
        // A learner sees their own progress: never cached.
        Some(_) => render(&page, &load(page.clone()).await?),
        None => cached(&req, &state.pages, page, Shared::ByLanguage, load).await,
    }
}

pub async fn show_module(
    req: HttpRequest,
    page: PageCtx,
    path: web::Path<(String, String)>,
    user: MaybeUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let slug = Slug::parse(&path.1).map_err(|_| AppError::NotFound)?;
    let user_id = user.0.map(|u| u.id);
    let st = state.clone();
    let load = move |page: PageCtx| async move {
        let locale = page.locale;
        let module = st
            .run(Pages::Unchanged, move |c| {
                let mut module = programme::module(c, slug.as_str(), locale)?;
                if let Some(id) = user_id {
                    learning::annotate(c, id, std::slice::from_mut(&mut module))?;
                }
                Ok(module)
            })
            .await?;
        Ok(ModulePage { page, module })
    };
    match user_id {
        // A learner sees their own progress: never cached.
        Some(_) => render(&page, &load(page.clone()).await?),
        None => cached(&req, &state.pages, page, Shared::ByLanguage, load).await,
    }
}
