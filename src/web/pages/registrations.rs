//! Registration pages: the form, the confirmation page (a GET shows a button, the POST
//! confirms), the manage page (cancel, switch session, change language) and join links.

use actix_session::Session;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use crate::domain::Locale;
use crate::domain::country::CODES;
use crate::domain::registration::{Function, RegistrationInput};
use crate::services::programme::{self, SessionView, WebinarView};
use crate::services::registrations::{self, RegistrationError, RegistrationView};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::{PageCtx, render, render_status};
use crate::web::rate_limit::{Limit, client_key};
use crate::web::state::AppState;

pub fn error(e: RegistrationError) -> AppError {
    match e {
        RegistrationError::SessionUnavailable | RegistrationError::UnknownToken => {
            AppError::NotFound
        }
        RegistrationError::Expired => AppError::BadRequest {
            code: "expired",
            message_id: "registration-expired",
        },
        RegistrationError::AlreadyRegistered => AppError::BadRequest {
            code: "already_registered",
            message_id: "registration-already-there",
        },
        RegistrationError::Db(e) => e.into(),
    }
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    page: PageCtx,
    csrf: String,
    form: FormState,
    webinar: WebinarView,
    session: SessionView,
    countries: Vec<(&'static str, String)>,
    functions: [Function; 3],
}

#[derive(Template)]
#[template(path = "registration_message.html")]
struct MessagePage {
    page: PageCtx,
    title_id: &'static str,
    text: String,
}

#[derive(Template)]
#[template(path = "registration_confirm.html")]
struct ConfirmPage {
    page: PageCtx,
    csrf: String,
    token: String,
}

#[derive(Template)]
#[template(path = "registration_manage.html")]
struct ManagePage {
    page: PageCtx,
    csrf: String,
    registration: RegistrationView,
    session: SessionView,
    others: Vec<SessionView>,
    join_url: Option<String>,
    position: Option<i64>,
    status_id: &'static str,
}

fn countries(page: &PageCtx) -> Vec<(&'static str, String)> {
    let mut list: Vec<_> = CODES
        .iter()
        .map(|c| (*c, page.t(&format!("country-{c}"))))
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    list
}

async fn load_session(
    state: &AppState,
    page: &PageCtx,
    id: &str,
) -> Result<(WebinarView, SessionView), AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let locale = page.locale;
    state
        .db
        .run(move |c| {
            let session = programme::session(c, id)?;
            if session.starts_at <= Utc::now() {
                return Err(crate::db::DbError::Query(diesel::result::Error::NotFound));
            }
            let webinar =
                programme::webinar(c, &session.webinar_slug, locale, Utc::now().naive_utc())?;
            Ok((webinar, session))
        })
        .await
        .map_err(AppError::from)
}

#[derive(Deserialize)]
pub struct RegisterForm {
    #[serde(flatten)]
    input: RegistrationInputForm,
    #[serde(default)]
    csrf: String,
}

/// Checkboxes arrive as "on" or not at all.
#[derive(Deserialize, Default)]
pub struct RegistrationInputForm {
    #[serde(default)]
    full_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    function: String,
    #[serde(default)]
    territory: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    timezone: String,
    consent: Option<String>,
    announcements: Option<String>,
}

impl RegistrationInputForm {
    fn input(&self) -> RegistrationInput {
        RegistrationInput {
            full_name: self.full_name.clone(),
            email: self.email.clone(),
            organisation: self.organisation.clone(),
            function: self.function.clone(),
            territory: self.territory.clone(),
            country: self.country.clone(),
            locale: self.locale.clone(),
            timezone: self.timezone.clone(),
            consent: self.consent.is_some(),
            announcements: self.announcements.is_some(),
        }
    }

    fn form_state(&self) -> FormState {
        FormState::default()
            .with_value("full_name", &self.full_name)
            .with_value("email", &self.email)
            .with_value("organisation", &self.organisation)
            .with_value("function", &self.function)
            .with_value("territory", &self.territory)
            .with_value("country", &self.country)
            .with_value("locale", &self.locale)
            .with_value("timezone", &self.timezone)
            .with_value("consent", if self.consent.is_some() { "on" } else { "" })
            .with_value(
                "announcements",
                if self.announcements.is_some() {
                    "on"
                } else {
                    ""
                },
            )
    }
}

pub async fn show_register(
    page: PageCtx,
    path: web::Path<(String, String)>,
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (webinar, s) = load_session(&state, &page, &path.1).await?;
    let form = FormState::default()
        .with_value("locale", page.locale.code())
        .with_value(
            "timezone",
            page.viewer_tz
                .map(|z| z.name())
                .unwrap_or(s.timezone.as_str()),
        );
    render(
        &page,
        &RegisterPage {
            csrf: csrf::token(&session),
            countries: countries(&page),
            functions: Function::ALL,
            page: page.clone(),
            form,
            webinar,
            session: s,
        },
    )
}

