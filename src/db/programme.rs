//! Reading the programme: series, webinars, sessions, replays, modules and lessons.

use diesel::prelude::*;

use super::models::*;
use super::schema::*;
use super::{DbConnection, DbError};

pub fn series_translations(conn: &mut DbConnection) -> Result<Vec<Translation>, DbError> {
    Ok(series_translations::table
        .select((
            series_translations::series_id,
            series_translations::locale,
            series_translations::title,
            series_translations::summary,
        ))
        .order(series_translations::series_id)
        .load(conn)?)
}

pub fn published_webinars(conn: &mut DbConnection) -> Result<Vec<Webinar>, DbError> {
    Ok(webinars::table
        .filter(webinars::published.eq(true))
        .order(webinars::position)
        .select(Webinar::as_select())
        .load(conn)?)
}

pub fn published_webinar(conn: &mut DbConnection, slug: &str) -> Result<Webinar, DbError> {
    Ok(webinars::table
        .filter(webinars::published.eq(true))
        .filter(webinars::slug.eq(slug))
        .select(Webinar::as_select())
        .first(conn)?)
}

pub fn webinar_translations(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<Vec<Translation>, DbError> {
    Ok(webinar_translations::table
        .filter(webinar_translations::webinar_id.eq_any(ids))
        .select((
            webinar_translations::webinar_id,
            webinar_translations::locale,
            webinar_translations::title,
            webinar_translations::summary,
        ))
        .load(conn)?)
}

/// Published sessions of these webinars that have not ended yet, soonest first.
pub fn upcoming_sessions(
    conn: &mut DbConnection,
    webinar_ids: &[i64],
    now: chrono::NaiveDateTime,
) -> Result<Vec<Session>, DbError> {
    // A session is listed until its start; ended sessions belong to replays.
    Ok(sessions::table
        .filter(sessions::webinar_id.eq_any(webinar_ids))
        .filter(sessions::published.eq(true))
        .filter(sessions::starts_at.gt(now))
        .order(sessions::starts_at)
        .select(Session::as_select())
        .load(conn)?)
}

pub fn published_session(conn: &mut DbConnection, id: i64) -> Result<Session, DbError> {
    Ok(sessions::table
        .filter(sessions::id.eq(id))
        .filter(sessions::published.eq(true))
        .select(Session::as_select())
        .first(conn)?)
}

pub fn webinar_by_id(conn: &mut DbConnection, id: i64) -> Result<Webinar, DbError> {
    Ok(webinars::table
        .find(id)
        .select(Webinar::as_select())
        .first(conn)?)
}

pub fn published_replays(
    conn: &mut DbConnection,
    webinar_ids: &[i64],
) -> Result<Vec<Replay>, DbError> {
    Ok(replays::table
        .filter(replays::webinar_id.eq_any(webinar_ids))
        .filter(replays::published.eq(true))
        .order((replays::webinar_id, replays::locale))
        .select(Replay::as_select())
        .load(conn)?)
}

pub fn replay_captions(
    conn: &mut DbConnection,
    replay_ids: &[i64],
) -> Result<Vec<ReplayCaption>, DbError> {
    Ok(replay_captions::table
        .filter(replay_captions::replay_id.eq_any(replay_ids))
        .order((replay_captions::replay_id, replay_captions::locale))
        .select(ReplayCaption::as_select())
        .load(conn)?)
}

pub fn published_modules(conn: &mut DbConnection) -> Result<Vec<Module>, DbError> {
    Ok(modules::table
        .filter(modules::published.eq(true))
        .order(modules::position)
        .select(Module::as_select())
        .load(conn)?)
}

pub fn published_module(conn: &mut DbConnection, slug: &str) -> Result<Module, DbError> {
    Ok(modules::table
        .filter(modules::published.eq(true))
        .filter(modules::slug.eq(slug))
        .select(Module::as_select())
        .first(conn)?)
}

pub fn module_translations(
    conn: &mut DbConnection,
    ids: &[i64],
) -> Result<Vec<Translation>, DbError> {
    Ok(module_translations::table
        .filter(module_translations::module_id.eq_any(ids))
        .select((
            module_translations::module_id,
            module_translations::locale,
            module_translations::title,
            module_translations::summary,
        ))
        .load(conn)?)
}

pub fn lessons_of(conn: &mut DbConnection, module_ids: &[i64]) -> Result<Vec<Lesson>, DbError> {
    Ok(lessons::table
        .filter(lessons::module_id.eq_any(module_ids))
        .order((lessons::module_id, lessons::position))
        .select(Lesson::as_select())
        .load(conn)?)
}

pub fn lesson_translations(
    conn: &mut DbConnection,
    lesson_ids: &[i64],
) -> Result<Vec<LessonTranslation>, DbError> {
    Ok(lesson_translations::table
        .filter(lesson_translations::lesson_id.eq_any(lesson_ids))
        .select(LessonTranslation::as_select())
        .load(conn)?)
}
