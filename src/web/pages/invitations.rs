//! The personal invitation page (`/{lang}/invitations/{token}`) and one-click
//! unsubscribe (`/unsubscribe/{token}`, RFC 8058: the POST needs no CSRF token).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;
use serde::Deserialize;

use crate::domain::Locale;
use crate::services::calendars::{self, CalendarLinks};
use crate::services::campaigns;
use crate::services::campaigns::announcements;
use crate::services::content::programme::{self, SessionView};
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::rate_limit::{Limit, client_key};
use crate::web::state::{AppState, Pages};

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
    public_url: String,
}

impl InvitationPage {
    fn calendar(&self, s: &SessionView) -> CalendarLinks {
        let title = self
            .offers
            .iter()
            .find(|o| o.sessions.iter().any(|x| x.id == s.id))
            .map_or("", |o| o.title.as_str());
        calendars::links(&self.public_url, self.page.locale, title, s)
    }
}

pub async fn show_invitation(
    page: PageCtx,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    state
        .limits
        .check(Limit::Invitation, &client_key(&req))
        .await?;
    let (_, token) = path.into_inner();
    let locale = page.locale;
    let t = token.clone();
    let (name, offers, series) = state
        .run(Pages::Unchanged, move |c| {
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
                None => programme::webinars(c, locale, now, None)?
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
            public_url: state.settings.public_url(),
        },
    )
}

#[derive(Template)]
#[template(path = "unsubscribe.html")]
struct UnsubscribePage {
    page: PageCtx,
    done: bool,
    email: String,
    /// The question and the confirmation, for an invitation or an announcement.
    confirm_id: &'static str,
    done_id: &'static str,
}

/// Messages of the unsubscribe page: (question, confirmation).
fn unsubscribe_texts(announcement: bool) -> (&'static str, &'static str) {
    if announcement {
        (
            "unsubscribe-announcements-confirm",
            "unsubscribe-announcements-done",
        )
    } else {
        ("unsubscribe-confirm", "unsubscribe-done")
    }
}

fn page_for(req: &HttpRequest, locale: Locale) -> PageCtx {
    PageCtx::for_request(req, locale)
}

pub async fn show_unsubscribe(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = path.into_inner();
    // An invitation's link, or an announcement's.
    let ((email, locale, done), announcement) = state
        .run(Pages::Unchanged, move |c| {
            if let Some(inv) = campaigns::by_unsubscribe_token(c, &token)? {
                let found = (inv.email, inv.locale, inv.unsubscribed_at.is_some());
                return Ok(Some((found, false)));
            }
            Ok(announcements::unsubscribe(c, &token, false)?.map(|found| (found, true)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let page = page_for(&req, locale);
    let (confirm_id, done_id) = unsubscribe_texts(announcement);
    render(
        &page,
        &UnsubscribePage {
            page: page.clone(),
            done,
            email,
            confirm_id,
            done_id,
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
    state
        .limits
        .check(Limit::Invitation, &client_key(&req))
        .await?;
    let token = path.into_inner();
    let (email, locale, announcement) = state
        .run(Pages::Unchanged, move |c| {
            if let Some(inv) = campaigns::unsubscribe(c, &token)? {
                return Ok(Some((inv.email, inv.locale, false)));
            }
            Ok(announcements::unsubscribe(c, &token, true)?.map(|(e, l, _)| (e, l, true)))
        })
        .await?
        .ok_or(AppError::NotFound)?;
    let page = page_for(&req, locale);
    let (confirm_id, done_id) = unsubscribe_texts(announcement);
    render(
        &page,
        &UnsubscribePage {
            page: page.clone(),
            done: true,
            email,
            confirm_id,
            done_id,
        },
    )
}
