//! The public programme: webinars with their upcoming sessions and replays, modules and
//! lessons, each in the viewer's language with a visible fallback.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::models::{Session, Translation};
use crate::db::{DbConnection, DbError, programme as q};
use crate::domain::{Locale, SessionLanguages, TimeZone};

use crate::domain::translation::{self, pick};
use crate::services::speakers::photos;
use crate::services::speakers::views::{self as people, AgendaItemView, SpeakerView};

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct SeriesView {
    pub title: String,
    pub summary: String,
}

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct WebinarView {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// Set when the text is shown in another language than the one asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_locale: Option<Locale>,
    pub sessions: Vec<SessionView>,
    pub replay_languages: Vec<Locale>,
    /// Who speaks, moderates and interprets, in order.
    pub speakers: Vec<SpeakerView>,
    /// Path of the picture a shared link shows; none shares the site's picture.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_image: Option<String>,
}

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct SessionView {
    pub id: i64,
    pub webinar_slug: String,
    /// RFC 3339, UTC.
    pub starts_at: DateTime<Utc>,
    /// IANA zone the session is organised in.
    #[schema(value_type = String, example = "Africa/Tunis")]
    pub timezone: TimeZone,
    pub duration_minutes: i32,
    pub capacity: i32,
    pub seats_left: i32,
    /// Every language the session can be followed in, the floor language first.
    pub languages: Vec<String>,
    /// The language spoken on the floor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub floor_language: Option<Locale>,
    /// The languages the session is interpreted into.
    pub interpreted_into: Vec<Locale>,
    /// People of this session only (the webinar's are on the webinar).
    pub speakers: Vec<SpeakerView>,
    pub agenda: Vec<AgendaItemView>,
}

impl SessionView {
    pub fn spoken(&self) -> Option<SessionLanguages> {
        Some(SessionLanguages {
            floor: self.floor_language?,
            interpreted: self.interpreted_into.clone(),
        })
    }

    pub fn can_follow_in(&self, locale: Locale) -> bool {
        self.spoken().is_some_and(|s| s.can_follow_in(locale))
    }
}

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct ReplayView {
    pub locale: Locale,
    pub url: String,
    pub captions: Vec<CaptionView>,
}

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct CaptionView {
    pub locale: Locale,
    pub url: String,
}

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct ModuleView {
    pub slug: String,
    pub title: String,
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_locale: Option<Locale>,
    pub lessons: Vec<LessonView>,
    /// The signed-in learner's certificate code for this module, once earned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
}

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct LessonView {
    pub id: i64,
    pub title: String,
    pub duration_s: i32,
    /// Signed-in learners only: unique seconds watched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watched_s: Option<i32>,
    /// Signed-in learners only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed: Option<bool>,
}

impl ModuleView {
    /// Lessons the learner has completed (0 when not signed in).
    pub fn lessons_done(&self) -> usize {
        self.lessons
            .iter()
            .filter(|l| l.completed == Some(true))
            .count()
    }

    /// Whether progress is known (a signed-in learner).
    pub fn has_progress(&self) -> bool {
        self.lessons.iter().any(|l| l.completed.is_some())
    }

    pub fn percent_done(&self) -> usize {
        (self.lessons_done() * 100)
            .checked_div(self.lessons.len())
            .unwrap_or(0)
    }
}

impl LessonView {
    /// Share of the lesson watched, in percent.
    pub fn percent_watched(&self) -> i32 {
        (self.watched_s.unwrap_or(0).max(0) * 100)
            .checked_div(self.duration_s)
            .unwrap_or(0)
            .min(100)
    }

    pub fn minutes(&self) -> i32 {
        (self.duration_s + 59) / 60
    }
}

/// Title and summary of `owner` in the best language (`domain::translation::localise`);
/// `fallback` set when it is not `wanted`.
pub(crate) fn localise(
    wanted: Locale,
    owner: i64,
    all: &[Translation],
) -> (String, String, Option<Locale>) {
    let mine = all
        .iter()
        .filter(|t| t.owner_id == owner)
        .map(|t| (t.locale.as_str(), t.title.as_str(), t.summary.as_str()));
    translation::localise(wanted, mine)
}

