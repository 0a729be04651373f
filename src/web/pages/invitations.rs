//! The personal invitation page (`/{lang}/invitations/{token}`) and one-click
//! unsubscribe (`/unsubscribe/{token}`, RFC 8058: the POST needs no CSRF token).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use crate::domain::Locale;
use crate::services::campaigns;
use crate::services::programme::{self, SessionView};
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::rate_limit::{Limit, client_key};
use crate::web::state::AppState;

/// A webinar and the sessions the invitee may register for.
pub struct Offer {
    pub title: String,
    pub sessions: Vec<SessionView>,
}

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage {
    page: PageCtx,
    name: String,
    offers: Vec<Offer>,
    token: String,
    /// A whole-series invitation also offers the series registration form.
    series: bool,
}

pub async fn show_invitation(
    page: PageCtx,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    state.limits.check(Limit::Invitation, &client_key(&req))?;
    let (_, token) = path.into_inner();
    let locale = page.locale;
    let t = token.clone();
    let (name, offers, series) = state
        .db
        .run(move |c| {
            let Some(opened) = campaigns::open(c, &t)? else {
                return Ok(None);
            };
            let now = Utc::now().naive_utc();
            let offers = match opened.campaign.session_id {
                Some(id) => {
                    let s = programme::session(c, id)?;
                    let w = programme::webinar(c, &s.webinar_slug, locale, now)?;
                    vec![Offer {
                        title: w.title,
                        sessions: vec![s],
                    }]
                }
                None => programme::webinars(c, locale, now)?
                    .into_iter()
                    .filter(|w| !w.sessions.is_empty())
                    .map(|w| Offer {
                        title: w.title,
                        sessions: w.sessions,
                    })
                    .collect(),
            };
            let series = opened.campaign.session_id.is_none();
            Ok(Some((opened.invitation.full_name, offers, series)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    render(
        &page,
        &InvitationPage {
            page: page.clone(),
            name,
            offers,
            token,
            series,
        },
    )
}

#[derive(Template)]
#[template(path = "unsubscribe.html")]
struct UnsubscribePage {
    page: PageCtx,
    done: bool,
    email: String,
}

fn page_for(req: &HttpRequest, locale: &str) -> PageCtx {
    PageCtx::for_request(req, locale.parse().unwrap_or(Locale::Fr))
}

pub async fn show_unsubscribe(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = path.into_inner();
    let inv = state
        .db
        .run(move |c| campaigns::by_unsubscribe_token(c, &token))
        .await?
        .ok_or(AppError::NotFound)?;
    let page = page_for(&req, &inv.locale);
    render(
        &page,
        &UnsubscribePage {
            page: page.clone(),
            done: inv.unsubscribed_at.is_some(),
            email: inv.email,
        },
    )
}

#[derive(Deserialize)]
pub struct OneClick {
    #[serde(rename = "List-Unsubscribe")]
    _list_unsubscribe: Option<String>,
}

pub async fn unsubscribe(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    _form: Option<web::Form<OneClick>>,
) -> Result<HttpResponse, AppError> {
    state.limits.check(Limit::Invitation, &client_key(&req))?;
    let token = path.into_inner();
    let inv = state
        .db
        .run(move |c| campaigns::unsubscribe(c, &token))
        .await?
        .ok_or(AppError::NotFound)?;
    let page = page_for(&req, &inv.locale);
    render(
        &page,
        &UnsubscribePage {
            page: page.clone(),
            done: true,
            email: inv.email,
        },
    )
}
