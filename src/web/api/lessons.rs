use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::services::learning::{self, MAX_INTERVALS, ProgressState, Report};
use crate::web::auth::ApiUser;
use crate::web::error::AppError;
use crate::web::state::{AppState, Pages};

use super::ErrorBody;

#[derive(Deserialize, ToSchema)]
pub struct ProgressBody {
    /// Intervals actually played, in seconds: `[[from, to], …]`.
    #[serde(default)]
    watched: Vec<(f64, f64)>,
    /// Where the player stands, to resume there.
    position_s: Option<f64>,
}

/// Reports what the signed-in learner watched of a lesson.
#[utoipa::path(post, path = "/api/v1/lessons/{id}/progress", tag = "learning",
    params(("id" = i64, Path)), request_body = ProgressBody,
    responses((status = 200, body = ProgressState), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn report_progress(
    user: ApiUser,
    id: web::Path<String>,
    state: web::Data<AppState>,
    body: web::Json<ProgressBody>,
) -> Result<HttpResponse, AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let body = body.into_inner();
    if body.watched.len() > MAX_INTERVALS {
        return Err(AppError::Validation(vec![(
            "watched",
            "learning-error-too-many-intervals",
        )]));
    }
    let report = Report {
        watched: body.watched,
        position_s: body.position_s,
    };
    let user = user.0;
    let state = state
        .write(Pages::Unchanged, move |c| {
            learning::record(c, &user, id, &report)
        })
        .await?;
    Ok(HttpResponse::Ok().json(state))
}
