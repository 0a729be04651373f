use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::services::learning::{self, LearningOverview};
use crate::web::auth::{self, MaybeUser};
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::state::{AppState, Pages};

#[derive(Template)]
#[template(path = "learning.html")]
struct LearningPage {
    page: PageCtx,
    full_name: String,
    overview: LearningOverview,
}

impl LearningPage {
    fn minutes_watched(&self) -> i64 {
        (self.overview.watched_s + 59) / 60
    }

    fn total_lessons(&self) -> usize {
        self.overview.modules.iter().map(|m| m.lessons.len()).sum()
    }
}

/// "My learning": progress per module, time watched, what to watch next.
pub async fn show_learning(
    page: PageCtx,
    req: HttpRequest,
    user: MaybeUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let Some(user) = user.0 else {
        return Ok(auth::to_login(&req, page.lang()));
    };
    let locale = page.locale;
    let id = user.id;
    let overview = state
        .run(Pages::Unchanged, move |c| learning::overview(c, id, locale))
        .await?;
    render(
        &page,
        &LearningPage {
            page: page.clone(),
            full_name: user.full_name,
            overview,
        },
    )
}
