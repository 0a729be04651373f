//! Deleting a speaker from the back office: a page that asks to confirm (saying what
//! goes with them), then the deletion itself, which removes their photo's files.

use actix_session::Session as CookieSession;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::services::speakers;
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::pictures;
use super::shell::{AdminNav, respond, see_other};

#[derive(Template)]
#[template(path = "admin/speaker_delete.html")]
struct ConfirmPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    id: i64,
    full_name: String,
}

/// `GET /{lang}/admin/speakers/{id}/delete`: are you sure?
pub async fn confirm_delete(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner().1;
    let (speaker, _) = state
        .run(Pages::Unchanged, move |c| speakers::for_editing(c, id))
        .await?;
    let template = ConfirmPage {
        nav: AdminNav::new(&who, "speakers"),
        csrf: csrf::token(&cookie),
        id,
        full_name: speaker.full_name,
        page: page.clone(),
    };
    respond(&page, &template, false)
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /{lang}/admin/speakers/{id}/delete`: deletes, then back to the list.
pub async fn delete_speaker(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<DeleteForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&cookie, &form.csrf)?;
    let id = path.into_inner().1;
    let actor = who.id();
    let photo = state
        .run(Pages::Changed, move |c| speakers::delete(c, actor, id))
        .await?;
    pictures::remove(&state, photo).await;
    Ok(see_other(page.href("/admin/speakers?deleted=1")))
}
