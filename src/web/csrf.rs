//! CSRF protection. HTML forms carry a random token kept in the session and checked on
//! submission; every state-changing request from a browser is also refused when its
//! `Origin` is foreign or `Sec-Fetch-Site` says `cross-site`.

use actix_session::Session;
use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use subtle_compare::equal;

use super::error::AppError;

const KEY: &str = "csrf";

/// The session's CSRF token, created on first use.
pub fn token(session: &Session) -> String {
    if let Ok(Some(t)) = session.get::<String>(KEY) {
        return t;
    }
    let (raw, _) = crate::secrets::tokens::new_token();
    let _ = session.insert(KEY, &raw);
    raw
}

/// Checks a submitted form token against the session's.
pub fn verify(session: &Session, submitted: &str) -> Result<(), AppError> {
    match session.get::<String>(KEY) {
        Ok(Some(expected)) if equal(expected.as_bytes(), submitted.as_bytes()) => Ok(()),
        _ => Err(AppError::Forbidden),
    }
}

/// Middleware: refuses cross-site state-changing requests. The refusal is a response,
/// not an error, so the outer middleware (security headers, localised error body) still
/// handles it.
pub async fn same_origin(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, BoxBody>>, actix_web::Error> {
    let changes_state = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if changes_state && is_cross_site(&req) {
        return Ok(req
            .error_response(AppError::Forbidden)
            .map_into_right_body());
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

fn is_cross_site(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site")
    {
        return true;
    }
    match headers
        .get(header::ORIGIN)
        .map(|o| o.to_str().unwrap_or("null"))
    {
        None => false,
        Some("null") => true,
        Some(origin) => {
            let host = req.connection_info().host().to_owned();
            let origin_host = origin
                .split_once("://")
                .map(|(_, rest)| rest)
                .unwrap_or(origin);
            origin_host != host
        }
    }
}

/// Constant-time comparison, so a token cannot be guessed byte by byte.
mod subtle_compare {
    pub fn equal(a: &[u8], b: &[u8]) -> bool {
        if a.len() != b.len() {
            return false;
        }
        a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}
