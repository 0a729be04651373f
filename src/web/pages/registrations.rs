//! The registration form, for one session (`/{lang}/sessions/{id}/register`) or for the
//! whole series (`/{lang}/series/register`); `?invitation={token}` pre-fills it with
//! what the invitation knows. Confirmation, manage and join pages are in
//! `registration_manage.rs`.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use crate::domain::country::{CODES, Country};
use crate::domain::registration::{Function, RegistrationInput};
use crate::services::content::programme;
use crate::services::registrations;
use crate::services::registrations::series::SeriesItem;
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::{PageCtx, render, render_status};
use crate::web::registering::{self, Target};
use crate::web::state::{AppState, Pages};

pub use super::registration_manage::{confirm, join, show_confirm, show_manage, update_manage};

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    page: PageCtx,
    csrf: String,
    form: FormState,
    /// One item for a session; one per webinar for the whole series.
    items: Vec<SeriesItem>,
    series: bool,
    countries: Vec<(&'static str, String)>,
    functions: [Function; 3],
}

#[derive(Template)]
#[template(path = "registration_message.html")]
pub(super) struct MessagePage {
    pub page: PageCtx,
    pub title_id: &'static str,
    pub text: String,
}

fn countries(page: &PageCtx) -> Vec<(&'static str, String)> {
    let mut list: Vec<_> = CODES
        .iter()
        .map(|c| (*c, page.t(&format!("country-{c}"))))
        .collect();
    list.sort_by(|a, b| a.1.cmp(&b.1));
    list
}

/// What the form offers: the session (with its webinar's title), or the series.
async fn load_items(
    state: &AppState,
    page: &PageCtx,
    target: Target,
) -> Result<Vec<SeriesItem>, AppError> {
    let locale = page.locale;
    let items = state
        .run(Pages::Unchanged, move |c| {
            let now = Utc::now().naive_utc();
            match target {
                Target::Series => registrations::series::offer(c, locale, now),
                Target::Session(id) => {
                    let session = programme::session(c, id)?;
                    let webinar = programme::webinar(c, &session.webinar_slug, locale, now)?;
                    Ok(vec![SeriesItem {
                        title: webinar.title,
                        summary: webinar.summary,
                        share_image: webinar.share_image,
                        session,
                    }])
                }
            }
        })
        .await?;
    if items.is_empty() || items.iter().any(|i| i.session.starts_at <= Utc::now()) {
        return Err(AppError::NotFound);
    }
    Ok(items)
}

fn target(path: &str, series: bool) -> Result<Target, AppError> {
    if series {
        return Ok(Target::Series);
    }
    path.parse()
        .map(Target::Session)
        .map_err(|_| AppError::NotFound)
}

/// Checkboxes arrive as "on" or not at all.
#[derive(Deserialize, Default)]
pub struct RegisterForm {
    #[serde(default)]
    csrf: String,
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
    #[serde(default)]
    website: String,
}

impl RegisterForm {
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
            website: self.website.clone(),
        }
    }

    fn form_state(&self) -> FormState {
        let check = |b: &Option<String>| if b.is_some() { "on" } else { "" };
        FormState::default()
            .with_value("full_name", &self.full_name)
            .with_value("email", &self.email)
            .with_value("organisation", &self.organisation)
            .with_value("function", &self.function)
            .with_value("territory", &self.territory)
            .with_value("country", &self.country)
            .with_value("locale", &self.locale)
            .with_value("timezone", &self.timezone)
            .with_value("consent", check(&self.consent))
            .with_value("announcements", check(&self.announcements))
    }
}

#[derive(Deserialize)]
pub struct RegisterQuery {
    invitation: Option<String>,
}

/// The empty form, or pre-filled from an invitation: name, address, organisation,
/// country and language as the organiser's contact list gave them.
async fn blank_form(
    state: &AppState,
    page: &PageCtx,
    zone: &str,
    invitation: Option<String>,
) -> Result<FormState, AppError> {
    let mut form = RegisterForm {
        locale: page.locale.code().to_owned(),
        timezone: page.viewer_tz.map(|z| z.name()).unwrap_or(zone).to_owned(),
        ..RegisterForm::default()
    };
    if let Some(token) = invitation {
        let invitee = state
            .run(Pages::Unchanged, move |c| {
                registrations::manage::invitee(c, &token)
            })
            .await?;
        if let Some(inv) = invitee {
            form.full_name = inv.full_name;
            form.email = inv.email;
            form.organisation = inv.organisation;
            if Country::parse(&inv.country).is_some() {
                form.country = inv.country;
            }
            form.locale = inv.locale.code().to_owned();
        }
    }
    Ok(form.form_state())
}

async fn show_form(
    page: PageCtx,
    session: Session,
    state: &AppState,
    target: Target,
    invitation: Option<String>,
) -> Result<HttpResponse, AppError> {
    let items = load_items(state, &page, target).await?;
    let zone = items[0].session.timezone.name().to_owned();
    let form = blank_form(state, &page, &zone, invitation).await?;
    render(
        &page,
        &RegisterPage {
            csrf: csrf::token(&session),
            countries: countries(&page),
            functions: Function::ALL,
            page: page.clone(),
            form,
            series: matches!(target, Target::Series),
            items,
        },
    )
}

async fn submit_form(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    state: &AppState,
    target: Target,
    form: RegisterForm,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let items = load_items(state, &page, target).await?;
    match registering::register(state, &req, target, &form.input()).await {
        Ok(()) => render(
            &page,
            &MessagePage {
                page: page.clone(),
                title_id: "registration-sent-title",
                text: page.t("registration-sent-text"),
            },
        ),
        Err(AppError::Validation(problems)) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RegisterPage {
                csrf: csrf::token(&session),
                countries: countries(&page),
                functions: Function::ALL,
                page: page.clone(),
                form: form.form_state().with_errors(problems),
                series: matches!(target, Target::Series),
                items,
            },
        ),
        Err(e) => Err(e),
    }
}

pub async fn show_register(
    page: PageCtx,
    path: web::Path<(String, String)>,
    query: web::Query<RegisterQuery>,
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let target = target(&path.1, false)?;
    show_form(page, session, &state, target, query.into_inner().invitation).await
}

pub async fn submit_register(
    page: PageCtx,
    req: HttpRequest,
    path: web::Path<(String, String)>,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    let target = target(&path.1, false)?;
    submit_form(page, req, session, &state, target, form.into_inner()).await
}

pub async fn show_series_register(
    page: PageCtx,
    query: web::Query<RegisterQuery>,
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    show_form(
        page,
        session,
        &state,
        Target::Series,
        query.into_inner().invitation,
    )
    .await
}

pub async fn submit_series_register(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    submit_form(
        page,
        req,
        session,
        &state,
        Target::Series,
        form.into_inner(),
    )
    .await
}
