//! `/api/v1/admin/mail…`: the outbox (filter by status, paginated), one mail (with the
//! decoded `.eml` file when mail goes to files), and retrying a failed mail.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::services::mail_log::{self, MailRow, Retry};
use crate::web::error::{AppError, ErrorInfo};
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::mail_log::read_eml;

#[derive(Deserialize)]
pub struct LogQuery {
    pub status: Option<String>,
    pub page: Option<i64>,
}

pub fn row_json(r: &MailRow) -> Value {
    json!({
        "id": r.id,
        "kind": r.kind,
        "recipient": r.recipient,
        "locale": r.locale,
        "status": r.status,
        "attempts": r.attempts,
        "last_error": r.last_error,
        "campaign_id": r.campaign_id,
        "created_at": r.created_at.and_utc().to_rfc3339(),
        "next_attempt_at": r.next_attempt_at.and_utc().to_rfc3339(),
        "sent_at": r.sent_at.map(|t| t.and_utc().to_rfc3339()),
    })
}

pub async fn list_mail(
    _who: Organiser,
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
    Ok(HttpResponse::Ok().json(json!({
        "status": status,
        "total": log.total,
        "page": log.page,
        "pages": log.pages,
        "counts": log.counts.iter().map(|(s, n)| (s.clone(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "mails": log.rows.iter().map(row_json).collect::<Vec<_>>(),
    })))
}

pub async fn get_mail(
    _who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let row = state
        .run(Pages::Unchanged, move |c| mail_log::mail(c, id))
        .await?;
    let mut body = row_json(&row);
    if let Some(eml) = read_eml(&state, &row).await? {
        body["eml"] = json!({
            "subject": eml.subject,
            "from": eml.from,
            "to": eml.to,
            "date": eml.date,
            "text": eml.text,
            "attachments": eml.attachments,
            "raw": eml.raw,
        });
    }
    Ok(HttpResponse::Ok().json(body))
}

/// A 409 with the API's error shape.
fn conflict(code: &'static str, message_id: &'static str) -> HttpResponse {
    let mut res = HttpResponse::Conflict().finish();
    res.extensions_mut().insert(ErrorInfo {
        code,
        message_id,
        fields: vec![],
    });
    res
}

pub async fn retry_mail(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let actor = who.id();
    let outcome = state
        .run(Pages::Unchanged, move |c| mail_log::retry(c, actor, id))
        .await?;
    Ok(match outcome {
        Retry::Requeued { lifted_bounce } => HttpResponse::Ok().json(json!({
            "id": id, "status": "queued", "lifted_bounce": lifted_bounce,
        })),
        Retry::NotFailed => conflict("not_failed", "admin-mail-error-not-failed"),
        Retry::Unsubscribed => conflict("unsubscribed", "admin-mail-error-unsubscribed"),
    })
}
