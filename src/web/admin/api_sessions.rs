//! `/api/v1/admin/webinars/{slug}/sessions` and `/api/v1/admin/sessions/{id}`.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use crate::services::sessions::edit::{DEFAULT_REMINDERS, EditOutcome};
use crate::services::sessions::{self, SessionInput, Start, UpdateOutcome};
use crate::web::error::AppError;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;

/// Numbers may come as JSON numbers or strings; both are parsed the same way.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum Num {
    Int(i64),
    Text(String),
}

impl Num {
    fn text(n: &Option<Num>) -> String {
        match n {
            Some(Num::Int(i)) => i.to_string(),
            Some(Num::Text(s)) => s.clone(),
            None => String::new(),
        }
    }
}

#[derive(Deserialize)]
pub struct NewSessionBody {
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    timezone: String,
    duration_minutes: Option<Num>,
    capacity: Option<Num>,
    #[serde(default)]
    meeting_url: String,
    #[serde(default)]
    languages: Vec<String>,
}

pub async fn create_session(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<NewSessionBody>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let valid = SessionInput {
        start: Start::Utc(body.starts_at),
        timezone: body.timezone,
        duration_minutes: Num::text(&body.duration_minutes),
        capacity: Num::text(&body.capacity),
        meeting_url: body.meeting_url,
        languages: body.languages,
    }
    .parse()
    .map_err(AppError::Validation)?;
    let slug = path.into_inner();
    let actor = who.id();
    let id = state
        .run(Pages::Changed, move |c| {
            sessions::create(c, actor, &slug, &valid)
        })
        .await?;
    Ok(HttpResponse::Created().json(json!({ "id": id })))
}

#[derive(Deserialize)]
pub struct UpdateSessionBody {
    capacity: Option<Num>,
    #[serde(default)]
    meeting_url: String,
}

pub async fn update_session(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: web::Json<UpdateSessionBody>,
) -> Result<HttpResponse, AppError> {
    let capacity = sessions::parse_capacity(&Num::text(&body.capacity));
    let url = sessions::parse_meeting_url(&body.meeting_url);
    let (capacity, url) = match (capacity, url) {
        (Ok(c), Ok(u)) => (c, u),
        (c, u) => {
            let mut errors = vec![];
            if let Err(e) = c {
                errors.push(("capacity", e));
            }
            if let Err(e) = u {
                errors.push(("meeting_url", e));
            }
            return Err(AppError::Validation(errors));
        }
    };
    let id = path.into_inner();
    let actor = who.id();
    let outcome = state
        .run(Pages::Changed, move |c| {
            sessions::update(c, actor, id, capacity, &url)
        })
        .await?;
    match outcome {
        UpdateOutcome::Updated => Ok(HttpResponse::Ok().json(json!({ "id": id }))),
        UpdateOutcome::BelowConfirmed => Err(AppError::Validation(vec![(
            "capacity",
            "admin-session-error-below-confirmed",
        )])),
    }
}

/// `PUT /api/v1/admin/sessions/{id}`: every field, the start as a local date and time
/// in `timezone` (`date`, `time`) or in UTC (`starts_at`).
#[derive(Deserialize)]
pub struct SessionBody {
    starts_at: Option<String>,
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    timezone: String,
    duration_minutes: Option<Num>,
    capacity: Option<Num>,
    #[serde(default)]
    meeting_url: String,
    #[serde(default)]
    languages: Vec<String>,
    reminder_offsets: Option<String>,
}

pub async fn replace_session(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: web::Json<SessionBody>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let start = match body.starts_at {
        Some(utc) => Start::Utc(utc),
        None => Start::Local {
            date: body.date,
            time: body.time,
        },
    };
    let input = SessionInput {
        start,
        timezone: body.timezone,
        duration_minutes: Num::text(&body.duration_minutes),
        capacity: Num::text(&body.capacity),
        meeting_url: body.meeting_url,
        languages: body.languages,
    };
    let mut errors = vec![];
    let valid = input.parse().map_err(|e| errors.extend(e)).ok();
    let reminders = sessions::edit::parse_reminders(
        body.reminder_offsets
            .as_deref()
            .unwrap_or(DEFAULT_REMINDERS),
    )
    .map_err(|e| errors.push(("reminder_offsets", e)))
    .ok();
    let (Some(valid), Some(reminders), true) = (valid, reminders, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let id = path.into_inner();
    let actor = who.id();
    let starts_at = valid.starts_at;
    let outcome = state
        .run(Pages::Changed, move |c| {
            sessions::edit::update(c, actor, id, &valid, &reminders)
        })
        .await?;
    match outcome {
        EditOutcome::Updated { rescheduled } => Ok(HttpResponse::Ok().json(json!({
            "id": id, "starts_at": starts_at.to_rfc3339(), "rescheduled": rescheduled
        }))),
        EditOutcome::BelowConfirmed => Err(AppError::Validation(vec![(
            "capacity",
            "admin-session-error-below-confirmed",
        )])),
    }
}

pub async fn api_cancel_session(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let actor = who.id();
    let told = state
        .run(Pages::Changed, move |c| {
            sessions::edit::cancel(c, actor, id)
        })
        .await?;
    Ok(HttpResponse::Ok().json(json!({"id": id, "cancelled": true, "notified": told})))
}
