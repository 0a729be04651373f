//! Learners' progress through lessons, and the certificates of completed modules.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::Locale;

use super::models::{Lesson, Module};
use super::schema::*;
use super::{DbConnection, DbError};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = lesson_progress)]
pub struct Progress {
    pub user_id: i64,
    pub lesson_id: i64,
    pub watched_intervals: String,
    pub watched_s: i32,
    pub position_s: i32,
    pub completed_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = certificates)]
pub struct Certificate {
    pub id: i64,
    pub user_id: Option<i64>,
    pub module_id: i64,
    pub code: String,
    pub full_name: String,
    pub locale: Locale,
    pub issued_at: NaiveDateTime,
}

/// A lesson of a published module.
pub fn published_lesson(conn: &mut DbConnection, id: i64) -> Result<(Lesson, Module), DbError> {
    let lesson = lessons::table
        .find(id)
        .select(Lesson::as_select())
        .first(conn)?;
    let module = modules::table
        .find(lesson.module_id)
        .filter(modules::published.eq(true))
        .select(Module::as_select())
        .first(conn)?;
    Ok((lesson, module))
}

pub fn progress_of(
    conn: &mut DbConnection,
    user_id: i64,
    lesson_ids: &[i64],
) -> Result<Vec<Progress>, DbError> {
    Ok(lesson_progress::table
        .filter(lesson_progress::user_id.eq(user_id))
        .filter(lesson_progress::lesson_id.eq_any(lesson_ids))
        .select(Progress::as_select())
        .load(conn)?)
}

/// Every progress row of a learner, most recently watched first.
pub fn all_progress(conn: &mut DbConnection, user_id: i64) -> Result<Vec<Progress>, DbError> {
    Ok(lesson_progress::table
        .filter(lesson_progress::user_id.eq(user_id))
        .order(lesson_progress::updated_at.desc())
        .select(Progress::as_select())
        .load(conn)?)
}

/// Takes the write lock on a learner's row of a lesson before reading it, so two
/// reports at once cannot lose seconds: on SQLite the first write starts the write
/// transaction, on PostgreSQL the UPDATE locks the row. Returns the row, if any.
pub fn lock_progress(
    conn: &mut DbConnection,
    user_id: i64,
    lesson_id: i64,
) -> Result<Option<Progress>, DbError> {
    let key = lesson_progress::table
        .filter(lesson_progress::user_id.eq(user_id))
        .filter(lesson_progress::lesson_id.eq(lesson_id));
    diesel::update(key)
        .set(lesson_progress::updated_at.eq(lesson_progress::updated_at))
        .execute(conn)?;
    Ok(key.select(Progress::as_select()).first(conn).optional()?)
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = lesson_progress)]
pub struct ProgressRow<'a> {
    pub user_id: i64,
    pub lesson_id: i64,
    pub watched_intervals: &'a str,
    pub watched_s: i32,
    pub position_s: i32,
    pub completed_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

pub fn save_progress(
    conn: &mut DbConnection,
    row: &ProgressRow,
    exists: bool,
) -> Result<(), DbError> {
    if exists {
        diesel::update(
            lesson_progress::table
                .filter(lesson_progress::user_id.eq(row.user_id))
                .filter(lesson_progress::lesson_id.eq(row.lesson_id)),
        )
        .set(row)
        .execute(conn)?;
    } else {
        diesel::insert_into(lesson_progress::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Lessons of a module with the learner's completion of each.
pub fn completed_lessons(
    conn: &mut DbConnection,
    user_id: i64,
    module_id: i64,
) -> Result<(i64, i64), DbError> {
    let ids: Vec<i64> = lessons::table
        .filter(lessons::module_id.eq(module_id))
        .select(lessons::id)
        .load(conn)?;
    let total = ids.len() as i64;
    let done: i64 = lesson_progress::table
        .filter(lesson_progress::lesson_id.eq_any(&ids))
        .filter(lesson_progress::user_id.eq(user_id))
        .filter(lesson_progress::completed_at.is_not_null())
        .count()
        .get_result(conn)?;
    Ok((done, total))
}

pub fn certificate_of(
    conn: &mut DbConnection,
    user_id: i64,
    module_id: i64,
) -> Result<Option<Certificate>, DbError> {
    Ok(certificates::table
        .filter(certificates::user_id.eq(user_id))
        .filter(certificates::module_id.eq(module_id))
        .select(Certificate::as_select())
        .first(conn)
        .optional()?)
}

pub fn certificates_of(conn: &mut DbConnection, user_id: i64) -> Result<Vec<Certificate>, DbError> {
    Ok(certificates::table
        .filter(certificates::user_id.eq(user_id))
        .order(certificates::issued_at)
        .select(Certificate::as_select())
        .load(conn)?)
}

pub fn certificate_by_code(
    conn: &mut DbConnection,
    code: &str,
) -> Result<Option<Certificate>, DbError> {
    Ok(certificates::table
        .filter(certificates::code.eq(code))
        .select(Certificate::as_select())
        .first(conn)
        .optional()?)
}

#[allow(clippy::too_many_arguments)]
pub fn insert_certificate(
    conn: &mut DbConnection,
    user_id: i64,
    module_id: i64,
    code: &str,
    full_name: &str,
    locale: &str,
    issued_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(certificates::table)
        .values((
            certificates::user_id.eq(user_id),
            certificates::module_id.eq(module_id),
            certificates::code.eq(code),
            certificates::full_name.eq(full_name),
            certificates::locale.eq(locale),
            certificates::issued_at.eq(issued_at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn module_by_id(conn: &mut DbConnection, id: i64) -> Result<Module, DbError> {
    Ok(modules::table
        .find(id)
        .select(Module::as_select())
        .first(conn)?)
}

/// Registrants of a webinar's sessions still expecting news: (registration id, email,
/// locale, attended), confirmed or waitlisted, oldest first.
pub fn webinar_registrants(
    conn: &mut DbConnection,
    webinar_id: i64,
) -> Result<Vec<(i64, String, Locale, bool)>, DbError> {
    let session_ids: Vec<i64> = sessions::table
        .filter(sessions::webinar_id.eq(webinar_id))
        .select(sessions::id)
        .load(conn)?;
    Ok(registrations::table
        .filter(registrations::session_id.eq_any(&session_ids))
        .filter(registrations::status.eq_any(["confirmed", "waitlisted"]))
        .order(registrations::id)
        .select((
            registrations::id,
            registrations::email,
            registrations::locale,
            registrations::attended,
        ))
        .load(conn)?)
}
