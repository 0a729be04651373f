//! Sessions in the back office: the list, the form (local date and time in a chosen IANA
//! zone, converted with `sessions::local_to_utc`), rescheduling and cancelling.
//! JSON: `PUT /api/v1/admin/sessions/{id}` (every field) and `…/cancel`.

use actix_session::Session as CookieSession;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use crate::domain::Locale;
use crate::i18n::format_datetime;
use crate::services::sessions;
use crate::services::sessions::edit::{DEFAULT_REMINDERS, EditOutcome};
use crate::services::sessions::lookup::Session;
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::session_form::{SessionForm, stored_state};
use super::shell::{AdminNav, respond, see_other};

/// A session as the lists show it.
pub struct SessionRow {
    pub id: i64,
    pub local: String,
    pub zone: String,
    pub capacity: i32,
    pub confirmed: i32,
    pub cancelled: bool,
    pub past: bool,
    pub webinar: String,
}

impl SessionRow {
    pub fn new(s: &Session, locale: Locale) -> SessionRow {
        let zone = s.timezone;
        SessionRow {
            id: s.id,
            local: format_datetime(&s.starts_at.and_utc().with_timezone(&zone.0), locale),
            zone: zone.name().to_owned(),
            capacity: s.capacity,
            confirmed: s.confirmed_count,
            cancelled: !s.published,
            past: !sessions::edit::is_upcoming(s),
            webinar: String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/sessions.html")]
struct SessionsPage {
    page: PageCtx,
    nav: AdminNav,
    sessions: Vec<SessionRow>,
}

pub async fn list_sessions(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let sessions = state
        .run(Pages::Unchanged, move |c| {
            let items = crate::services::content::editing::list(
                c,
                crate::services::content::editing::Kind::Webinar,
            )?;
            let all = sessions::lookup::all(c)?;
            Ok(all
                .iter()
                .map(|s| {
                    let mut row = SessionRow::new(s, locale);
                    if let Some(w) = items.iter().find(|w| w.id == s.webinar_id) {
                        row.webinar = w.title(locale);
                    }
                    row
                })
                .collect())
        })
        .await?;
    respond(
        &page,
        &SessionsPage {
            nav: AdminNav::new(&who, "sessions"),
            page: page.clone(),
            sessions,
        },
        false,
    )
}

#[derive(Template)]
#[template(path = "admin/session.html")]
struct SessionPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    webinar_slug: String,
    /// None for a new session.
    session: Option<SessionRow>,
    form: FormState,
    zones: &'static [chrono_tz::Tz],
    notice: Option<String>,
}

impl SessionPage {
    fn checked(&self, lang: &str) -> bool {
        self.form.value("languages").split(',').any(|l| l == lang)
    }

    /// The floor language is stored first.
    fn is_floor(&self, lang: &str) -> bool {
        self.form.value("languages").split(',').next() == Some(lang)
    }
}

#[allow(clippy::too_many_arguments)]
fn session_page(
    who: &Organiser,
    page: &PageCtx,
    cookie: &CookieSession,
    webinar_slug: String,
    session: Option<SessionRow>,
    form: FormState,
    notice: Option<String>,
) -> Result<HttpResponse, AppError> {
    let invalid = form.has_errors();
    respond(
        page,
        &SessionPage {
            nav: AdminNav::new(who, "sessions"),
            csrf: csrf::token(cookie),
            webinar_slug,
            session,
            form,
            zones: &chrono_tz::TZ_VARIANTS,
            notice,
            page: page.clone(),
        },
        invalid,
    )
}

pub async fn new_session(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner().1;
    let s = slug.clone();
    state
        .run(Pages::Unchanged, move |c| {
            crate::services::content::lookup::webinar_id(c, &s)
        })
        .await?;
    let tomorrow = (Utc::now() + chrono::Duration::days(7)).format("%Y-%m-%d");
    let form = FormState::default()
        .with_value("date", &tomorrow.to_string())
        .with_value("time", "10:00")
        .with_value("timezone", "Africa/Casablanca")
        .with_value("duration_minutes", "90")
        .with_value("capacity", "100")
        .with_value("languages", "fr,en,ar")
        .with_value("reminders", DEFAULT_REMINDERS);
    session_page(&who, &page, &cookie, slug, None, form, None)
}

pub async fn create_session(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<SessionForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&cookie, &form.csrf)?;
    let slug = path.into_inner().1;
    let (valid, reminders) = match form.parse() {
        Ok(v) => v,
        Err(state) => return session_page(&who, &page, &cookie, slug, None, state, None),
    };
    let actor = who.id();
    let s = slug.clone();
    let id = state
        .run(Pages::Changed, move |c| {
            let id = sessions::create(c, actor, &s, &valid)?;
            if reminders != DEFAULT_REMINDERS {
                sessions::edit::update(c, actor, id, &valid, &reminders)?;
            }
            Ok(id)
        })
        .await?;
    Ok(see_other(
        page.href(&format!("/admin/sessions/{id}?saved=1")),
    ))
}

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

pub async fn show_session(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    query: web::Query<SavedQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner().1;
    let (s, slug) = state
        .run(Pages::Unchanged, move |c| {
            sessions::lookup::with_webinar_slug(c, id)
        })
        .await?;
    let notice = query.saved.as_ref().map(|_| {
        page.ta(
            "admin-session-saved",
            "utc",
            &s.starts_at
                .and_utc()
                .format("%Y-%m-%d %H:%M UTC")
                .to_string(),
        )
    });
    let row = SessionRow::new(&s, page.locale);
    session_page(
        &who,
        &page,
        &cookie,
        slug,
        Some(row),
        stored_state(&s),
        notice,
    )
}

pub async fn save_session(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<SessionForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&cookie, &form.csrf)?;
    let id = path.into_inner().1;
    let (s, slug) = state
        .run(Pages::Unchanged, move |c| {
            sessions::lookup::with_webinar_slug(c, id)
        })
        .await?;
    let row = SessionRow::new(&s, page.locale);
    let (valid, reminders) = match form.parse() {
        Ok(v) => v,
        Err(st) => return session_page(&who, &page, &cookie, slug, Some(row), st, None),
    };
    let actor = who.id();
    let outcome = state
        .run(Pages::Changed, move |c| {
            sessions::edit::update(c, actor, id, &valid, &reminders)
        })
        .await?;
    match outcome {
        EditOutcome::Updated { .. } => Ok(see_other(
            page.href(&format!("/admin/sessions/{id}?saved=1")),
        )),
        EditOutcome::BelowConfirmed => {
            let st = form
                .state()
                .with_errors(vec![("capacity", "admin-session-error-below-confirmed")]);
            session_page(&who, &page, &cookie, slug, Some(row), st, None)
        }
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn cancel_session(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&cookie, &form.csrf)?;
    let id = path.into_inner().1;
    let actor = who.id();
    state
        .run(Pages::Changed, move |c| {
            sessions::edit::cancel(c, actor, id)
        })
        .await?;
    Ok(see_other(page.href(&format!("/admin/sessions/{id}"))))
}