pub async fn submit_register(
    page: PageCtx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    state.limits.check(Limit::Registration, &client_key(&req))?;
    let (webinar, s) = load_session(&state, &page, &path.1).await?;
    let new = match form.input.input().parse() {
        Ok(new) => new,
        Err(problems) => {
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &RegisterPage {
                    csrf: csrf::token(&session),
                    countries: countries(&page),
                    functions: Function::ALL,
                    page: page.clone(),
                    form: form.input.form_state().with_errors(problems),
                    webinar,
                    session: s,
                },
            );
        }
    };
    let tokens = state.tokens.clone();
    let session_id = s.id;
    state
        .db
        .write(move |c| {
            registrations::register(c, &tokens, session_id, &new, Utc::now().naive_utc())
        })
        .await
        .map_err(error)?;
    state.wake_mailer();
    render(
        &page,
        &MessagePage {
            page: page.clone(),
            title_id: "registration-sent-title",
            text: page.t("registration-sent-text"),
        },
    )
}

pub async fn show_confirm(
    page: PageCtx,
    path: web::Path<(String, String)>,
    session: Session,
) -> Result<HttpResponse, AppError> {
    render(
        &page,
        &ConfirmPage {
            csrf: csrf::token(&session),
            page: page.clone(),
            token: path.1.clone(),
        },
    )
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    csrf: String,
}

pub async fn confirm(
    page: PageCtx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    state.limits.check(Limit::Confirmation, &client_key(&req))?;
    let token = path.1.clone();
    let result = state
        .db
        .write(move |c| registrations::confirm(c, &token, Utc::now().naive_utc()))
        .await
        .map_err(error)?;
    // A seat taken changes `seats_left` on the public pages.
    state.db.content_changed();
    state.wake_mailer();
    let text = match result.waitlist_position {
        Some(p) => page.tn("registration-waitlisted-text", p as i32),
        None => page.t("registration-confirmed-text"),
    };
    render(
        &page,
        &MessagePage {
            page: page.clone(),
            title_id: if result.status == "confirmed" {
                "registration-confirmed-title"
            } else {
                "registration-waitlisted-title"
            },
            text,
        },
    )
}

pub async fn show_manage(
    page: PageCtx,
    path: web::Path<(String, String)>,
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let token = path.1.clone();
    let tokens = state.tokens.clone();
    let public = state.settings.public_url();
    let registration = state
        .db
        .run(move |c| {
            Ok(registrations::view(
                c,
                &tokens,
                &public,
                &token,
                Utc::now().naive_utc(),
            ))
        })
        .await?
        .map_err(error)?;
    render(
        &page,
        &ManagePage {
            csrf: csrf::token(&session),
            page: page.clone(),
            session: registration.session.clone(),
            others: registration.other_sessions.clone(),
            join_url: registration.join_url.clone(),
            position: registration.waitlist_position,
            status_id: match registration.status {
                "confirmed" => "registration-status-confirmed",
                "waitlisted" => "registration-status-waitlisted",
                "cancelled" => "registration-status-cancelled",
                _ => "registration-status-pending",
            },
            registration,
        },
    )
}

#[derive(Deserialize)]
pub struct ManageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    session_id: String,
    #[serde(default)]
    locale: String,
}

pub async fn update_manage(
    page: PageCtx,
    path: web::Path<(String, String)>,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<ManageForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let token = path.1.clone();
    let now = Utc::now().naive_utc();
    let mut lang = page.locale;
    match form.action.as_str() {
        "cancel" => {
            let t = token.clone();
            state
                .db
                .run(move |c| Ok(registrations::cancel(c, &t, now)))
                .await?
                .map_err(error)?;
        }
        "switch" => {
            let to: i64 = form.session_id.parse().map_err(|_| AppError::NotFound)?;
            let t = token.clone();
            state
                .db
                .run(move |c| Ok(registrations::switch_session(c, &t, to, now)))
                .await?
                .map_err(error)?;
        }
        "language" => {
            let locale: Locale = form.locale.parse().map_err(|_| AppError::NotFound)?;
            lang = locale;
            let t = token.clone();
            state
                .db
                .run(move |c| Ok(registrations::change_locale(c, &t, locale)))
                .await?
                .map_err(error)?;
        }
        _ => return Err(AppError::NotFound),
    }
    state.wake_mailer();
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("/{}/registrations/{token}", lang.code()),
        ))
        .finish())
}

/// The personal join link: records the click and sends the person to the meeting.
pub async fn join(
    path: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let token = path.into_inner();
    let url = state
        .db
        .run(move |c| Ok(registrations::join(c, &token, Utc::now().naive_utc())))
        .await?
        .map_err(error)?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, url))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}
