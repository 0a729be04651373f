//! `/{lang}/admin/tokens`: an organiser's API tokens (an admin sees everyone's): create
//! one with a name, scopes and an optional expiry (its value shown once), see when each
//! was last used, revoke one.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{NaiveDateTime, Utc};

use crate::domain::token_scope::{TokenScope, TokenScopes};
use crate::i18n::format_date;
use crate::services::accounts::api_tokens::{self, TokenRequest, TokenView};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::shell::{AdminNav, respond, see_other};

/// One token as the page lists it, dates already in the page's language.
struct TokenRow {
    id: i64,
    label: String,
    holder: String,
    scopes: String,
    created: String,
    expires: String,
    last_used: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "admin/tokens.html")]
struct TokensPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    rows: Vec<TokenRow>,
    form: FormState,
    /// The scopes offered, with whether the form had them ticked.
    choices: Vec<(&'static str, bool)>,
    /// A new token's value, shown once.
    created: Option<String>,
    show_holder: bool,
}

fn day(page: &PageCtx, at: Option<NaiveDateTime>, none_id: &str) -> String {
    at.map_or_else(
        || page.t(none_id),
        |at| format_date(&at.and_utc(), page.locale),
    )
}

fn row(page: &PageCtx, view: &TokenView, now: NaiveDateTime) -> TokenRow {
    let scopes = TokenScopes::parse(&view.token.scopes).map_or_else(
        |_| String::new(),
        |s| {
            let names: Vec<_> = s
                .iter()
                .map(|s| page.t(&format!("admin-token-scope-{}", s.as_str())))
                .collect();
            names.join(", ")
        },
    );
    TokenRow {
        id: view.token.id,
        label: view.label().to_owned(),
        holder: view.holder_email.clone(),
        scopes,
        created: day(page, Some(view.token.created_at), "admin-token-never"),
        expires: day(page, view.token.expires_at, "admin-token-no-expiry"),
        last_used: day(page, view.token.last_used_at, "admin-token-never"),
        active: view.is_active(now),
    }
}

async fn tokens_page(
    who: &Organiser,
    page: &PageCtx,
    session: &Session,
    state: &AppState,
    form: FormState,
    created: Option<String>,
) -> Result<HttpResponse, AppError> {
    let viewer = who.0.clone();
    let views = state
        .run(Pages::Unchanged, move |c| api_tokens::list(c, &viewer))
        .await?;
    let now = Utc::now().naive_utc();
    let ticked = form.value("scopes").to_owned();
    let choices = TokenScope::ALL
        .iter()
        .map(|s| (s.as_str(), ticked.split(',').any(|t| t == s.as_str())))
        .collect();
    let invalid = form.has_errors();
    let template = TokensPage {
        nav: AdminNav::new(who, "tokens"),
        csrf: csrf::token(session),
        rows: views.iter().map(|v| row(page, v, now)).collect(),
        form,
        choices,
        created,
        show_holder: who.is_admin(),
        page: page.clone(),
    };
    respond(page, &template, invalid)
}

pub async fn list_tokens(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    tokens_page(&who, &page, &session, &state, FormState::default(), None).await
}

fn field(fields: &[(String, String)], name: &str) -> String {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// `POST /{lang}/admin/tokens`: the form sends one `scope` per ticked box.
pub async fn create_token(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &field(&form, "csrf"))?;
    let scopes: Vec<_> = form
        .iter()
        .filter(|(n, _)| n == "scope")
        .map(|(_, v)| v.as_str())
        .collect();
    let scopes = scopes.join(",");
    let (label, expires) = (field(&form, "label"), field(&form, "expires"));
    let typed = FormState::default()
        .with_value("label", &label)
        .with_value("scopes", &scopes)
        .with_value("expires", &expires);
    let today = Utc::now().date_naive();
    let request = match TokenRequest::parse(&label, &scopes, &expires, today) {
        Ok(request) => request,
        Err(errors) => {
            let form = typed.with_errors(errors);
            return tokens_page(&who, &page, &session, &state, form, None).await;
        }
    };
    let holder = who.0.clone();
    let raw = state
        .run(Pages::Unchanged, move |c| {
            api_tokens::create(c, &holder, &request, Utc::now().naive_utc())
        })
        .await?
        .ok_or(AppError::Forbidden)?;
    tokens_page(
        &who,
        &page,
        &session,
        &state,
        FormState::default(),
        Some(raw),
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct RevokeForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /{lang}/admin/tokens/{id}/revoke`.
pub async fn revoke_token(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<RevokeForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let viewer = who.0.clone();
    let revoked = state
        .run(Pages::Unchanged, move |c| {
            api_tokens::revoke(c, &viewer, id, Utc::now().naive_utc())
        })
        .await?;
    if !revoked {
        return Err(AppError::NotFound);
    }
    Ok(see_other(page.href("/admin/tokens")))
}
