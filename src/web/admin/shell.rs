//! What every back-office page shares: the admin navigation (`templates/admin/layout.html`)
//! and rendering with a 422 when a form comes back with errors.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use crate::web::error::AppError;
use crate::web::page::{PageCtx, render, render_status};

pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// The admin menu; `section` is the current entry.
pub struct AdminNav {
    pub is_admin: bool,
    pub section: &'static str,
    pub name: String,
}

impl AdminNav {
    pub fn new(who: &super::auth::Organiser, section: &'static str) -> AdminNav {
        AdminNav {
            is_admin: who.is_admin(),
            section,
            name: who.0.full_name.clone(),
        }
    }

    pub fn links(&self, page: &PageCtx) -> Vec<NavLink> {
        let mut entries = vec![
            ("dashboard", "/admin/", "admin-nav-dashboard"),
            ("webinars", "/admin/webinars", "admin-nav-webinars"),
            ("sessions", "/admin/sessions", "admin-nav-sessions"),
            ("speakers", "/admin/speakers", "admin-nav-speakers"),
            ("modules", "/admin/modules", "admin-nav-modules"),
            ("registrants", "/admin/registrants", "admin-nav-registrants"),
            ("campaigns", "/admin/campaigns", "admin-menu-campaigns"),
            (
                "announcements",
                "/admin/announcements",
                "admin-menu-announcements",
            ),
            ("mail", "/admin/mail", "admin-menu-mail"),
        ];
        if self.is_admin {
            entries.push(("organisers", "/admin/organisers", "admin-nav-organisers"));
        }
        entries.push(("tokens", "/admin/tokens", "admin-nav-tokens"));
        entries.push(("audit", "/admin/audit", "admin-nav-audit"));
        entries
            .into_iter()
            .map(|(section, path, label)| NavLink {
                href: page.href(path),
                label: page.t(label),
                current: section == self.section,
            })
            .collect()
    }
}

/// 200, or 422 when `invalid` (a form shown again with its errors).
pub fn respond(
    page: &PageCtx,
    template: &impl Template,
    invalid: bool,
) -> Result<HttpResponse, AppError> {
    if invalid {
        render_status(StatusCode::UNPROCESSABLE_ENTITY, template)
    } else {
        render(page, template)
    }
}

/// After a successful form: back to a page (303).
pub fn see_other(to: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, to))
        .finish()
}

/// Names of the three languages in the page's language, for side-by-side editors.
pub fn language_name(page: &PageCtx, code: &str) -> String {
    page.language_name(code)
}
