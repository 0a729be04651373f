use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::domain::CertificateCode;
use crate::services::learning::certificates::{self, CertificateView};
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::state::{AppState, Pages};

#[derive(Template)]
#[template(path = "certificate.html")]
struct CertificatePage {
    page: PageCtx,
    certificate: CertificateView,
}

/// The public verification page: name, module and date only. Printable.
pub async fn show_certificate(
    page: PageCtx,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let code = CertificateCode::parse(&path.1).map_err(|_| AppError::NotFound)?;
    let locale = page.locale;
    let certificate = state
        .run(Pages::Unchanged, move |c| {
            certificates::by_code(c, &code, locale)
        })
        .await?
        .ok_or(AppError::NotFound)?;
    render(
        &page,
        &CertificatePage {
            page: page.clone(),
            certificate,
        },
    )
}

/// The certificate as a PDF, in the learner's language.
pub async fn download_certificate(
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let code = CertificateCode::parse(&path.1).map_err(|_| AppError::NotFound)?;
    let public_url = state.settings.public_url();
    let name = format!("certificate-{code}.pdf");
    let pdf = state
        .run(Pages::Unchanged, move |c| {
            certificates::pdf(c, &code, &public_url)
        })
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(pdf))
}
