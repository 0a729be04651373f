//! HTML pages under `/{lang}/…`.

pub mod account;
pub mod account_recovery;
pub mod account_settings;
pub mod calendars;
pub mod certificates;
pub mod home;
pub mod invitations;
pub mod learning;
pub mod lessons;
pub mod modules;
pub mod privacy;
pub mod registration_manage;
pub mod registrations;
pub mod webinars;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};

use super::lang::negotiate;

/// `/` sends the visitor to the programme in their language.
pub async fn root_redirect(req: HttpRequest) -> HttpResponse {
    let locale = negotiate(&req);
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/{}/", locale.code())))
        .insert_header((header::VARY, "Accept-Language, Cookie"))
        .finish()
}
