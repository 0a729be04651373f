//! Organiser accounts (admins only): list, create, change role.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use crate::domain::{EmailAddress, Locale};
use crate::services::accounts::lookup;
use crate::services::accounts::passwords;
use crate::services::accounts::{organisers, organisers_audited};
use crate::web::error::AppError;
use crate::web::state::{AppState, Pages};

use super::auth::Admin;

pub async fn list_organisers(
    _who: Admin,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let staff = state.run(Pages::Unchanged, lookup::staff).await?;
    Ok(HttpResponse::Ok().json(
        staff
            .iter()
            .map(
                |u| json!({"id": u.id, "email": u.email, "full_name": u.full_name, "role": u.role}),
            )
            .collect::<Vec<_>>(),
    ))
}

#[derive(Deserialize)]
pub struct NewOrganiserBody {
    #[serde(default)]
    email: String,
    #[serde(default)]
    full_name: String,
    password: Option<String>,
    #[serde(default)]
    admin: bool,
    locale: Option<String>,
}

pub async fn create_organiser(
    who: Admin,
    state: web::Data<AppState>,
    body: web::Json<NewOrganiserBody>,
) -> Result<HttpResponse, AppError> {
    let body = body.into_inner();
    let email = EmailAddress::parse(&body.email)
        .map_err(|_| AppError::Validation(vec![("email", "account-error-email")]))?;
    let locale: Locale = body
        .locale
        .as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or(Locale::Fr);
    let (password, generated) = match body.password.filter(|p| !p.is_empty()) {
        Some(p) => (p, false),
        None => (passwords::generate(), true),
    };
    let name = if body.full_name.trim().is_empty() {
        email.as_str().to_owned()
    } else {
        body.full_name.trim().to_owned()
    };
    let actor = who.0.id;
    let pw = password.clone();
    let user = state
        .run(Pages::Unchanged, move |c| {
            Ok(organisers_audited::create(
                c, actor, &email, &name, &pw, body.admin, locale,
            ))
        })
        .await??;
    Ok(HttpResponse::Created().json(json!({
        "id": user.id,
        "role": user.role,
        "password": generated.then_some(password),
    })))
}

#[derive(Deserialize)]
pub struct RoleBody {
    #[serde(default)]
    role: String,
}

pub async fn change_role(
    who: Admin,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: web::Json<RoleBody>,
) -> Result<HttpResponse, AppError> {
    let role = body.role.clone();
    if !matches!(role.as_str(), "learner" | "organiser" | "admin") {
        return Err(AppError::Validation(vec![(
            "role",
            "admin-organiser-error-role",
        )]));
    }
    let id = path.into_inner();
    if id == who.0.id && role != "admin" {
        // An admin cannot lock themselves out.
        return Err(AppError::Validation(vec![(
            "role",
            "admin-organiser-error-self",
        )]));
    }
    let actor = who.0.id;
    let r = role.clone();
    let changed = state
        .run(Pages::Unchanged, move |c| {
            organisers::set_role(c, actor, id, &r)
        })
        .await?;
    if !changed {
        return Err(AppError::NotFound);
    }
    Ok(HttpResponse::Ok().json(json!({ "id": id, "role": role })))
}