fn session_view(s: &Session, webinar_slug: &str) -> SessionView {
    let spoken = SessionLanguages::from_list(s.languages.split(','));
    SessionView {
        id: s.id,
        webinar_slug: webinar_slug.to_owned(),
        starts_at: s.starts_at.and_utc(),
        timezone: s.timezone,
        duration_minutes: s.duration_minutes,
        capacity: s.capacity,
        seats_left: (s.capacity - s.confirmed_count).max(0),
        languages: s
            .languages
            .split(',')
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        floor_language: spoken.as_ref().map(|l| l.floor),
        interpreted_into: spoken.map(|l| l.interpreted).unwrap_or_default(),
        speakers: vec![],
        agenda: vec![],
    }
}

pub fn series(conn: &mut DbConnection, locale: Locale) -> Result<Option<SeriesView>, DbError> {
    let all = q::series_translations(conn)?;
    let Some(first) = all.first() else {
        return Ok(None);
    };
    let (title, summary, _) = localise(locale, first.owner_id, &all);
    Ok(Some(SeriesView { title, summary }))
}

/// Published webinars with their upcoming sessions; with `follow_in`, only the sessions
/// spoken or interpreted in that language, and the webinars that have one.
pub fn webinars(
    conn: &mut DbConnection,
    locale: Locale,
    now: NaiveDateTime,
    follow_in: Option<Locale>,
) -> Result<Vec<WebinarView>, DbError> {
    let webinars = q::published_webinars(conn)?;
    let ids: Vec<i64> = webinars.iter().map(|w| w.id).collect();
    let translations = q::webinar_translations(conn, &ids)?;
    let sessions = q::upcoming_sessions(conn, &ids, now)?;
    let replays = q::published_replays(conn, &ids)?;
    let followable = |s: &&Session| {
        follow_in.is_none_or(|l| {
            SessionLanguages::from_list(s.languages.split(',')).is_some_and(|k| k.can_follow_in(l))
        })
    };
    let mut sessions_by_webinar: HashMap<i64, Vec<&Session>> = HashMap::new();
    for s in sessions.iter().filter(followable) {
        sessions_by_webinar.entry(s.webinar_id).or_default().push(s);
    }
    let shown: Vec<&crate::db::models::Webinar> = webinars
        .iter()
        .filter(|w| follow_in.is_none() || sessions_by_webinar.contains_key(&w.id))
        .collect();
    let mut views: Vec<WebinarView> = shown
        .iter()
        .map(|w| {
            let (title, summary, fallback_locale) = localise(locale, w.id, &translations);
            WebinarView {
                slug: w.slug.clone(),
                title,
                summary,
                fallback_locale,
                sessions: sessions_by_webinar
                    .get(&w.id)
                    .map(|ss| ss.iter().map(|s| session_view(s, &w.slug)).collect())
                    .unwrap_or_default(),
                replay_languages: replays
                    .iter()
                    .filter(|r| r.webinar_id == w.id)
                    .filter_map(|r| r.locale.parse().ok())
                    .collect(),
                speakers: vec![],
                share_image: w.share_image_key.as_deref().map(photos::share_url),
            }
        })
        .collect();
    let shown_ids: Vec<i64> = shown.iter().map(|w| w.id).collect();
    people::fill_webinars(conn, locale, &mut views, &shown_ids)?;
    Ok(views)
}

pub fn webinar(
    conn: &mut DbConnection,
    slug: &str,
    locale: Locale,
    now: NaiveDateTime,
) -> Result<WebinarView, DbError> {
    let w = q::published_webinar(conn, slug)?;
    let translations = q::webinar_translations(conn, &[w.id])?;
    let sessions = q::upcoming_sessions(conn, &[w.id], now)?;
    let replays = q::published_replays(conn, &[w.id])?;
    let (title, summary, fallback_locale) = localise(locale, w.id, &translations);
    let mut view = WebinarView {
        slug: w.slug.clone(),
        title,
        summary,
        fallback_locale,
        sessions: sessions.iter().map(|s| session_view(s, &w.slug)).collect(),
        replay_languages: replays
            .iter()
            .filter_map(|r| r.locale.parse().ok())
            .collect(),
        speakers: vec![],
        share_image: w.share_image_key.as_deref().map(photos::share_url),
    };
    people::fill_webinars(conn, locale, std::slice::from_mut(&mut view), &[w.id])?;
    Ok(view)
}

