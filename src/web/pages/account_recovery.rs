//! Forgotten password: ask for a link by mail, then choose a new password.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::services::accounts::{self, AccountError};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::{PageCtx, render, render_status};
use crate::web::rate_limit::{Limit, client_key};
use crate::web::state::{AppState, Pages};

use super::account::{MessagePage, invalid_link};

#[derive(Template)]
#[template(path = "account_forgot.html")]
struct ForgotPage {
    page: PageCtx,
    csrf: String,
    form: FormState,
}

#[derive(Template)]
#[template(path = "account_reset.html")]
struct ResetPage {
    page: PageCtx,
    csrf: String,
    form: FormState,
    token: String,
}

pub async fn show_forgot(page: PageCtx, session: Session) -> Result<HttpResponse, AppError> {
    render(
        &page,
        &ForgotPage {
            page: page.clone(),
            csrf: csrf::token(&session),
            form: FormState::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    csrf: String,
}

pub async fn request_reset(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<ForgotForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    state
        .limits
        .check(Limit::PasswordReset, &client_key(&req))
        .await?;
    state
        .limits
        .check(Limit::PasswordReset, &form.email.trim().to_lowercase())
        .await?;
    let email = form.email.clone();
    let result = state
        .run(Pages::Unchanged, move |c| {
            Ok(accounts::forgot_password(c, &email))
        })
        .await?;
    match result {
        Ok(()) => render(
            &page,
            &MessagePage::new(
                &page,
                "account-forgot-sent-title",
                "account-forgot-sent-text",
            )
            .link(page.href("/account/login"), "account-login-link"),
        ),
        Err(AccountError::Invalid(errors)) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ForgotPage {
                page: page.clone(),
                csrf: csrf::token(&session),
                form: FormState::default()
                    .with_value("email", &form.email)
                    .with_errors(errors),
            },
        ),
        Err(e) => Err(e.into()),
    }
}

pub async fn show_reset(
    page: PageCtx,
    path: web::Path<(String, String)>,
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let token = path.1.clone();
    let check = token.clone();
    let usable = state
        .run(Pages::Unchanged, move |c| {
            accounts::token_is_usable(c, &[accounts::RESET], &check)
        })
        .await?;
    if !usable {
        return invalid_link(&page);
    }
    render(
        &page,
        &ResetPage {
            page: page.clone(),
            csrf: csrf::token(&session),
            form: FormState::default(),
            token,
        },
    )
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

pub async fn reset_password(
    page: PageCtx,
    path: web::Path<(String, String)>,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<ResetForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let token = path.1.clone();
    let password = form.password.clone();
    let raw = token.clone();
    let result = state
        .run(Pages::Unchanged, move |c| {
            Ok(accounts::reset_password(c, &raw, &password))
        })
        .await?;
    match result {
        Ok(_) => render(
            &page,
            &MessagePage::new(&page, "account-reset-done-title", "account-reset-done-text")
                .link(page.href("/account/login"), "account-login-link"),
        ),
        Err(AccountError::Invalid(errors)) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetPage {
                page: page.clone(),
                csrf: csrf::token(&session),
                form: FormState::default().with_errors(errors),
                token,
            },
        ),
        Err(AccountError::Db(e)) => Err(e.into()),
        Err(_) => invalid_link(&page),
    }
}
