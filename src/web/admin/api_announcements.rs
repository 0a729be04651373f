//! `/api/v1/admin/…announcements`: send an announcement to a session's registrants
//! (idempotent by `idempotency_key`, or by content when none is given), list, read.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::domain::Locale;
use crate::services::campaigns::announcement_rows::AnnouncementText;
use crate::services::campaigns::announcements::{self, Draft, DraftInput};
use crate::web::error::AppError;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;

#[derive(Deserialize)]
pub struct AnnouncementBody {
    /// Subject per language code (`fr`, `en`, `ar`); missing or empty languages fall back.
    #[serde(default)]
    subject: HashMap<String, String>,
    #[serde(default)]
    body: HashMap<String, String>,
    #[serde(default)]
    include_waitlisted: bool,
    #[serde(default)]
    idempotency_key: String,
}

pub async fn create_announcement(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: web::Json<AnnouncementBody>,
) -> Result<HttpResponse, AppError> {
    let session_id = path.into_inner();
    let b = body.into_inner();
    let text =
        |m: &HashMap<String, String>, l: Locale| m.get(l.code()).cloned().unwrap_or_default();
    let input = DraftInput {
        session_id,
        include_waitlisted: b.include_waitlisted,
        texts: Locale::ALL
            .iter()
            .map(|l| (*l, text(&b.subject, *l), text(&b.body, *l)))
            .collect(),
        idempotency_key: b.idempotency_key,
    };
    let draft = Draft::parse(&input).map_err(AppError::Validation)?;
    let actor = who.id();
    let sent = state
        .run(Pages::Unchanged, move |c| {
            Ok(announcements::send(c, actor, &draft))
        })
        .await??;
    let mut res = if sent.duplicate {
        HttpResponse::Ok()
    } else {
        HttpResponse::Created()
    };
    Ok(res.json(sent))
}

fn texts_json(texts: &[AnnouncementText]) -> Value {
    texts
        .iter()
        .map(|t| {
            (
                t.locale.clone(),
                json!({ "subject": t.subject, "body": t.body }),
            )
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

pub async fn list_announcements(
    _who: Organiser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let list = state
        .run(Pages::Unchanged, |c| announcements::recent(c, 500))
        .await?;
    let body: Vec<Value> = list
        .iter()
        .map(|(a, texts)| {
            json!({
                "id": a.id,
                "session_id": a.session_id,
                "include_waitlisted": a.include_waitlisted,
                "queued": a.queued,
                "created_at": a.created_at.and_utc().to_rfc3339(),
                "texts": texts_json(texts),
            })
        })
        .collect();
    Ok(HttpResponse::Ok().json(body))
}

pub async fn get_announcement(
    _who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let d = state
        .run(Pages::Unchanged, move |c| announcements::detail(c, id))
        .await?;
    let mut by_locale = serde_json::Map::new();
    for r in &d.recipients {
        let n = by_locale
            .get(r.locale.code())
            .and_then(Value::as_u64)
            .unwrap_or(0);
        by_locale.insert(r.locale.code().to_owned(), json!(n + 1));
    }
    Ok(HttpResponse::Ok().json(json!({
        "id": d.announcement.id,
        "session_id": d.announcement.session_id,
        "include_waitlisted": d.announcement.include_waitlisted,
        "queued": d.announcement.queued,
        "created_at": d.announcement.created_at.and_utc().to_rfc3339(),
        "texts": texts_json(&d.texts),
        "by_locale": by_locale,
        "unsubscribed": d.recipients.iter().filter(|r| r.unsubscribed_at.is_some()).count(),
    })))
}
