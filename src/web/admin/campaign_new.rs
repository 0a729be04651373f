//! A new campaign from the back office: pick the target, upload the contact list (CSV or
//! XLSX, multipart), and land on the campaign page with its validation report.

use crate::services::sessions;
use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::services::campaigns::contacts::ContactFile;
use crate::services::campaigns::{self, CampaignError, Target};
use crate::services::sessions::labels::SessionLabel;
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::{PageCtx, render, render_status};
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::shell::AdminNav;
use super::upload::{self, MAX_FILE_BYTES};

#[derive(Template)]
#[template(path = "admin/campaign_new.html")]
struct NewPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    form: FormState,
    sessions: Vec<SessionLabel>,
    max_mb: usize,
}

impl NewPage {
    fn session_text(&self, s: &SessionLabel) -> String {
        s.text(self.page.locale)
    }

    fn selected(&self, value: &str) -> bool {
        self.form.value("target") == value
    }
}

async fn form_page(
    who: &Organiser,
    page: &PageCtx,
    session: &Session,
    state: &AppState,
    form: FormState,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let sessions = state
        .run(Pages::Unchanged, move |c| sessions::labels::all(c, locale))
        .await?;
    let body = NewPage {
        page: page.clone(),
        nav: AdminNav::new(who, "campaigns"),
        csrf: csrf::token(session),
        form,
        sessions,
        max_mb: MAX_FILE_BYTES / (1024 * 1024),
    };
    if status == StatusCode::OK {
        render(page, &body)
    } else {
        render_status(status, &body)
    }
}

pub async fn new_campaign(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    form_page(
        &who,
        &page,
        &session,
        &state,
        FormState::default(),
        StatusCode::OK,
    )
    .await
}

/// The target chosen in the form: `series` or a session id.
fn parse_target(raw: &str) -> Option<Target> {
    match raw.trim() {
        "series" => Some(Target::Series),
        id => id.parse().ok().map(Target::Session),
    }
}

pub async fn create_campaign(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let upload = upload::read_form(payload, "contacts").await?;
    csrf::verify(&session, upload.field("csrf"))?;
    let name = upload.field("name").trim().to_owned();
    let raw_target = upload.field("target").to_owned();
    let form = FormState::default()
        .with_value("name", &name)
        .with_value("target", &raw_target);
    let who = &who;
    let refuse = |field: &'static str, id: &'static str, status| {
        let form = form.clone().with_errors(vec![(field, id)]);
        let (page, session, state) = (page.clone(), session.clone(), state.clone());
        async move { form_page(who, &page, &session, &state, form, status).await }
    };
    if upload.too_large {
        return refuse(
            "contacts",
            "admin-campaigns-error-too-large",
            StatusCode::PAYLOAD_TOO_LARGE,
        )
        .await;
    }
    let Some(target) = parse_target(&raw_target) else {
        return refuse(
            "target",
            "admin-campaign-error-target",
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let Some((_, bytes)) = upload.file else {
        return refuse(
            "contacts",
            "admin-campaigns-error-no-file",
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let file = ContactFile::from_upload(bytes);
    let name = campaign_name(&name);
    let default_locale = state.settings.default_locale;
    let actor = who.id();
    let created = state
        .run(Pages::Unchanged, move |c| {
            Ok(campaigns::create(
                c,
                actor,
                &name,
                target,
                &file,
                default_locale,
            ))
        })
        .await?;
    match created {
        Ok((id, _)) => Ok(HttpResponse::SeeOther()
            .insert_header((
                header::LOCATION,
                page.href(&format!("/admin/campaigns/{id}")),
            ))
            .finish()),
        Err(e) => match form_error(&e) {
            Some((field, id)) => refuse(field, id, StatusCode::UNPROCESSABLE_ENTITY).await,
            None => Err(e.into()),
        },
    }
}

/// The field a refused campaign points at, when the refusal is the organiser's to fix.
fn form_error(e: &CampaignError) -> Option<(&'static str, &'static str)> {
    match e {
        CampaignError::List(l) => Some(("contacts", l.0)),
        CampaignError::UnknownSession => Some(("target", "admin-campaign-error-session")),
        CampaignError::Db(_) => None,
    }
}

/// The name given, or the time of creation when none was.
fn campaign_name(typed: &str) -> String {
    if typed.is_empty() {
        chrono::Utc::now().format("%Y-%m-%d %H:%M").to_string()
    } else {
        typed.chars().take(200).collect()
    }
}
