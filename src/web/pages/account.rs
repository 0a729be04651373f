//! Account pages: sign up, verify the address, log in, log out.

use actix_session::Session;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::services::accounts::{self, AccountError, Signup, SignupInput};
use crate::web::auth::{self, MaybeUser};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::{PageCtx, render, render_status};
use crate::web::rate_limit::{Limit, client_key};
use crate::web::state::{AppState, Pages};

#[derive(Template)]
#[template(path = "account_signup.html")]
struct SignupPage {
    page: PageCtx,
    csrf: String,
    form: FormState,
}

#[derive(Template)]
#[template(path = "account_login.html")]
struct LoginPage {
    page: PageCtx,
    csrf: String,
    form: FormState,
    next: String,
}

#[derive(Template)]
#[template(path = "account_verify.html")]
struct VerifyPage {
    page: PageCtx,
    csrf: String,
    token: String,
}

/// A short page saying what happened, with a link onwards.
#[derive(Template)]
#[template(path = "account_message.html")]
pub struct MessagePage {
    pub page: PageCtx,
    pub title_id: &'static str,
    pub text_id: &'static str,
    pub link_href: String,
    pub link_id: &'static str,
}

impl MessagePage {
    pub fn new(page: &PageCtx, title_id: &'static str, text_id: &'static str) -> MessagePage {
        MessagePage {
            page: page.clone(),
            title_id,
            text_id,
            link_href: page.href("/modules"),
            link_id: "account-go-modules",
        }
    }

    pub fn link(mut self, href: String, link_id: &'static str) -> MessagePage {
        self.link_href = href;
        self.link_id = link_id;
        self
    }
}

#[derive(Deserialize)]
pub struct SignupForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    full_name: String,
    consent: Option<String>,
    #[serde(default)]
    csrf: String,
}

pub async fn show_signup(page: PageCtx, session: Session) -> Result<HttpResponse, AppError> {
    let csrf = csrf::token(&session);
    render(
        &page,
        &SignupPage {
            page: page.clone(),
            csrf,
            form: FormState::default(),
        },
    )
}

pub async fn create_account(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<SignupForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    state.limits.check(Limit::Signup, &client_key(&req)).await?;
    let input = SignupInput {
        email: form.email.clone(),
        password: form.password.clone(),
        full_name: form.full_name.clone(),
        locale: page.locale.code().to_owned(),
        consent: form.consent.is_some(),
    };
    let signup = match Signup::parse(&input) {
        Ok(s) => s,
        Err(errors) => {
            let form = FormState::default()
                .with_value("email", &form.email)
                .with_value("full_name", &form.full_name)
                .with_value("consent", if input.consent { "on" } else { "" })
                .with_errors(errors);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SignupPage {
                    page: page.clone(),
                    csrf: csrf::token(&session),
                    form,
                },
            );
        }
    };
    state
        .run(Pages::Unchanged, move |c| Ok(accounts::signup(c, &signup)))
        .await??;
    render(
        &page,
        &MessagePage::new(
            &page,
            "account-signup-sent-title",
            "account-signup-sent-text",
        ),
    )
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn show_login(
    page: PageCtx,
    session: Session,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    let next = auth::safe_next(query.next.as_deref(), page.lang());
    render(
        &page,
        &LoginPage {
            page: page.clone(),
            csrf: csrf::token(&session),
            form: FormState::default(),
            next,
        },
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
    #[serde(default)]
    csrf: String,
}

pub async fn log_in(
    page: PageCtx,
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    state.limits.check(Limit::Login, &client_key(&req)).await?;
    state
        .limits
        .check(Limit::LoginAccount, &form.email.trim().to_lowercase())
        .await?;
    let next = auth::safe_next(form.next.as_deref(), page.lang());
    let (email, password) = (form.email.clone(), form.password.clone());
    let result = state
        .run(Pages::Unchanged, move |c| {
            Ok(accounts::login(c, &email, &password))
        })
        .await?;
    match result {
        Ok(user) => {
            auth::sign_in(&session, &user)?;
            // Organisers land in the back office unless a page sent them to log in.
            let default = auth::safe_next(None, page.lang());
            let asked = next != default;
            let next = if !asked && crate::services::accounts::lookup::is_staff(&user) {
                page.href("/admin/")
            } else {
                next
            };
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, next))
                .finish())
        }
        Err(AccountError::Db(e)) => Err(e.into()),
        Err(e) => {
            let notice = match e {
                AccountError::NotVerified => "account-error-not-verified",
                _ => "account-error-credentials",
            };
            let form = FormState {
                notice: Some(notice),
                ..FormState::default().with_value("email", &form.email)
            };
            render_status(
                StatusCode::UNAUTHORIZED,
                &LoginPage {
                    page: page.clone(),
                    csrf: csrf::token(&session),
                    form,
                    next,
                },
            )
        }
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn log_out(
    page: PageCtx,
    session: Session,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    auth::sign_out(&session);
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, page.href("/")))
        .finish())
}

/// The page a verification link opens: a button, so a mail scanner verifies nothing.
pub async fn show_verify(
    page: PageCtx,
    path: web::Path<(String, String)>,
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let token = path.1.clone();
    let check = token.clone();
    let usable = state
        .run(Pages::Unchanged, move |c| {
            accounts::token_is_usable(c, &[accounts::VERIFY, accounts::EMAIL_CHANGE], &check)
        })
        .await?;
    if !usable {
        return invalid_link(&page);
    }
    render(
        &page,
        &VerifyPage {
            page: page.clone(),
            csrf: csrf::token(&session),
            token,
        },
    )
}

pub async fn verify_account(
    page: PageCtx,
    path: web::Path<(String, String)>,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let token = path.1.clone();
    let result = state
        .run(Pages::Unchanged, move |c| Ok(accounts::verify(c, &token)))
        .await?;
    match result {
        Ok(user) => {
            auth::sign_in(&session, &user)?;
            render(
                &page,
                &MessagePage::new(&page, "account-verified-title", "account-verified-text"),
            )
        }
        Err(AccountError::Db(e)) => Err(e.into()),
        Err(_) => invalid_link(&page),
    }
}

pub fn invalid_link(page: &PageCtx) -> Result<HttpResponse, AppError> {
    render_status(
        StatusCode::BAD_REQUEST,
        &MessagePage::new(
            page,
            "account-link-invalid-title",
            "account-link-invalid-text",
        )
        .link(page.href("/account/forgot"), "account-forgot-link"),
    )
}

/// Signed-in visitors who open the sign-up or login page go to their learning page.
pub async fn account_home(page: PageCtx, user: MaybeUser) -> HttpResponse {
    let to = if user.0.is_some() {
        page.href("/account/settings")
    } else {
        page.href("/account/login")
    };
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .finish()
}
