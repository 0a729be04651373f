//! The mail log pages: the outbox newest first (filter by status, paginated), one mail
//! with its `.eml` file read back as text (never its HTML), and retrying a failed mail.

use actix_session::Session;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::mail::eml::{self, EmlView};
use crate::mail::transport::eml_path;
use crate::services::mail_log::{self, LogPage, MailRow, Retry, STATUSES};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::state::{AppState, Pages};

use super::api_mail::LogQuery;
use super::auth::Organiser;
use super::shell::AdminNav;

/// The decoded `.eml` file of a mail, when mail goes to files and it was written.
pub async fn read_eml(state: &AppState, row: &MailRow) -> Result<Option<EmlView>, AppError> {
    if state.settings.smtp_url.is_some() {
        return Ok(None);
    }
    let path = eml_path(&state.settings.data_dir, row.id, &row.kind);
    web::block(move || eml::read(&path))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| AppError::Internal(e.into()))
}

#[derive(Template)]
#[template(path = "admin/mail.html")]
struct ListPage {
    page: PageCtx,
    nav: AdminNav,
    log: LogPage,
    status: Option<&'static str>,
    statuses: [&'static str; 4],
    files: bool,
}

impl ListPage {
    fn count_of(&self, status: &str) -> i64 {
        self.log
            .counts
            .iter()
            .find(|(s, _)| s == status)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    }

    fn page_href(&self, page_no: i64) -> String {
        let base = self.page.href("/admin/mail");
        match self.status {
            Some(s) => format!("{base}?status={s}&page={page_no}"),
            None => format!("{base}?page={page_no}"),
        }
    }

    fn time(&self, t: &chrono::NaiveDateTime) -> String {
        t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
    }

    fn status_name(&self, status: &str) -> String {
        self.page.t(&format!("admin-mail-status-{status}"))
    }
}

pub async fn list_mail(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
    query: web::Query<LogQuery>,
) -> Result<HttpResponse, AppError> {
    let status = mail_log::status_filter(query.status.as_deref());
    let page_no = query.page.unwrap_or(1);
    let log = state
        .run(Pages::Unchanged, move |c| {
            mail_log::page(c, status, page_no)
        })
        .await?;
    render(
        &page,
        &ListPage {
            page: page.clone(),
            nav: AdminNav::new(&who, "mail"),
            log,
            status,
            statuses: STATUSES,
            files: state.settings.smtp_url.is_none(),
        },
    )
}

#[derive(Template)]
#[template(path = "admin/mail_message.html")]
struct MessagePage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    row: MailRow,
    eml: Option<EmlView>,
    files: bool,
    notice: Option<&'static str>,
}

impl MessagePage {
    fn time(&self, t: &chrono::NaiveDateTime) -> String {
        t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
    }

    fn status_name(&self, status: &str) -> String {
        self.page.t(&format!("admin-mail-status-{status}"))
    }
}

#[derive(Deserialize)]
pub struct MessageQuery {
    retry: Option<String>,
}

pub async fn show_mail(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    query: web::Query<MessageQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, id) = path.into_inner();
    let row = state
        .run(Pages::Unchanged, move |c| mail_log::mail(c, id))
        .await?;
    let eml = read_eml(&state, &row).await?;
    let notice = match query.retry.as_deref() {
        Some("queued") => Some("admin-mail-retry-queued"),
        Some("lifted") => Some("admin-mail-retry-lifted"),
        Some("not-failed") => Some("admin-mail-error-not-failed"),
        Some("unsubscribed") => Some("admin-mail-error-unsubscribed"),
        _ => None,
    };
    render(
        &page,
        &MessagePage {
            page: page.clone(),
            nav: AdminNav::new(&who, "mail"),
            csrf: csrf::token(&session),
            row,
            eml,
            files: state.settings.smtp_url.is_none(),
            notice,
        },
    )
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn retry_mail(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let (_, id) = path.into_inner();
    let actor = who.id();
    let outcome = state
        .run(Pages::Unchanged, move |c| mail_log::retry(c, actor, id))
        .await?;
    let flag = match outcome {
        Retry::Requeued {
            lifted_bounce: true,
        } => "lifted",
        Retry::Requeued { .. } => "queued",
        Retry::NotFailed => "not-failed",
        Retry::Unsubscribed => "unsubscribed",
    };
    Ok(HttpResponse::SeeOther()
        .insert_header((
            header::LOCATION,
            page.href(&format!("/admin/mail/{id}?retry={flag}")),
        ))
        .finish())
}
