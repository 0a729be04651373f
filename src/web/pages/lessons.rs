use actix_web::{HttpResponse, web};
use askama::Template;

use crate::domain::VideoSource;
use crate::services::learning::{self, LessonPage as Lesson};
use crate::web::auth::MaybeUser;
use crate::web::error::AppError;
use crate::web::page::{PageCtx, render};
use crate::web::state::{AppState, Pages};

#[derive(Template)]
#[template(path = "lesson.html")]
struct LessonPage {
    page: PageCtx,
    lesson: Lesson,
}

impl LessonPage {
    fn file_url(&self) -> Option<&str> {
        match &self.lesson.video {
            Some(VideoSource::File { url }) => Some(url),
            _ => None,
        }
    }

    fn embed_src(&self) -> Option<&str> {
        match &self.lesson.video {
            Some(VideoSource::Embed { src }) => Some(src),
            _ => None,
        }
    }
}

pub async fn show_lesson(
    page: PageCtx,
    path: web::Path<(String, String)>,
    user: MaybeUser,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let id: i64 = path.1.parse().map_err(|_| AppError::NotFound)?;
    let locale = page.locale;
    let user_id = user.0.map(|u| u.id);
    let lesson = state
        .run(Pages::Unchanged, move |c| {
            learning::lesson(c, id, locale, user_id)
        })
        .await?;
    render(
        &page,
        &LessonPage {
            page: page.clone(),
            lesson,
        },
    )
}
