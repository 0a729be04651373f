//! `/api/v1/admin/campaigns…`: create from a contact list, send, remind, follow.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::domain::Locale;
use crate::i18n::catalog;
use crate::services::campaigns::{self, CampaignError, Report, Target};
use crate::web::error::AppError;
use crate::web::lang::negotiate;
use crate::web::state::AppState;

use super::auth::Organiser;

impl From<CampaignError> for AppError {
    fn from(e: CampaignError) -> Self {
        match e {
            CampaignError::List(l) => AppError::Validation(vec![("contacts_csv", l.0)]),
            CampaignError::UnknownSession => {
                AppError::Validation(vec![("session_id", "admin-campaign-error-session")])
            }
            CampaignError::Db(e) => e.into(),
        }
    }
}

#[derive(Deserialize)]
pub struct NewCampaignBody {
    session_id: Option<i64>,
    #[serde(default)]
    series: bool,
    #[serde(default)]
    name: String,
    #[serde(default)]
    contacts_csv: String,
}

/// The validation report, reasons in the request's language.
pub fn report_json(report: &Report, locale: Locale) -> Value {
    json!({
        "valid": report.valid,
        "invalid": report.invalid.iter().map(|(line, reason)| json!({
            "line": line,
            "reason": catalog().plain(locale, reason, &[]),
            "code": reason,
        })).collect::<Vec<_>>(),
        "duplicates": report.duplicates,
        "duplicate_lines": report.duplicate_lines,
        "suppressed": report.suppressed.len(),
        "suppressed_rows": report.suppressed.iter().map(|(line, email)| json!({
            "line": line, "email": email,
        })).collect::<Vec<_>>(),
    })
}

pub fn target(session_id: Option<i64>, series: bool) -> Result<Target, AppError> {
    match (session_id, series) {
        (Some(id), false) => Ok(Target::Session(id)),
        (None, true) => Ok(Target::Series),
        _ => Err(AppError::Validation(vec![(
            "session_id",
            "admin-campaign-error-target",
        )])),
    }
}

pub async fn create_campaign(
    who: Organiser,
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<NewCampaignBody>,
) -> Result<HttpResponse, AppError> {
    let locale = negotiate(&req);
    let body = body.into_inner();
    let target = target(body.session_id, body.series)?;
    let default_locale = state.settings.default_locale;
    let actor = who.id();
    let name = if body.name.trim().is_empty() {
        format!("{}", chrono::Utc::now().format("%Y-%m-%d %H:%M"))
    } else {
        body.name.trim().to_owned()
    };
    let (id, report) = state
        .db
        .run(move |c| {
            Ok(campaigns::create(
                c,
                actor,
                &name,
                target,
                &body.contacts_csv,
                default_locale,
            ))
        })
        .await??;
    Ok(HttpResponse::Created().json(json!({ "id": id, "report": report_json(&report, locale) })))
}

pub async fn send_campaign(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let actor = who.id();
    let queued = state.db.run(move |c| campaigns::send(c, actor, id)).await?;
    state.wake_mailer();
    Ok(HttpResponse::Ok().json(json!({ "id": id, "queued": queued })))
}

pub async fn remind_campaign(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let actor = who.id();
    let queued = state
        .db
        .run(move |c| campaigns::remind(c, actor, id))
        .await?;
    state.wake_mailer();
    Ok(HttpResponse::Ok().json(json!({ "id": id, "queued": queued })))
}

pub async fn get_campaign(
    _who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (campaign, funnel) = state
        .db
        .run(move |c| {
            Ok((
                crate::db::campaigns::campaign(c, id)?,
                campaigns::funnel(c, id)?,
            ))
        })
        .await?;
    Ok(HttpResponse::Ok().json(json!({
        "id": campaign.id,
        "name": campaign.name,
        "session_id": campaign.session_id,
        "series": campaign.whole_series,
        "status": campaign.status,
        "funnel": funnel.counts,
        "in_flight": funnel.in_flight,
        "watched_note": "watched counts invitees whose account has watched lesson videos; replay viewing is not recorded per person",
        "invitees": funnel.invitees,
    })))
}