pub fn session(conn: &mut DbConnection, id: i64) -> Result<SessionView, DbError> {
    let s = q::published_session(conn, id)?;
    let w = q::webinar_by_id(conn, s.webinar_id)?;
    if !w.published {
        return Err(DbError::not_found());
    }
    Ok(session_view(&s, &w.slug))
}

/// A session with its speakers and agenda in `locale` (the API's session object).
pub fn session_in(
    conn: &mut DbConnection,
    id: i64,
    locale: Locale,
) -> Result<SessionView, DbError> {
    let mut view = session(conn, id)?;
    people::fill_sessions(conn, locale, std::slice::from_mut(&mut view))?;
    Ok(view)
}

/// Replays of a webinar, the viewer's language first.
pub fn replays(
    conn: &mut DbConnection,
    slug: &str,
    locale: Locale,
) -> Result<Vec<ReplayView>, DbError> {
    let w = q::published_webinar(conn, slug)?;
    let replays = q::published_replays(conn, &[w.id])?;
    let ids: Vec<i64> = replays.iter().map(|r| r.id).collect();
    let captions = q::replay_captions(conn, &ids)?;
    let mut views: Vec<ReplayView> = replays
        .iter()
        .filter_map(|r| {
            Some(ReplayView {
                locale: r.locale.parse().ok()?,
                url: r.video_url.clone(),
                captions: captions
                    .iter()
                    .filter(|c| c.replay_id == r.id)
                    .filter_map(|c| {
                        Some(CaptionView {
                            locale: c.locale.parse().ok()?,
                            url: c.url.clone(),
                        })
                    })
                    .collect(),
            })
        })
        .collect();
    let order = crate::domain::translation::fallback_order(locale);
    views.sort_by_key(|r| order.iter().position(|l| *l == r.locale));
    Ok(views)
}

pub fn modules(conn: &mut DbConnection, locale: Locale) -> Result<Vec<ModuleView>, DbError> {
    let modules = q::published_modules(conn)?;
    let ids: Vec<i64> = modules.iter().map(|m| m.id).collect();
    module_views(conn, locale, &modules, &ids)
}

pub fn module(conn: &mut DbConnection, slug: &str, locale: Locale) -> Result<ModuleView, DbError> {
    let m = q::published_module(conn, slug)?;
    let ids = [m.id];
    module_views(conn, locale, std::slice::from_ref(&m), &ids)?
        .pop()
        .ok_or_else(DbError::not_found)
}

fn module_views(
    conn: &mut DbConnection,
    locale: Locale,
    modules: &[crate::db::models::Module],
    ids: &[i64],
) -> Result<Vec<ModuleView>, DbError> {
    let translations = q::module_translations(conn, ids)?;
    let lessons = q::lessons_of(conn, ids)?;
    let lesson_ids: Vec<i64> = lessons.iter().map(|l| l.id).collect();
    let lesson_texts = q::lesson_translations(conn, &lesson_ids)?;
    Ok(modules
        .iter()
        .map(|m| {
            let (title, summary, fallback_locale) = localise(locale, m.id, &translations);
            ModuleView {
                slug: m.slug.clone(),
                title,
                summary,
                fallback_locale,
                certificate: None,
                lessons: lessons
                    .iter()
                    .filter(|l| l.module_id == m.id)
                    .map(|l| LessonView {
                        id: l.id,
                        title: pick(
                            locale,
                            lesson_texts
                                .iter()
                                .filter(|t| t.lesson_id == l.id)
                                .map(|t| (t.locale.as_str(), t)),
                            |t| !t.title.is_empty(),
                        )
                        .map(|(_, t)| t.title.clone())
                        .unwrap_or_default(),
                        duration_s: l.duration_s,
                        watched_s: None,
                        completed: None,
                    })
                    .collect(),
            }
        })
        .collect())
}
