//! Registrants, per session or for the whole series: search and filters, status and
//! attendance by hand, attendee-list import, CSV and XLSX export. Pages under
//! `/{lang}/admin/registrants` and the same in JSON under `/api/v1/admin/…`.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use futures_util::StreamExt;
use serde::Deserialize;

use crate::domain::Locale;
use crate::domain::registration::Status;
use crate::services::registrations::attendance::{self, AttendanceReport};
use crate::services::registrations::export::{self, Format};
use crate::services::registrations::registrants::{self as svc, Filter, Registrant, StatusOutcome};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::sessions::SessionRow;
use super::shell::{AdminNav, respond, see_other};

/// At most this many rows on the page (exports have them all).
const PAGE_ROWS: usize = 500;
const MAX_ATTENDEE_LIST: usize = 5 * 1024 * 1024;

#[derive(Template)]
#[template(path = "admin/registrants.html")]
struct RegistrantsPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    filter: Filter,
    query: String,
    total: usize,
    rows: Vec<Registrant>,
    sessions: Vec<SessionRow>,
    session: Option<SessionRow>,
    countries: Vec<String>,
    notice: Option<&'static str>,
    report: Option<AttendanceReport>,
}

impl RegistrantsPage {
    fn selected(&self, field: &str, value: &str) -> bool {
        let current = match field {
            "status" => &self.filter.status,
            "function" => &self.filter.function,
            "language" => &self.filter.language,
            _ => &self.filter.country,
        };
        current == value
    }

    fn session_selected(&self, id: &i64) -> bool {
        self.filter.session == Some(*id)
    }
}

#[derive(Deserialize, Default)]
pub struct MsgQuery {
    msg: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn registrants_page(
    who: &Organiser,
    page: &PageCtx,
    session: &Session,
    state: &AppState,
    filter: Filter,
    notice: Option<&'static str>,
    report: Option<AttendanceReport>,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let f = filter.clone();
    let (mut rows, sessions, countries) = state
        .run(Pages::Unchanged, move |c| {
            let rows = svc::list(c, &f, locale)?;
            let sessions = crate::services::sessions::lookup::all(c)?;
            let mut countries: Vec<String> = svc::list(c, &Filter::default(), locale)?
                .into_iter()
                .map(|r| r.country)
                .collect();
            countries.sort();
            countries.dedup();
            Ok((rows, sessions, countries))
        })
        .await?;
    let total = rows.len();
    rows.truncate(PAGE_ROWS);
    let sessions: Vec<SessionRow> = sessions
        .iter()
        .map(|s| SessionRow::new(s, locale))
        .collect();
    let current = filter.session.and_then(|id| {
        sessions.iter().find(|s| s.id == id).map(|s| SessionRow {
            id: s.id,
            local: s.local.clone(),
            zone: s.zone.clone(),
            capacity: s.capacity,
            confirmed: s.confirmed,
            cancelled: s.cancelled,
            past: s.past,
            webinar: String::new(),
        })
    });
    respond(
        page,
        &RegistrantsPage {
            nav: AdminNav::new(who, "registrants"),
            csrf: csrf::token(session),
            query: filter.query(),
            filter,
            total,
            rows,
            sessions,
            session: current,
            countries,
            notice,
            report,
            page: page.clone(),
        },
        // An attendee list that cannot be read comes back as a 422.
        notice.is_some_and(|n| n.contains("-error-")),
    )
}

pub async fn list_registrants(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<Filter>,
    msg: web::Query<MsgQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = match msg.msg.as_deref() {
        Some("full") => Some("admin-registrants-full"),
        Some("saved") => Some("admin-saved"),
        _ => None,
    };
    registrants_page(
        &who,
        &page,
        &session,
        &state,
        query.into_inner(),
        notice,
        None,
    )
    .await
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    back: String,
    #[serde(default)]
    csrf: String,
}

/// Where to go back to: the list with the filters it had.
fn back_to(page: &PageCtx, back: &str, msg: &str) -> HttpResponse {
    let safe: String = back
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "=&%-_.+".contains(*c))
        .collect();
    let sep = if safe.is_empty() { "" } else { "&" };
    see_other(page.href(&format!("/admin/registrants?{safe}{sep}msg={msg}")))
}

