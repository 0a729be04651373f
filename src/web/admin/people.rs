//! The organisers page (admins only: list, create, change role) and the audit log page
//! (who, what, when; paginated). `GET /api/v1/admin/audit` gives the same log.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use serde_json::json;

use crate::domain::{EmailAddress, Locale};
use crate::services::accounts::lookup::{self, User};
use crate::services::accounts::organisers::{self, CreateOrganiserError};
use crate::services::accounts::organisers_audited;
use crate::services::accounts::passwords;
use crate::services::audit_log::{self, AuditEntries, AuditRow};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::{Admin, Organiser};
use super::shell::{AdminNav, respond, see_other};

#[derive(Template)]
#[template(path = "admin/organisers.html")]
struct OrganisersPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    me: i64,
    staff: Vec<User>,
    form: FormState,
    /// A generated password, shown once after creating an account.
    created: Option<(String, String)>,
}

async fn organisers_page(
    who: &Admin,
    page: &PageCtx,
    session: &Session,
    state: &AppState,
    form: FormState,
    created: Option<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let staff = state.run(Pages::Unchanged, lookup::staff).await?;
    let invalid = form.has_errors();
    let nav = AdminNav {
        is_admin: true,
        section: "organisers",
        name: who.0.full_name.clone(),
    };
    respond(
        page,
        &OrganisersPage {
            nav,
            csrf: csrf::token(session),
            me: who.0.id,
            staff,
            form,
            created,
            page: page.clone(),
        },
        invalid,
    )
}

pub async fn list_organisers(
    who: Admin,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    organisers_page(&who, &page, &session, &state, FormState::default(), None).await
}

#[derive(Deserialize)]
pub struct OrganiserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    full_name: String,
    admin: Option<String>,
    #[serde(default)]
    csrf: String,
}

pub async fn create_organiser(
    who: Admin,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<OrganiserForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let typed = FormState::default()
        .with_value("email", &form.email)
        .with_value("full_name", &form.full_name);
    let Ok(email) = EmailAddress::parse(&form.email) else {
        let f = typed.with_errors(vec![("email", "account-error-email")]);
        return organisers_page(&who, &page, &session, &state, f, None).await;
    };
    let name = match form.full_name.trim() {
        "" => email.as_str().to_owned(),
        n => n.to_owned(),
    };
    let password = passwords::generate();
    let (pw, e, n, admin, actor) = (
        password.clone(),
        email.clone(),
        name,
        form.admin.is_some(),
        who.0.id,
    );
    let result = state
        .run(Pages::Unchanged, move |c| {
            Ok(organisers_audited::create(
                c,
                actor,
                &e,
                &n,
                &pw,
                admin,
                Locale::Fr,
            ))
        })
        .await?;
    match result {
        Ok(_) => {
            let created = Some((email.as_str().to_owned(), password));
            organisers_page(&who, &page, &session, &state, FormState::default(), created).await
        }
        Err(CreateOrganiserError::Exists) => {
            let f = typed.with_errors(vec![("email", "admin-organiser-error-exists")]);
            organisers_page(&who, &page, &session, &state, f, None).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    csrf: String,
}

pub async fn change_role(
    who: Admin,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<RoleForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let role = form.role.clone();
    if !matches!(role.as_str(), "learner" | "organiser" | "admin") || id == who.0.id {
        let f = FormState::default().with_errors(vec![("role", "admin-organiser-error-role")]);
        return organisers_page(&who, &page, &session, &state, f, None).await;
    }
    let actor = who.0.id;
    let changed = state
        .run(Pages::Unchanged, move |c| {
            organisers::set_role(c, actor, id, &role)
        })
        .await?;
    if !changed {
        return Err(AppError::NotFound);
    }
    Ok(see_other(page.href("/admin/organisers")))
}

const PER_PAGE: i64 = 50;

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    page: PageCtx,
    nav: AdminNav,
    rows: Vec<(AuditRow, Option<String>)>,
    number: i64,
    pages: i64,
}

#[derive(Deserialize)]
pub struct PageQuery {
    page: Option<i64>,
}

async fn audit(state: &AppState, number: i64) -> Result<(AuditEntries, i64), AppError> {
    let offset = (number - 1) * PER_PAGE;
    Ok(state
        .run(Pages::Unchanged, move |c| {
            audit_log::page(c, offset, PER_PAGE)
        })
        .await?)
}

pub async fn show_audit(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let number = query.page.unwrap_or(1).clamp(1, 1_000_000);
    let (rows, total) = audit(&state, number).await?;
    respond(
        &page,
        &AuditPage {
            nav: AdminNav::new(&who, "audit"),
            rows,
            number,
            pages: ((total + PER_PAGE - 1) / PER_PAGE).max(1),
            page: page.clone(),
        },
        false,
    )
}

pub async fn api_audit(
    _who: Organiser,
    state: web::Data<AppState>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let number = query.page.unwrap_or(1).clamp(1, 1_000_000);
    let (rows, total) = audit(&state, number).await?;
    Ok(HttpResponse::Ok().json(json!({
        "page": number,
        "total": total,
        "entries": rows.iter().map(|(r, email)| json!({
            "id": r.id,
            "actor": email,
            "action": r.action,
            "subject": r.subject,
            "detail": r.detail,
            "at": r.created_at.and_utc().to_rfc3339(),
        })).collect::<Vec<_>>(),
    })))
}
