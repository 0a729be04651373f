//! `/api/v1/admin/campaigns…`: create from a contact list, send, remind, follow.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::domain::Locale;
use crate::i18n::catalog;
use crate::services::campaigns::contacts::ContactFile;
use crate::services::campaigns::{self, Report, Target};
use crate::web::error::AppError;
use crate::web::lang::negotiate;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::upload;

#[derive(Deserialize)]
pub struct NewCampaignBody {
    session_id: Option<i64>,
    #[serde(default)]
    series: bool,
    #[serde(default)]
    name: String,
    #[serde(default)]
    contacts_csv: String,
    /// An `.xlsx` workbook, base64-encoded (instead of `contacts_csv`).
    #[serde(default)]
    contacts_xlsx: String,
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
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let locale = negotiate(&req);
    // Contact lists run past the API's default body limit: this route has its own.
    let Some(bytes) = upload::read_body(payload, upload::MAX_JSON_BYTES).await? else {
        return Ok(upload::too_large());
    };
    let body: NewCampaignBody =
        serde_json::from_slice(&bytes).map_err(|_| AppError::BadRequest {
            code: "bad_request",
            message_id: "error-bad-request",
        })?;
    let target = target(body.session_id, body.series)?;
    let contacts = if body.contacts_xlsx.is_empty() {
        ContactFile::Csv(body.contacts_csv)
    } else {
        use base64::Engine as _;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(body.contacts_xlsx.trim())
            .map_err(|_| {
                AppError::Validation(vec![("contacts_xlsx", "admin-campaigns-error-base64")])
            })?;
        ContactFile::Xlsx(bytes)
    };
    let default_locale = state.settings.default_locale;
    let actor = who.id();
    let name = if body.name.trim().is_empty() {
        format!("{}", chrono::Utc::now().format("%Y-%m-%d %H:%M"))
    } else {
        body.name.trim().to_owned()
    };
    let (id, report) = state
        .run(Pages::Unchanged, move |c| {
            Ok(campaigns::create(
                c,
                actor,
                &name,
                target,
                &contacts,
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
    let queued = state
        .run(Pages::Unchanged, move |c| campaigns::send(c, actor, id))
        .await?;
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
        .run(Pages::Unchanged, move |c| campaigns::remind(c, actor, id))
        .await?;
    Ok(HttpResponse::Ok().json(json!({ "id": id, "queued": queued })))
}

#[derive(Deserialize)]
pub struct CampaignQuery {
    /// `false` leaves the invitee list out (the campaign page's progress polling).
    invitees: Option<bool>,
}

pub async fn get_campaign(
    _who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    query: web::Query<CampaignQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (campaign, funnel) = state
        .run(Pages::Unchanged, move |c| {
            Ok((
                campaigns::lookup::campaign(c, id)?,
                campaigns::funnel::funnel(c, id)?,
            ))
        })
        .await?;
    let mut body = json!({
        "id": campaign.id,
        "name": campaign.name,
        "session_id": campaign.session_id,
        "series": campaign.whole_series,
        "status": campaign.status,
        "funnel": funnel.counts,
        "in_flight": funnel.in_flight,
        "watched_note": "watched counts invitees whose account has watched lesson videos; replay viewing is not recorded per person",
    });
    if query.invitees != Some(false) {
        body["invitees"] = json!(funnel.invitees);
    }
    Ok(HttpResponse::Ok().json(body))
}

/// `GET /api/v1/admin/campaigns`: every campaign, newest first, with funnel totals and
/// the validation report of its list.
pub async fn list_campaigns(
    _who: Organiser,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let locale = negotiate(&req);
    let list = state
        .run(Pages::Unchanged, |c| {
            let mut out = vec![];
            for campaign in campaigns::lookup::all(c)? {
                let funnel = campaigns::funnel::funnel(c, campaign.id)?;
                out.push((campaign, funnel.counts, funnel.in_flight));
            }
            Ok(out)
        })
        .await?;
    let body: Vec<Value> = list
        .into_iter()
        .map(|(c, counts, in_flight)| {
            json!({
                "id": c.id,
                "name": c.name,
                "session_id": c.session_id,
                "series": c.whole_series,
                "status": c.status,
                "created_at": c.created_at.and_utc().to_rfc3339(),
                "sent_at": c.sent_at.map(|t| t.and_utc().to_rfc3339()),
                "funnel": counts,
                "in_flight": in_flight,
                "report": report_json(&campaigns::stored_report(&c), locale),
            })
        })
        .collect();
    Ok(HttpResponse::Ok().json(body))
}

/// `DELETE /api/v1/admin/campaigns/{id}`: a campaign never sent; 409 once sending began.
pub async fn delete_campaign(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let actor = who.id();
    let deleted = state
        .run(Pages::Unchanged, move |c| {
            crate::services::campaigns::drafts::delete_draft(c, actor, id)
        })
        .await?;
    if deleted {
        return Ok(HttpResponse::NoContent().finish());
    }
    let mut res = HttpResponse::Conflict().finish();
    res.extensions_mut().insert(crate::web::error::ErrorInfo {
        code: "campaign_sent",
        message_id: "admin-campaign-error-sent",
        fields: vec![],
    });
    Ok(res)
}
