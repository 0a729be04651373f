//! Finding content by its slug or id for the back office: the id behind a slug, a
//! lesson with its module, the webinar of a replay.

use crate::db::{DbConnection, DbError, admin, content_admin, programme};
use crate::services::content::lessons::{self, LessonAdmin};

/// The id of the webinar with this slug (published or not); not found otherwise.
pub fn webinar_id(conn: &mut DbConnection, slug: &str) -> Result<i64, DbError> {
    Ok(admin::webinar_by_slug(conn, slug)?.id)
}

/// The id of the module with this slug (published or not); not found otherwise.
pub fn module_id(conn: &mut DbConnection, slug: &str) -> Result<i64, DbError> {
    Ok(content_admin::module_by_slug(conn, slug)?.id)
}

/// A lesson as organisers edit it, with the slug of its module.
pub fn lesson_with_module(
    conn: &mut DbConnection,
    id: i64,
) -> Result<(String, LessonAdmin), DbError> {
    let lesson = content_admin::lesson_by_id(conn, id)?;
    let module = content_admin::all_modules(conn)?
        .into_iter()
        .find(|m| m.id == lesson.module_id)
        .ok_or_else(DbError::not_found)?;
    let lesson = lessons::lessons(conn, module.id)?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or_else(DbError::not_found)?;
    Ok((module.slug, lesson))
}

/// The slug of the webinar a replay belongs to.
pub fn replay_webinar_slug(conn: &mut DbConnection, replay_id: i64) -> Result<String, DbError> {
    let replay = content_admin::replay_by_id(conn, replay_id)?;
    Ok(programme::webinar_by_id(conn, replay.webinar_id)?.slug)
}
