//! Pages behind the links of registration mails: confirm (a GET shows a button, the POST
//! confirms), manage (status, join link, cancel, switch session, change language; for a
//! series registration every session, cancel one or all) and the personal join link.

use actix_session::Session;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::domain::Locale;
use crate::services::registrations::manage::Managed;
use crate::services::registrations::reminders;
use crate::services::registrations::series::SeriesView;
use crate::services::registrations::view::RegistrationView;
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::registering::{self, Change};
use crate::web::state::{AppState, Pages};

use super::registrations::MessagePage;

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
}

#[derive(Template)]
#[template(path = "registration_series.html")]
struct SeriesPage {
    page: PageCtx,
    csrf: String,
    series: SeriesView,
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
    let result = registering::confirm(&state, &req, path.1.clone()).await?;
    let (title_id, text) = if !result.sessions.is_empty() {
        let confirmed = result
            .sessions
            .iter()
            .filter(|s| s.status == "confirmed")
            .count();
        let waiting = result.sessions.len() - confirmed;
        (
            "registration-series-confirmed-title",
            page.tnn("registration-series-confirmed-text", confirmed, waiting),
        )
    } else if let Some(p) = result.waitlist_position {
        (
            "registration-waitlisted-title",
            page.tn("registration-waitlisted-text", p),
        )
    } else {
        (
            "registration-confirmed-title",
            page.t("registration-confirmed-text"),
        )
    };
    render(
        &page,
        &MessagePage {
            page: page.clone(),
            title_id,
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
    let csrf = csrf::token(&session);
    match registering::view(&state, path.1.clone(), page.locale).await? {
        Managed::One(registration) => render(
            &page,
            &ManagePage {
                page: page.clone(),
                csrf,
                registration: *registration,
            },
        ),
        Managed::Series(series) => render(
            &page,
            &SeriesPage {
                page: page.clone(),
                csrf,
                series,
            },
        ),
    }
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
    let session_id = || {
        form.session_id
            .parse::<i64>()
            .map_err(|_| AppError::NotFound)
    };
    let mut lang = page.locale;
    let change = match form.action.as_str() {
        "cancel" if form.session_id.is_empty() => Change::Cancel(None),
        "cancel" => Change::Cancel(Some(session_id()?)),
        "switch" => Change::Switch(session_id()?),
        "language" => {
            lang = form.locale.parse().map_err(|_| AppError::NotFound)?;
            Change::Language(lang)
        }
        _ => return Err(AppError::NotFound),
    };
    registering::change(&state, token.clone(), change).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            format!("/{}/registrations/{token}", Locale::code(lang)),
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
        .run(Pages::Unchanged, move |c| {
            Ok(reminders::join(c, &token, chrono::Utc::now().naive_utc()))
        })
        .await?
        .map_err(AppError::from)?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, url))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish())
}
