//! Speakers in the back office: the list, the form (name, function and bio in fr/en/ar,
//! organisation, place, photo) and where each speaker appears (webinars and sessions, in
//! a role and an order).

use actix_multipart::Multipart;
use actix_session::Session as CookieSession;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::domain::Locale;
use crate::domain::country::CODES;
use crate::domain::speaker::SpeakerRole;
use crate::services::speakers::photos::{self, Picture};
use crate::services::speakers::places::{self, Place, PlaceRow};
use crate::services::speakers::{self, AttachTo, SpeakerInput};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::pictures;
use super::shell::{AdminNav, respond, see_other};
use super::upload::{Upload, read_form};

/// A speaker as the list shows it.
pub struct SpeakerRow {
    pub id: i64,
    pub full_name: String,
    pub organisation: String,
    pub has_photo: bool,
}

#[derive(Template)]
#[template(path = "admin/speakers.html")]
struct SpeakersPage {
    page: PageCtx,
    nav: AdminNav,
    speakers: Vec<SpeakerRow>,
    /// Just back from deleting one.
    deleted: bool,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    deleted: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/speaker.html")]
struct SpeakerPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    /// None for a new speaker.
    id: Option<i64>,
    photo: Option<String>,
    form: FormState,
    countries: Vec<(&'static str, String)>,
    places: Vec<Place>,
    appearances: Vec<PlaceRow>,
    roles: [SpeakerRole; 3],
}

const TEXT_FIELDS: [(&str, &str); 3] = [
    ("function_fr", "bio_fr"),
    ("function_en", "bio_en"),
    ("function_ar", "bio_ar"),
];

impl SpeakerPage {
    fn text_fields(&self) -> Vec<(Locale, &'static str, &'static str)> {
        Locale::ALL
            .iter()
            .zip(TEXT_FIELDS)
            .map(|(l, (f, b))| (*l, f, b))
            .collect()
    }
}

fn countries(page: &PageCtx) -> Vec<(&'static str, String)> {
    let mut list: Vec<_> = CODES
        .iter()
        .map(|c| (*c, page.t(&format!("country-{c}"))))
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    list
}

pub async fn list_speakers(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let speakers = state.run(Pages::Unchanged, speakers::list).await?;
    let speakers = speakers
        .into_iter()
        .map(|s| SpeakerRow {
            id: s.id,
            full_name: s.full_name,
            organisation: s.organisation,
            has_photo: s.photo_key.is_some(),
        })
        .collect();
    let nav = AdminNav::new(&who, "speakers");
    respond(
        &page,
        &SpeakersPage {
            page: page.clone(),
            nav,
            speakers,
            deleted: query.deleted.is_some(),
        },
        false,
    )
}

/// Everything the form page shows besides the form itself.
async fn speaker_page(
    who: &Organiser,
    page: &PageCtx,
    cookie: &CookieSession,
    state: &AppState,
    id: Option<i64>,
    form: FormState,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let (places, appearances, photo) = state
        .run(Pages::Unchanged, move |c| {
            let all = places::all(c, locale)?;
            let (appearances, photo) = match id {
                Some(id) => {
                    let (s, _) = speakers::for_editing(c, id)?;
                    let photo = s.photo_key.as_deref().map(|k| photos::urls(k).small);
                    (places::of_speaker(c, id, locale, &all)?, photo)
                }
                None => (vec![], None),
            };
            Ok((all, appearances, photo))
        })
        .await?;
    let invalid = form.has_errors();
    let template = SpeakerPage {
        nav: AdminNav::new(who, "speakers"),
        csrf: csrf::token(cookie),
        id,
        photo,
        form,
        countries: countries(page),
        places,
        appearances,
        roles: SpeakerRole::ALL,
        page: page.clone(),
    };
    respond(page, &template, invalid)
}

pub async fn new_speaker(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    speaker_page(&who, &page, &cookie, &state, None, FormState::default()).await
}

pub async fn show_speaker(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner().1;
    let (s, texts) = state
        .run(Pages::Unchanged, move |c| speakers::for_editing(c, id))
        .await?;
    let mut form = FormState::default()
        .with_value("full_name", &s.full_name)
        .with_value("organisation", &s.organisation)
        .with_value("city", &s.city)
        .with_value("country", &s.country);
    for (locale, (f, b)) in Locale::ALL.iter().zip(TEXT_FIELDS) {
        if let Some(t) = texts.iter().find(|t| t.locale == locale.code()) {
            form = form.with_value(f, &t.title).with_value(b, &t.summary);
        }
    }
    speaker_page(&who, &page, &cookie, &state, Some(id), form).await
}

fn input_of(upload: &Upload) -> SpeakerInput {
    SpeakerInput {
        full_name: upload.field("full_name").to_owned(),
        organisation: upload.field("organisation").to_owned(),
        city: upload.field("city").to_owned(),
        country: upload.field("country").to_owned(),
        texts: Locale::ALL
            .iter()
            .zip(TEXT_FIELDS)
            .map(|(l, (f, b))| (*l, upload.field(f).to_owned(), upload.field(b).to_owned()))
            .collect(),
    }
}

fn state_of(upload: &Upload) -> FormState {
    let mut form = FormState::default();
    for name in ["full_name", "organisation", "city", "country"] {
        form = form.with_value(name, upload.field(name));
    }
    for (f, b) in TEXT_FIELDS {
        form = form
            .with_value(f, upload.field(f))
            .with_value(b, upload.field(b));
    }
    form
}

/// Creates (`id` None) or saves a speaker from the multipart form.
async fn save(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    id: Option<i64>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let upload = read_form(payload, "photo").await?;
    csrf::verify(&cookie, upload.field("csrf"))?;
    let valid = match input_of(&upload).parse() {
        Ok(v) => v,
        Err(errors) => {
            let form = state_of(&upload).with_errors(errors);
            return speaker_page(&who, &page, &cookie, &state, id, form).await;
        }
    };
    let photo = pictures::store_upload(&state, &upload, Picture::Speaker).await?;
    if let Some(Err(message)) = photo {
        let form = state_of(&upload).with_errors(vec![("photo", message)]);
        return speaker_page(&who, &page, &cookie, &state, id, form).await;
    }
    let actor = who.id();
    let (saved, replaced) = state
        .run(Pages::Changed, move |c| {
            let id = match id {
                Some(id) => speakers::update(c, actor, id, &valid).map(|()| id)?,
                None => speakers::create(c, actor, &valid)?,
            };
            let replaced = match &photo {
                Some(Ok(key)) => speakers::set_photo(c, actor, id, key)?,
                _ => None,
            };
            Ok((id, replaced))
        })
        .await?;
    pictures::remove(&state, replaced).await;
    Ok(see_other(
        page.href(&format!("/admin/speakers/{saved}?saved=1")),
    ))
}

pub async fn create_speaker(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    save(who, page, cookie, state, None, payload).await
}

pub async fn save_speaker(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner().1;
    save(who, page, cookie, state, Some(id), payload).await
}

#[derive(Deserialize)]
pub struct PlaceForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    position: String,
}

