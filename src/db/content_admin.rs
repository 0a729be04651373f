//! Back-office writes to the programme: webinars, modules and lessons with their
//! translations, replays with captions (sessions: `session_changes.rs`).

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::models::{Lesson, LessonTranslation, Module, Replay, ReplayCaption, Webinar};
use super::schema::*;
use super::{DbConnection, DbError};

fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// The series the webinars belong to (the first one).
pub fn first_series(conn: &mut DbConnection) -> Result<Option<i64>, DbError> {
    Ok(series::table
        .order(series::id)
        .select(series::id)
        .first(conn)
        .optional()?)
}

pub fn webinar_slug_taken(conn: &mut DbConnection, slug: &str) -> Result<bool, DbError> {
    Ok(webinars::table
        .filter(webinars::slug.eq(slug))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

/// A new, unpublished webinar at the end of the programme.
pub fn insert_webinar(
    conn: &mut DbConnection,
    slug: &str,
    series_id: Option<i64>,
) -> Result<i64, DbError> {
    let last: Option<i32> = webinars::table
        .select(diesel::dsl::max(webinars::position))
        .first(conn)?;
    Ok(diesel::insert_into(webinars::table)
        .values((
            webinars::slug.eq(slug),
            webinars::series_id.eq(series_id),
            webinars::position.eq(last.unwrap_or(0) + 1),
            webinars::published.eq(false),
            webinars::created_at.eq(now()),
            webinars::updated_at.eq(now()),
        ))
        .returning(webinars::id)
        .get_result(conn)?)
}

pub fn set_webinar_published(
    conn: &mut DbConnection,
    id: i64,
    published: bool,
) -> Result<(), DbError> {
    diesel::update(webinars::table.find(id))
        .set((
            webinars::published.eq(published),
            webinars::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Replaces one language of a webinar; empty title and summary remove it.
pub fn replace_webinar_text(
    conn: &mut DbConnection,
    id: i64,
    locale: &str,
    title: &str,
    summary: &str,
) -> Result<(), DbError> {
    diesel::delete(
        webinar_translations::table
            .filter(webinar_translations::webinar_id.eq(id))
            .filter(webinar_translations::locale.eq(locale)),
    )
    .execute(conn)?;
    if !title.is_empty() || !summary.is_empty() {
        diesel::insert_into(webinar_translations::table)
            .values((
                webinar_translations::webinar_id.eq(id),
                webinar_translations::locale.eq(locale),
                webinar_translations::title.eq(title),
                webinar_translations::summary.eq(summary),
            ))
            .execute(conn)?;
    }
    diesel::update(webinars::table.find(id))
        .set(webinars::updated_at.eq(now()))
        .execute(conn)?;
    Ok(())
}

/// Sets the key of a webinar's share picture.
pub fn set_share_image(conn: &mut DbConnection, id: i64, key: &str) -> Result<(), DbError> {
    diesel::update(webinars::table.find(id))
        .set((
            webinars::share_image_key.eq(Some(key)),
            webinars::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn all_modules(conn: &mut DbConnection) -> Result<Vec<Module>, DbError> {
    Ok(modules::table
        .order((modules::position, modules::id))
        .select(Module::as_select())
        .load(conn)?)
}

pub fn module_by_slug(conn: &mut DbConnection, slug: &str) -> Result<Module, DbError> {
    Ok(modules::table
        .filter(modules::slug.eq(slug))
        .select(Module::as_select())
        .first(conn)?)
}

pub fn module_slug_taken(conn: &mut DbConnection, slug: &str) -> Result<bool, DbError> {
    Ok(modules::table
        .filter(modules::slug.eq(slug))
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

pub fn insert_module(conn: &mut DbConnection, slug: &str) -> Result<i64, DbError> {
    let last: Option<i32> = modules::table
        .select(diesel::dsl::max(modules::position))
        .first(conn)?;
    Ok(diesel::insert_into(modules::table)
        .values((
            modules::slug.eq(slug),
            modules::position.eq(last.unwrap_or(0) + 1),
            modules::published.eq(false),
            modules::created_at.eq(now()),
            modules::updated_at.eq(now()),
        ))
        .returning(modules::id)
        .get_result(conn)?)
}

pub fn set_module_published(
    conn: &mut DbConnection,
    id: i64,
    published: bool,
) -> Result<(), DbError> {
    diesel::update(modules::table.find(id))
        .set((
            modules::published.eq(published),
            modules::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn replace_module_text(
    conn: &mut DbConnection,
    id: i64,
    locale: &str,
    title: &str,
    summary: &str,
) -> Result<(), DbError> {
    diesel::delete(
        module_translations::table
            .filter(module_translations::module_id.eq(id))
            .filter(module_translations::locale.eq(locale)),
    )
    .execute(conn)?;
    if !title.is_empty() || !summary.is_empty() {
        diesel::insert_into(module_translations::table)
            .values((
                module_translations::module_id.eq(id),
                module_translations::locale.eq(locale),
                module_translations::title.eq(title),
                module_translations::summary.eq(summary),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn lesson_by_id(conn: &mut DbConnection, id: i64) -> Result<Lesson, DbError> {
    Ok(lessons::table
        .find(id)
        .select(Lesson::as_select())
        .first(conn)?)
}

pub fn insert_lesson(
    conn: &mut DbConnection,
    module_id: i64,
    duration_s: i32,
) -> Result<i64, DbError> {
    let last: Option<i32> = lessons::table
        .filter(lessons::module_id.eq(module_id))
        .select(diesel::dsl::max(lessons::position))
        .first(conn)?;
    Ok(diesel::insert_into(lessons::table)
        .values((
            lessons::module_id.eq(module_id),
            lessons::position.eq(last.unwrap_or(0) + 1),
            lessons::duration_s.eq(duration_s),
            lessons::created_at.eq(now()),
        ))
        .returning(lessons::id)
        .get_result(conn)?)
}

pub fn set_lesson_duration(
    conn: &mut DbConnection,
    id: i64,
    duration_s: i32,
) -> Result<(), DbError> {
    diesel::update(lessons::table.find(id))
        .set(lessons::duration_s.eq(duration_s))
        .execute(conn)?;
    Ok(())
}

pub fn replace_lesson_text(conn: &mut DbConnection, t: &LessonTranslation) -> Result<(), DbError> {
    diesel::delete(
        lesson_translations::table
            .filter(lesson_translations::lesson_id.eq(t.lesson_id))
            .filter(lesson_translations::locale.eq(&t.locale)),
    )
    .execute(conn)?;
    if !t.title.is_empty() || !t.body.is_empty() || !t.video_url.is_empty() {
        diesel::insert_into(lesson_translations::table)
            .values((
                lesson_translations::lesson_id.eq(t.lesson_id),
                lesson_translations::locale.eq(&t.locale),
                lesson_translations::title.eq(&t.title),
                lesson_translations::body.eq(&t.body),
                lesson_translations::video_url.eq(&t.video_url),
                lesson_translations::captions_url.eq(&t.captions_url),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn replays_of(conn: &mut DbConnection, webinar_id: i64) -> Result<Vec<Replay>, DbError> {
    Ok(replays::table
        .filter(replays::webinar_id.eq(webinar_id))
        .order(replays::locale)
        .select(Replay::as_select())
        .load(conn)?)
}

pub fn captions_of(
    conn: &mut DbConnection,
    replay_ids: &[i64],
) -> Result<Vec<ReplayCaption>, DbError> {
    Ok(replay_captions::table
        .filter(replay_captions::replay_id.eq_any(replay_ids))
        .select(ReplayCaption::as_select())
        .load(conn)?)
}

/// Sets the video of a webinar's replay in one language (created unpublished).
pub fn upsert_replay(
    conn: &mut DbConnection,
    webinar_id: i64,
    locale: &str,
    video_url: &str,
) -> Result<i64, DbError> {
    let existing: Option<i64> = replays::table
        .filter(replays::webinar_id.eq(webinar_id))
        .filter(replays::locale.eq(locale))
        .select(replays::id)
        .first(conn)
        .optional()?;
    match existing {
        Some(id) => {
            diesel::update(replays::table.find(id))
                .set(replays::video_url.eq(video_url))
                .execute(conn)?;
            Ok(id)
        }
        None => Ok(diesel::insert_into(replays::table)
            .values((
                replays::webinar_id.eq(webinar_id),
                replays::locale.eq(locale),
                replays::video_url.eq(video_url),
                replays::published.eq(false),
                replays::created_at.eq(now()),
            ))
            .returning(replays::id)
            .get_result(conn)?),
    }
}

pub fn replay_by_id(conn: &mut DbConnection, id: i64) -> Result<Replay, DbError> {
    Ok(replays::table
        .find(id)
        .select(Replay::as_select())
        .first(conn)?)
}

pub fn set_replay_published(
    conn: &mut DbConnection,
    id: i64,
    published: bool,
) -> Result<(), DbError> {
    diesel::update(replays::table.find(id))
        .set(replays::published.eq(published))
        .execute(conn)?;
    Ok(())
}

/// Sets (or with an empty URL removes) the captions of a replay in one language.
pub fn set_caption(
    conn: &mut DbConnection,
    replay_id: i64,
    locale: &str,
    url: &str,
) -> Result<(), DbError> {
    diesel::delete(
        replay_captions::table
            .filter(replay_captions::replay_id.eq(replay_id))
            .filter(replay_captions::locale.eq(locale)),
    )
    .execute(conn)?;
    if !url.is_empty() {
        diesel::insert_into(replay_captions::table)
            .values((
                replay_captions::replay_id.eq(replay_id),
                replay_captions::locale.eq(locale),
                replay_captions::url.eq(url),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn all_webinars(conn: &mut DbConnection) -> Result<Vec<Webinar>, DbError> {
    super::admin::all_webinars(conn)
}
