//! A session's agenda in the back office (`/admin/sessions/{id}/agenda`): its items in
//! time order, adding one (a time after the start or a wall-clock time, a title per
//! language, a speaker) and removing one.

use actix_session::Session as CookieSession;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::domain::Locale;
use crate::services::sessions::labels;
use crate::services::speakers;
use crate::services::speakers::agenda::{self, AgendaInput, AgendaRow};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::shell::{AdminNav, respond, see_other};

#[derive(Template)]
#[template(path = "admin/agenda.html")]
struct AgendaPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    session_id: i64,
    session: String,
    items: Vec<AgendaRow>,
    speakers: Vec<(i64, String)>,
    form: FormState,
}

const TITLE_FIELDS: [&str; 3] = ["title_fr", "title_en", "title_ar"];

impl AgendaPage {
    fn title_fields(&self) -> Vec<(Locale, &'static str)> {
        Locale::ALL.into_iter().zip(TITLE_FIELDS).collect()
    }
}

async fn agenda_page(
    who: &Organiser,
    page: &PageCtx,
    cookie: &CookieSession,
    state: &AppState,
    session_id: i64,
    form: FormState,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let (session, items, speakers) = state
        .run(Pages::Unchanged, move |c| {
            let label =
                labels::one(c, locale, session_id)?.ok_or_else(crate::db::DbError::not_found)?;
            let people = speakers::list(c)?
                .into_iter()
                .map(|s| (s.id, s.full_name))
                .collect::<Vec<_>>();
            Ok((label.text(locale), agenda::rows(c, session_id)?, people))
        })
        .await?;
    let invalid = form.has_errors();
    let template = AgendaPage {
        nav: AdminNav::new(who, "sessions"),
        csrf: csrf::token(cookie),
        session_id,
        session,
        items,
        speakers,
        form,
        page: page.clone(),
    };
    respond(page, &template, invalid)
}

pub async fn show_agenda(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner().1;
    agenda_page(&who, &page, &cookie, &state, id, FormState::default()).await
}

#[derive(Deserialize)]
pub struct ItemForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    agenda_time: String,
    #[serde(default)]
    title_fr: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_ar: String,
    #[serde(default)]
    agenda_speaker: String,
}

pub async fn add_item(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<ItemForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&cookie, &form.csrf)?;
    let id = path.into_inner().1;
    let input = AgendaInput {
        time: form.agenda_time.clone(),
        titles: vec![
            (Locale::Fr, form.title_fr.clone()),
            (Locale::En, form.title_en.clone()),
            (Locale::Ar, form.title_ar.clone()),
        ],
        speaker_id: form.agenda_speaker.clone(),
    };
    let actor = who.id();
    let added = state
        .run(Pages::Changed, move |c| agenda::add(c, actor, id, &input))
        .await?;
    match added {
        Ok(_) => Ok(see_other(
            page.href(&format!("/admin/sessions/{id}/agenda")),
        )),
        Err(errors) => {
            let state_form = FormState::default()
                .with_value("agenda_time", &form.agenda_time)
                .with_value("title_fr", &form.title_fr)
                .with_value("title_en", &form.title_en)
                .with_value("title_ar", &form.title_ar)
                .with_value("agenda_speaker", &form.agenda_speaker)
                .with_errors(errors);
            agenda_page(&who, &page, &cookie, &state, id, state_form).await
        }
    }
}

#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    item: String,
}

pub async fn remove_item(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<RemoveForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&cookie, &form.csrf)?;
    let id = path.into_inner().1;
    let item: i64 = form.item.trim().parse().map_err(|_| AppError::NotFound)?;
    let actor = who.id();
    state
        .run(Pages::Changed, move |c| agenda::remove(c, actor, id, item))
        .await?;
    Ok(see_other(
        page.href(&format!("/admin/sessions/{id}/agenda")),
    ))
}
