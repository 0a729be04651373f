//! JSON for registrants: list with filters, exports, status and attendance changes, and
//! the attendee-list import (`{"attendees_csv": "…"}`).

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use crate::services::registrations::attendance;
use crate::services::registrations::registrants::{self as svc, Filter, StatusOutcome};
use crate::web::error::AppError;
use crate::web::lang::negotiate;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::registrants::{change_status, export};

pub async fn api_list_registrants(
    _who: Organiser,
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<Filter>,
) -> Result<HttpResponse, AppError> {
    let locale = negotiate(&req);
    let filter = query.into_inner();
    let rows = state
        .run(Pages::Unchanged, move |c| svc::list(c, &filter, locale))
        .await?;
    Ok(HttpResponse::Ok().json(rows))
}

pub async fn api_export_csv(
    who: Organiser,
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<Filter>,
) -> Result<HttpResponse, AppError> {
    export(&who, &state, query.into_inner(), negotiate(&req), false).await
}

pub async fn api_export_xlsx(
    who: Organiser,
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<Filter>,
) -> Result<HttpResponse, AppError> {
    export(&who, &state, query.into_inner(), negotiate(&req), true).await
}

#[derive(Deserialize)]
pub struct StatusBody {
    #[serde(default)]
    status: String,
}

pub async fn api_update_status(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: web::Json<StatusBody>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    match change_status(&who, &state, id, &body.status).await? {
        StatusOutcome::Full => Err(AppError::Validation(vec![(
            "status",
            "admin-registrants-full",
        )])),
        outcome => Ok(HttpResponse::Ok().json(json!({
            "id": id,
            "status": body.status,
            "changed": outcome == StatusOutcome::Changed,
        }))),
    }
}

#[derive(Deserialize)]
pub struct AttendanceBody {
    #[serde(default)]
    attended: bool,
}

pub async fn api_update_attendance(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: web::Json<AttendanceBody>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let attended = body.attended;
    let actor = who.id();
    if !state
        .run(Pages::Unchanged, move |c| {
            attendance::set_attended(c, actor, id, attended)
        })
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(HttpResponse::Ok().json(json!({"id": id, "attended": attended})))
}

#[derive(Deserialize)]
pub struct AttendeesBody {
    #[serde(default)]
    attendees_csv: String,
}

/// `POST /api/v1/admin/sessions/{id}/attendance` with `{"attendees_csv": "…"}`.
pub async fn api_import_attendance(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: web::Json<AttendeesBody>,
) -> Result<HttpResponse, AppError> {
    let rows = attendance::parse_attendees(body.attendees_csv.as_bytes())
        .map_err(|e| AppError::Validation(vec![("attendees_csv", e)]))?;
    let id = path.into_inner();
    let actor = who.id();
    let report = state
        .run(Pages::Unchanged, move |c| {
            attendance::import_attendance(c, actor, id, &rows)
        })
        .await?;
    Ok(HttpResponse::Ok().json(report))
}
