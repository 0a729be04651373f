//! The figures of the back-office dashboard, read in a few plain queries; counting and
//! grouping happen in `services::dashboard`.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::{
    certificates, lesson_progress, lessons, registrations, replay_views, sessions, webinars,
};
use super::{DbConnection, DbError};

/// One registration as the dashboard counts it.
#[derive(Queryable, Clone, Debug)]
pub struct RegistrationFact {
    pub webinar_id: i64,
    pub locale: String,
    pub country: String,
    pub function: String,
    pub status: String,
    pub attended: bool,
    pub created_at: NaiveDateTime,
    pub session_starts_at: NaiveDateTime,
}

pub fn registration_facts(conn: &mut DbConnection) -> Result<Vec<RegistrationFact>, DbError> {
    Ok(registrations::table
        .inner_join(sessions::table)
        .select((
            sessions::webinar_id,
            registrations::locale,
            registrations::country,
            registrations::function,
            registrations::status,
            registrations::attended,
            registrations::created_at,
            sessions::starts_at,
        ))
        .load(conn)?)
}

/// (webinar id, locale) of every replay view.
pub fn replay_view_facts(conn: &mut DbConnection) -> Result<Vec<(i64, String)>, DbError> {
    Ok(replay_views::table
        .select((replay_views::webinar_id, replay_views::locale))
        .load(conn)?)
}

/// Records that a published replay of a webinar started playing; false when there is
/// no such replay.
pub fn record_replay_view(
    conn: &mut DbConnection,
    webinar_slug: &str,
    locale: &str,
) -> Result<bool, DbError> {
    use super::schema::replays;
    let webinar: Option<i64> = webinars::table
        .filter(webinars::slug.eq(webinar_slug))
        .filter(webinars::published.eq(true))
        .select(webinars::id)
        .first(conn)
        .optional()?;
    let Some(webinar_id) = webinar else {
        return Ok(false);
    };
    let online: i64 = replays::table
        .filter(replays::webinar_id.eq(webinar_id))
        .filter(replays::published.eq(true))
        .filter(replays::locale.eq(locale))
        .count()
        .get_result(conn)?;
    if online == 0 {
        return Ok(false);
    }
    diesel::insert_into(replay_views::table)
        .values((
            replay_views::webinar_id.eq(webinar_id),
            replay_views::locale.eq(locale),
            replay_views::viewed_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Per module: (module id, lessons completed by learners, certificates issued).
pub fn module_completions(conn: &mut DbConnection) -> Result<Vec<(i64, i64, i64)>, DbError> {
    let module_of: std::collections::HashMap<i64, i64> = lessons::table
        .select((lessons::id, lessons::module_id))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let done: Vec<i64> = lesson_progress::table
        .filter(lesson_progress::completed_at.is_not_null())
        .select(lesson_progress::lesson_id)
        .load::<i64>(conn)?
        .into_iter()
        .filter_map(|l| module_of.get(&l).copied())
        .collect();
    let certs: Vec<i64> = certificates::table
        .select(certificates::module_id)
        .load(conn)?;
    let mut ids: Vec<i64> = done.iter().chain(certs.iter()).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids
        .into_iter()
        .map(|id| {
            let lessons_done = done.iter().filter(|m| **m == id).count() as i64;
            let issued = certs.iter().filter(|m| **m == id).count() as i64;
            (id, lessons_done, issued)
        })
        .collect())
}
