use actix_web::{HttpResponse, web};

use crate::services::content::programme::{self, SessionView};
use crate::web::error::AppError;
use crate::web::lang::ApiLang;
use crate::web::state::{AppState, Pages};

use super::ErrorBody;

/// One session with its speakers and agenda; its meeting link is never public.
#[utoipa::path(get, path = "/api/v1/sessions/{id}", tag = "programme",
    params(("id" = i64, Path), ("lang" = Option<String>, Query, description = "fr, en or ar")),
    responses((status = 200, body = SessionView), (status = 404, body = ErrorBody)))]
pub async fn get_session(
    lang: ApiLang,
    id: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let session = state
        .run(Pages::Unchanged, move |c| {
            programme::session_in(c, id, lang.0)
        })
        .await?;
    Ok(HttpResponse::Ok().json(session))
}
