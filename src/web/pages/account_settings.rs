//! The signed-in learner's settings: password, address, deleting the account.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::services::accounts::lookup::User;
use crate::services::accounts::{self, AccountError};
use crate::web::auth::{self, MaybeUser};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::{PageCtx, render, render_status};
use crate::web::state::{AppState, Pages};

use super::account::MessagePage;

#[derive(Template)]
#[template(path = "account_settings.html")]
struct SettingsPage {
    page: PageCtx,
    csrf: String,
    user: User,
    /// Which form the state belongs to: `password`, `email` or `delete`.
    active: &'static str,
    form: FormState,
}

impl SettingsPage {
    fn form_of(&self, which: &str) -> FormState {
        if self.active == which {
            self.form.clone()
        } else {
            FormState::default()
        }
    }
}

fn settings(
    page: &PageCtx,
    session: &Session,
    user: User,
    active: &'static str,
    form: FormState,
) -> Result<HttpResponse, AppError> {
    let status = if form.has_errors() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let tpl = SettingsPage {
        page: page.clone(),
        csrf: csrf::token(session),
        user,
        active,
        form,
    };
    if status == StatusCode::OK {
        render(page, &tpl)
    } else {
        render_status(status, &tpl)
    }
}

pub async fn show_settings(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    user: MaybeUser,
) -> Result<HttpResponse, AppError> {
    let Some(user) = user.0 else {
        return Ok(auth::to_login(&req, page.lang()));
    };
    settings(&page, &session, user, "", FormState::default())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    csrf: String,
}

/// Runs a settings change; its field errors come back on the same form.
async fn apply<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&mut crate::db::DbConnection) -> Result<T, AccountError> + Send + 'static,
) -> Result<Result<T, crate::services::FieldErrors>, AppError> {
    match state.run(Pages::Unchanged, move |c| Ok(f(c))).await? {
        Ok(v) => Ok(Ok(v)),
        Err(AccountError::Invalid(errors)) => Ok(Err(errors)),
        Err(e) => Err(e.into()),
    }
}

pub async fn change_password(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    user: MaybeUser,
    state: web::Data<AppState>,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let Some(user) = user.0 else {
        return Ok(auth::to_login(&req, page.lang()));
    };
    let (current, new, u) = (
        form.current_password.clone(),
        form.new_password.clone(),
        user.clone(),
    );
    match apply(&state, move |c| {
        accounts::change_password(c, &u, &current, &new)
    })
    .await?
    {
        Ok(updated) => {
            auth::sign_in(&session, &updated)?;
            let form = FormState {
                success: Some("account-password-changed"),
                ..FormState::default()
            };
            settings(&page, &session, updated, "password", form)
        }
        Err(errors) => settings(
            &page,
            &session,
            user,
            "password",
            FormState::default().with_errors(errors),
        ),
    }
}

#[derive(Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_email: String,
    #[serde(default)]
    csrf: String,
}

pub async fn change_email(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    user: MaybeUser,
    state: web::Data<AppState>,
    form: web::Form<EmailForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let Some(user) = user.0 else {
        return Ok(auth::to_login(&req, page.lang()));
    };
    let (password, email, u) = (
        form.current_password.clone(),
        form.new_email.clone(),
        user.clone(),
    );
    let state_form = match apply(&state, move |c| {
        accounts::change_email(c, &u, &password, &email)
    })
    .await?
    {
        Ok(()) => FormState {
            success: Some("account-email-sent"),
            ..FormState::default()
        },
        Err(errors) => FormState::default()
            .with_value("new_email", &form.new_email)
            .with_errors(errors),
    };
    settings(&page, &session, user, "email", state_form)
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    csrf: String,
}

pub async fn delete_account(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    user: MaybeUser,
    state: web::Data<AppState>,
    form: web::Form<DeleteForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let Some(user) = user.0 else {
        return Ok(auth::to_login(&req, page.lang()));
    };
    let (password, u) = (form.current_password.clone(), user.clone());
    match apply(&state, move |c| accounts::delete_account(c, &u, &password)).await? {
        Ok(()) => {
            auth::sign_out(&session);
            render(
                &page,
                &MessagePage::new(&page, "account-deleted-title", "account-deleted-text"),
            )
        }
        Err(errors) => settings(
            &page,
            &session,
            user,
            "delete",
            FormState::default().with_errors(errors),
        ),
    }
}