/// Attaches the speaker to a webinar or a session, or (`remove`) detaches them.
async fn change_place(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    id: i64,
    form: PlaceForm,
    remove: bool,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&cookie, &form.csrf)?;
    let invalid = || AppError::BadRequest {
        code: "invalid_place",
        message_id: "admin-speaker-error-place",
    };
    AttachTo::parse(&form.place).ok_or_else(invalid)?;
    let role = SpeakerRole::parse(&form.role);
    let position: Option<i32> = form
        .position
        .trim()
        .parse()
        .ok()
        .filter(|p| (1..=99).contains(p));
    if !remove && (role.is_none() || position.is_none()) {
        return Err(invalid());
    }
    let actor = who.id();
    state
        .run(Pages::Changed, move |c| {
            let to = AttachTo::parse(&form.place).ok_or_else(crate::db::DbError::not_found)?;
            match (remove, role, position) {
                (false, Some(role), Some(position)) => {
                    speakers::attach(c, actor, &to, id, role, position)
                }
                _ => speakers::detach(c, actor, &to, id),
            }
        })
        .await?;
    Ok(see_other(page.href(&format!("/admin/speakers/{id}"))))
}

pub async fn attach_speaker(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<PlaceForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner().1;
    change_place(who, page, cookie, state, id, form.into_inner(), false).await
}

pub async fn detach_speaker(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<PlaceForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner().1;
    change_place(who, page, cookie, state, id, form.into_inner(), true).await
}
