//! One error type for every handler. A handler returns `AppError`; the `render_errors`
//! middleware turns any 4xx/5xx (ours or the framework's) into a localised page or the
//! JSON error shape of the API, in the language of the request.

use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use askama::Template;

use crate::domain::Locale;
use crate::i18n::catalog;
use crate::services::FieldErrors;

mod from_services;

use super::lang::negotiate;
use super::page::PageCtx;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("bad request: {code}")]
    BadRequest {
        code: &'static str,
        message_id: &'static str,
    },
    #[error("forbidden")]
    Forbidden,
    /// Not signed in, or wrong credentials (401).
    #[error("unauthorized: {code}")]
    Unauthorized {
        code: &'static str,
        message_id: &'static str,
    },
    #[error("rate limited")]
    RateLimited,
    /// Input that did not parse: each field with the message id saying why.
    #[error("invalid input")]
    Validation(FieldErrors),
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// What the error renderer needs to know about an error: its stable code and message.
#[derive(Clone, Debug)]
pub struct ErrorInfo {
    pub code: &'static str,
    pub message_id: &'static str,
    pub fields: FieldErrors,
}

/// Marks a response whose body a handler rendered itself (e.g. a form with its errors).
#[derive(Clone, Copy, Debug)]
pub struct Rendered;

impl ErrorInfo {
    fn new(code: &'static str, message_id: &'static str) -> ErrorInfo {
        ErrorInfo {
            code,
            message_id,
            fields: vec![],
        }
    }
}

impl AppError {
    pub fn info(&self) -> ErrorInfo {
        match self {
            AppError::NotFound => ErrorInfo::new("not_found", "error-not-found"),
            AppError::BadRequest { code, message_id } => ErrorInfo::new(code, message_id),
            AppError::Forbidden => ErrorInfo::new("forbidden", "error-forbidden"),
            AppError::Unauthorized { code, message_id } => ErrorInfo::new(code, message_id),
            AppError::RateLimited => ErrorInfo::new("rate_limited", "error-rate-limited"),
            AppError::Validation(fields) => ErrorInfo {
                fields: fields.clone(),
                ..ErrorInfo::new("validation", "error-validation")
            },
            AppError::Unavailable(_) => ErrorInfo::new("unavailable", "error-unavailable"),
            AppError::Internal(_) => ErrorInfo::new("internal", "error-internal"),
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AppError::Internal(e) => tracing::error!(error = %e, "internal error"),
            AppError::Unavailable(e) => tracing::warn!(error = %e, "service unavailable"),
            _ => {}
        }
        let mut res = HttpResponse::new(self.status_code());
        res.extensions_mut().insert(self.info());
        if matches!(self, AppError::Unavailable(_) | AppError::RateLimited) {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        }
        res
    }
}

/// No route answered: 405 when the path exists for other methods, 404 otherwise (both
/// get their localised body from `render_errors`).
pub async fn unmatched(req: HttpRequest) -> HttpResponse {
    if req.resource_map().has_resource(req.path()) {
        HttpResponse::MethodNotAllowed().finish()
    } else {
        HttpResponse::NotFound().finish()
    }
}

/// Default info for errors raised by the framework itself (bad JSON, 404 route, 413…).
fn info_for_status(status: StatusCode) -> ErrorInfo {
    let (code, message_id) = match status.as_u16() {
        404 | 405 => ("not_found", "error-not-found"),
        403 => ("forbidden", "error-forbidden"),
        413 => ("payload_too_large", "error-payload-too-large"),
        415 | 400 | 422 => ("bad_request", "error-bad-request"),
        429 => ("rate_limited", "error-rate-limited"),
        503 => ("unavailable", "error-unavailable"),
        s if s >= 500 => ("internal", "error-internal"),
        _ => ("bad_request", "error-bad-request"),
    };
    ErrorInfo::new(code, message_id)
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: PageCtx,
    status: u16,
    message: String,
}

/// Middleware hook: gives every error response a localised body.
pub fn render_errors<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if res.response().extensions().get::<Rendered>().is_some() {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let info = res
        .response()
        .extensions()
        .get::<ErrorInfo>()
        .cloned()
        .unwrap_or_else(|| info_for_status(status));
    let (req, old) = res.into_parts();
    let locale = negotiate(&req);
    let message = catalog().plain(locale, info.message_id, &[]);
    let mut new = if req.path().starts_with("/api/") {
        let mut body = serde_json::json!({ "error": info.code, "message": message });
        if !info.fields.is_empty() {
            body["fields"] = info
                .fields
                .iter()
                .map(|(field, id)| ((*field).to_owned(), catalog().plain(locale, id, &[]).into()))
                .collect::<serde_json::Map<_, _>>()
                .into();
        }
        HttpResponse::build(status).json(body)
    } else {
        html_error(&req, locale, status, message)
    };
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            new.headers_mut().insert(name.clone(), value.clone());
        }
    }
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, new).map_into_right_body(),
    ))
}

fn html_error(
    req: &HttpRequest,
    locale: Locale,
    status: StatusCode,
    message: String,
) -> HttpResponse {
    let page = PageCtx::for_request(req, locale);
    let body = ErrorPage {
        page,
        status: status.as_u16(),
        message,
    }
    .render()
    .unwrap_or_else(|_| "error".to_owned());
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}