pub(super) async fn change_status(
    who: &Organiser,
    state: &AppState,
    id: i64,
    status: &str,
) -> Result<StatusOutcome, AppError> {
    let to = Status::parse(status)
        .filter(|s| *s != Status::Pending)
        .ok_or(AppError::Validation(vec![(
            "status",
            "admin-registrants-error-status",
        )]))?;
    let actor = who.id();
    let outcome = state
        .run(Pages::Changed, move |c| svc::set_status(c, actor, id, to))
        .await?;
    Ok(outcome)
}

pub async fn update_status(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<StatusForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let outcome = change_status(&who, &state, path.into_inner().1, &form.status).await?;
    let msg = if outcome == StatusOutcome::Full {
        "full"
    } else {
        "saved"
    };
    Ok(back_to(&page, &form.back, msg))
}

#[derive(Deserialize)]
pub struct AttendanceForm {
    #[serde(default)]
    attended: String,
    #[serde(default)]
    back: String,
    #[serde(default)]
    csrf: String,
}

pub async fn update_attendance(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<AttendanceForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let attended = form.attended == "1";
    let actor = who.id();
    let found = state
        .run(Pages::Unchanged, move |c| {
            attendance::set_attended(c, actor, id, attended)
        })
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    Ok(back_to(&page, &form.back, "saved"))
}

/// Reads the attendee list of the import form (multipart: `csrf`, `file`).
async fn read_list(session: &Session, mut payload: Multipart) -> Result<Vec<u8>, AppError> {
    let bad = || AppError::BadRequest {
        code: "bad_request",
        message_id: "error-bad-request",
    };
    let (mut csrf_ok, mut file) = (false, Vec::new());
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|_| bad())?;
        let name = field.name().unwrap_or("").to_owned();
        let mut value = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| bad())?;
            if value.len() + chunk.len() > MAX_ATTENDEE_LIST {
                return Err(AppError::BadRequest {
                    code: "payload_too_large",
                    message_id: "error-payload-too-large",
                });
            }
            value.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "csrf" => {
                csrf::verify(session, &String::from_utf8_lossy(&value))?;
                csrf_ok = true;
            }
            "file" => file = value,
            _ => {}
        }
    }
    if !csrf_ok {
        return Err(AppError::Forbidden);
    }
    Ok(file)
}

pub async fn import_attendance(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let session_id = path.into_inner().1;
    let raw = read_list(&session, payload).await?;
    let filter = Filter {
        session: Some(session_id),
        ..Filter::default()
    };
    let rows = match attendance::parse_attendees(&raw) {
        Ok(rows) => rows,
        Err(e) => {
            return registrants_page(&who, &page, &session, &state, filter, Some(e), None).await;
        }
    };
    let actor = who.id();
    let report = state
        .run(Pages::Unchanged, move |c| {
            attendance::import_attendance(c, actor, session_id, &rows)
        })
        .await?;
    registrants_page(&who, &page, &session, &state, filter, None, Some(report)).await
}

fn download(body: Vec<u8>, content_type: &str, ext: &str) -> HttpResponse {
    let name = format!(
        "registrants-{}.{ext}",
        chrono::Utc::now().format("%Y%m%d-%H%M")
    );
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type.to_owned()))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The export of what the filter selects; exporting personal data is audited.
pub(super) async fn export(
    who: &Organiser,
    state: &AppState,
    filter: Filter,
    locale: Locale,
    xlsx: bool,
) -> Result<HttpResponse, AppError> {
    let actor = who.id();
    let format = if xlsx { Format::Xlsx } else { Format::Csv };
    let rows = state
        .run(Pages::Unchanged, move |c| {
            export::rows(c, actor, &filter, locale, format)
        })
        .await?;
    if xlsx {
        let body = svc::export_xlsx(&rows, locale)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("xlsx: {e}")))?;
        Ok(download(body, XLSX, "xlsx"))
    } else {
        Ok(download(
            svc::export_csv(&rows, locale),
            "text/csv; charset=utf-8",
            "csv",
        ))
    }
}

pub async fn export_csv(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
    query: web::Query<Filter>,
) -> Result<HttpResponse, AppError> {
    export(&who, &state, query.into_inner(), page.locale, false).await
}

pub async fn export_xlsx(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
    query: web::Query<Filter>,
) -> Result<HttpResponse, AppError> {
    export(&who, &state, query.into_inner(), page.locale, true).await
}
