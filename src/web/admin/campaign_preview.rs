//! The invitation of a campaign as each language's invitees will get it, composed by
//! the real mail composer: side by side on a page, as JSON, and the HTML version alone
//! under a sandboxing Content-Security-Policy (no script, no same-origin access).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use serde_json::json;

use crate::domain::Locale;
use crate::mail::compose::{ComposeError, MailContext, preview_invitation};
use crate::mail::layout::Composed;
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::shell::AdminNav;

/// What composers need, taken from the running mailer or built from the settings.
fn mail_context(state: &AppState) -> Result<MailContext, AppError> {
    if let Some(m) = &state.mailer {
        return Ok(m.context.clone());
    }
    Ok(crate::mail::compose_context(
        &state.settings,
        state.tokens.clone(),
    )?)
}

#[derive(Deserialize, Default)]
pub struct PreviewQuery {
    #[serde(default)]
    reminder: bool,
}

async fn compose_all(
    state: &AppState,
    id: i64,
    reminder: bool,
) -> Result<Vec<(Locale, Composed)>, AppError> {
    let ctx = mail_context(state)?;
    Ok(state
        .run(Pages::Unchanged, move |c| {
            Ok(Locale::ALL
                .iter()
                .map(|l| preview_invitation(c, &ctx, id, *l, reminder).map(|m| (*l, m)))
                .collect::<Result<Vec<_>, ComposeError>>())
        })
        .await??)
}

pub struct PreviewView {
    pub locale: &'static str,
    pub dir: &'static str,
    pub subject: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "admin/campaign_preview.html")]
struct PreviewPage {
    page: PageCtx,
    nav: AdminNav,
    id: i64,
    reminder: bool,
    previews: Vec<PreviewView>,
}

pub async fn show_preview(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    query: web::Query<PreviewQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, id) = path.into_inner();
    let previews = compose_all(&state, id, query.reminder)
        .await?
        .into_iter()
        .map(|(l, m)| PreviewView {
            locale: l.code(),
            dir: l.dir(),
            subject: m.subject,
            text: m.text,
        })
        .collect();
    render(
        &page,
        &PreviewPage {
            page: page.clone(),
            nav: AdminNav::new(&who, "campaigns"),
            id,
            reminder: query.reminder,
            previews,
        },
    )
}

/// The HTML part alone, for a new tab: sandboxed (opaque origin, no script), so even a
/// name from an uploaded list could never act on the back office.
pub async fn show_preview_html(
    _who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64, String)>,
    query: web::Query<PreviewQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, id, locale) = path.into_inner();
    let locale: Locale = locale.parse().map_err(|_| AppError::NotFound)?;
    let ctx = mail_context(&state)?;
    let reminder = query.reminder;
    let mail = state
        .run(Pages::Unchanged, move |c| {
            Ok(preview_invitation(c, &ctx, id, locale, reminder))
        })
        .await??;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        ))
        .insert_header((header::X_FRAME_OPTIONS, "DENY"))
        .body(mail.html))
}

/// `GET /api/v1/admin/campaigns/{id}/preview`: subject, text and HTML in each language.
pub async fn preview_campaign(
    _who: Organiser,
    _req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    query: web::Query<PreviewQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let all = compose_all(&state, id, query.reminder).await?;
    let mut out = serde_json::Map::new();
    for (l, m) in all {
        out.insert(
            l.code().to_owned(),
            json!({ "subject": m.subject, "text": m.text, "html": m.html }),
        );
    }
    Ok(HttpResponse::Ok().json(out))
}
