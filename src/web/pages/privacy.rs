//! Privacy: the notice (`/{lang}/privacy`), asking for a link to one's data, and the
//! page that link opens, with a button to download the data and one to erase it.
//! Opening the link changes nothing; only the buttons (POST, CSRF token) act.

use actix_session::Session;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use crate::domain::consent::NOTICE_VERSION;
use crate::services::privacy::{self, PrivacyError};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::{PageCtx, render, render_status};
use crate::web::rate_limit::{Limit, client_key};
use crate::web::state::{AppState, Pages};

use super::account::MessagePage;

#[derive(Template)]
#[template(path = "privacy.html")]
struct NoticePage {
    page: PageCtx,
    version: &'static str,
    retention_days: String,
    mail_retention_days: String,
}

#[derive(Template)]
#[template(path = "privacy_request.html")]
struct RequestPage {
    page: PageCtx,
    csrf: String,
    form: FormState,
}

#[derive(Template)]
#[template(path = "privacy_manage.html")]
struct ManagePage {
    page: PageCtx,
    csrf: String,
    token: String,
    form: FormState,
}

pub async fn show_notice(
    page: PageCtx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let days = |d: u32| {
        if d == 0 {
            page.t("privacy-kept-indefinitely")
        } else {
            page.tn("privacy-days", i64::from(d))
        }
    };
    render(
        &page,
        &NoticePage {
            page: page.clone(),
            version: NOTICE_VERSION,
            retention_days: days(state.settings.retention_days),
            mail_retention_days: days(state.settings.mail_retention_days),
        },
    )
}

pub async fn show_request(page: PageCtx, session: Session) -> Result<HttpResponse, AppError> {
    render(
        &page,
        &RequestPage {
            page: page.clone(),
            csrf: csrf::token(&session),
            form: FormState::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    csrf: String,
}

/// Always the same answer, whether or not the address is known.
pub async fn submit_request(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<RequestForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    state
        .limits
        .check(Limit::Privacy, &client_key(&req))
        .await?;
    state
        .limits
        .check(Limit::Privacy, &form.email.trim().to_lowercase())
        .await?;
    let (email, locale) = (form.email.clone(), page.locale);
    let result = state
        .run(Pages::Unchanged, move |c| {
            Ok(privacy::request_link(
                c,
                &email,
                locale,
                Utc::now().naive_utc(),
            ))
        })
        .await?;
    match result {
        Ok(()) => render(
            &page,
            &MessagePage::new(&page, "privacy-sent-title", "privacy-sent-text")
                .link(page.href("/privacy"), "privacy-back-to-notice"),
        ),
        Err(PrivacyError::InvalidEmail) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RequestPage {
                page: page.clone(),
                csrf: csrf::token(&session),
                form: FormState::default()
                    .with_value("email", &form.email)
                    .with_errors(vec![("email", "privacy-error-email")]),
            },
        ),
        Err(e) => Err(e.into()),
    }
}

fn invalid_link(page: &PageCtx) -> Result<HttpResponse, AppError> {
    render_status(
        StatusCode::BAD_REQUEST,
        &MessagePage::new(
            page,
            "privacy-link-invalid-title",
            "privacy-link-invalid-text",
        )
        .link(page.href("/privacy/request"), "privacy-request-again"),
    )
}

/// The page the mailed link opens: two buttons, nothing done yet.
pub async fn show_manage(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    state
        .limits
        .check(Limit::Confirmation, &client_key(&req))
        .await?;
    let token = path.into_inner().1;
    let t = token.clone();
    let opened = state
        .run(Pages::Unchanged, move |c| {
            Ok(privacy::open(c, &t, Utc::now().naive_utc()))
        })
        .await?;
    match opened {
        Ok(_) => {
            let mut res = render(
                &page,
                &ManagePage {
                    page: page.clone(),
                    csrf: csrf::token(&session),
                    token,
                    form: FormState::default(),
                },
            )?;
            no_store(&mut res);
            Ok(res)
        }
        Err(PrivacyError::InvalidToken) => invalid_link(&page),
        Err(e) => Err(e.into()),
    }
}

fn no_store(res: &mut HttpResponse) {
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
}

#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    csrf: String,
    confirm: Option<String>,
}

/// Downloads everything held about the address, as JSON.
pub async fn export_data(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    state
        .limits
        .check(Limit::Confirmation, &client_key(&req))
        .await?;
    let token = path.into_inner().1;
    let data = state
        .run(Pages::Unchanged, move |c| {
            Ok(privacy::export(c, &token, Utc::now().naive_utc()))
        })
        .await?;
    match data {
        Ok(data) => Ok(download(&data)),
        Err(PrivacyError::InvalidToken) => invalid_link(&page),
        Err(e) => Err(e.into()),
    }
}

/// The JSON export as a file to save.
pub fn download(data: &impl serde::Serialize) -> HttpResponse {
    let mut res = HttpResponse::Ok()
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"convive-my-data.json\"",
        ))
        .json(data);
    no_store(&mut res);
    res
}

/// Erases the address's data once the box saying so is ticked.
pub async fn erase_data(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<ActionForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    state
        .limits
        .check(Limit::Confirmation, &client_key(&req))
        .await?;
    let token = path.into_inner().1;
    if form.confirm.is_none() {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ManagePage {
                page: page.clone(),
                csrf: csrf::token(&session),
                token,
                form: FormState::default()
                    .with_errors(vec![("confirm", "privacy-erase-confirm-required")]),
            },
        );
    }
    let result = state
        .run(Pages::Changed, move |c| {
            Ok(privacy::erase(c, &token, Utc::now().naive_utc()))
        })
        .await?;
    match result {
        Ok(_) => {
            crate::web::auth::sign_out(&session);
            render(
                &page,
                &MessagePage::new(&page, "privacy-erased-title", "privacy-erased-text")
                    .link(page.href("/"), "privacy-go-home"),
            )
        }
        Err(PrivacyError::InvalidToken) => invalid_link(&page),
        Err(e) => Err(e.into()),
    }
}
