//! Following the modules: progress reports from the player, lessons with their video
//! and captions, and what a learner has done so far.

pub mod certificate_pdf;
pub mod certificates;

use chrono::Utc;
use serde::Serialize;

use crate::db::learning::{self as q, Progress, ProgressRow};
use crate::db::models::User;
use crate::db::{DbConnection, DbError, programme, write_transaction};
use crate::domain::progress::{self, Span};
use crate::domain::{Locale, VideoSource};

use crate::domain::translation::{fallback_order, pick};
use crate::services::content::programme::{CaptionView, LessonView, ModuleView};

/// Most intervals one report may carry.
pub const MAX_INTERVALS: usize = 500;

/// What the player reports: intervals actually played, and where it stands.
pub struct Report {
    pub watched: Vec<(f64, f64)>,
    pub position_s: Option<f64>,
}

#[derive(Serialize, utoipa::ToSchema, Debug)]
pub struct ProgressState {
    /// Unique seconds watched, all reports merged.
    pub watched_s: u32,
    /// Where to resume.
    pub position_s: u32,
    pub completed: bool,
    /// The module's certificate code, once every lesson of it is complete.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
}

impl ProgressState {
    /// Whole minutes watched, rounded up.
    pub fn minutes_watched(&self) -> i32 {
        i32::try_from(self.watched_s.div_ceil(60)).unwrap_or(i32::MAX)
    }
}

fn spans_of(p: &Progress) -> Vec<Span> {
    serde_json::from_str(&p.watched_intervals).unwrap_or_default()
}

/// Merges a report into the learner's progress on a lesson; completes the lesson past
/// its threshold and issues the module's certificate when it was the last one.
pub fn record(
    conn: &mut DbConnection,
    user: &User,
    lesson_id: i64,
    report: &Report,
) -> Result<ProgressState, DbError> {
    let (lesson, module) = q::published_lesson(conn, lesson_id)?;
    let duration = u32::try_from(lesson.duration_s).unwrap_or(0);
    let attempt = |conn: &mut DbConnection| {
        write_transaction(conn, |conn| {
            let existing = q::lock_progress(conn, user.id, lesson_id)?;
            let mut spans = existing.as_ref().map(spans_of).unwrap_or_default();
            spans.extend(
                report
                    .watched
                    .iter()
                    .filter_map(|(from, to)| progress::clean(*from, *to, duration)),
            );
            let merged = progress::merge(spans);
            let watched_s = progress::seconds(&merged);
            let position_s = report
                .position_s
                .and_then(|p| progress::clean_position(p, duration))
                .or_else(|| existing.as_ref().map(|e| e.position_s.max(0) as u32))
                .unwrap_or(0);
            let now = Utc::now().naive_utc();
            let was_complete = existing.as_ref().and_then(|e| e.completed_at);
            let completed_at =
                was_complete.or(progress::is_complete(watched_s, duration).then_some(now));
            let intervals = serde_json::to_string(&merged).unwrap_or_else(|_| "[]".into());
            q::save_progress(
                conn,
                &ProgressRow {
                    user_id: user.id,
                    lesson_id,
                    watched_intervals: &intervals,
                    watched_s: watched_s as i32,
                    position_s: position_s as i32,
                    completed_at,
                    updated_at: now,
                },
                existing.is_some(),
            )?;
            let certificate = match completed_at {
                Some(_) => certificates::issue_if_complete(conn, user, module.id)?,
                None => None,
            };
            Ok::<_, DbError>(ProgressState {
                watched_s,
                position_s,
                completed: completed_at.is_some(),
                certificate,
            })
        })
    };
    // Two first reports at once may both insert: the loser retries as an update.
    match attempt(conn) {
        Err(e) if e.is_unique_violation() => attempt(conn),
        other => other,
    }
}

/// Adds a learner's progress (and certificates) to module views.
pub fn annotate(
    conn: &mut DbConnection,
    user_id: i64,
    modules: &mut [ModuleView],
) -> Result<(), DbError> {
    let ids: Vec<i64> = modules
        .iter()
        .flat_map(|m| m.lessons.iter().map(|l| l.id))
        .collect();
    let rows = q::progress_of(conn, user_id, &ids)?;
    let certs = q::certificates_of(conn, user_id)?;
    let module_ids = programme::published_modules(conn)?;
    for m in modules.iter_mut() {
        for l in m.lessons.iter_mut() {
            let row = rows.iter().find(|r| r.lesson_id == l.id);
            l.watched_s = Some(row.map_or(0, |r| r.watched_s));
            l.completed = Some(row.is_some_and(|r| r.completed_at.is_some()));
        }
        let id = module_ids.iter().find(|x| x.slug == m.slug).map(|x| x.id);
        m.certificate = certs
            .iter()
            .find(|c| Some(c.module_id) == id)
            .map(|c| c.code.clone());
    }
    Ok(())
}

/// A lesson page: its video in the best language, captions in every language.
pub struct LessonPage {
    pub id: i64,
    pub module: ModuleView,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub fallback_locale: Option<Locale>,
    pub duration_s: i32,
    pub video: Option<VideoSource>,
    pub captions: Vec<CaptionView>,
    pub position: usize,
    pub previous: Option<LessonView>,
    pub next: Option<LessonView>,
    /// The learner's progress, when signed in.
    pub progress: Option<ProgressState>,
}

pub fn lesson(
    conn: &mut DbConnection,
    id: i64,
    locale: Locale,
    user_id: Option<i64>,
) -> Result<LessonPage, DbError> {
    let (lesson, module) = q::published_lesson(conn, id)?;
    let mut module = crate::services::content::programme::module(conn, &module.slug, locale)?;
    if let Some(uid) = user_id {
        annotate(conn, uid, std::slice::from_mut(&mut module))?;
    }
    let texts = programme::lesson_translations(conn, &[id])?;
    let (used, text) = pick(locale, texts.iter().map(|t| (t.locale.as_str(), t)), |t| {
        !t.title.is_empty()
    })
    .ok_or_else(DbError::not_found)?;
    let mut captions: Vec<CaptionView> = texts
        .iter()
        .filter_map(|t| {
            Some(CaptionView {
                locale: t.locale.parse().ok()?,
                url: t.captions_url.clone().filter(|u| !u.is_empty())?,
            })
        })
        .collect();
    let order = fallback_order(locale);
    captions.sort_by_key(|c| order.iter().position(|l| *l == c.locale));
    let position = module
        .lessons
        .iter()
        .position(|l| l.id == id)
        .unwrap_or_default();
    let progress = match user_id {
        Some(uid) => q::progress_of(conn, uid, &[id])?
            .first()
            .map(|p| ProgressState {
                watched_s: p.watched_s.max(0) as u32,
                position_s: p.position_s.max(0) as u32,
                completed: p.completed_at.is_some(),
                certificate: None,
            })
            .or(Some(ProgressState {
                watched_s: 0,
                position_s: 0,
                completed: false,
                certificate: None,
            })),
        None => None,
    };
    Ok(LessonPage {
        id,
        title: text.title.clone(),
        paragraphs: text
            .body
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect(),
        fallback_locale: (used != locale).then_some(used),
        duration_s: lesson.duration_s,
        video: VideoSource::classify(&text.video_url),
        captions,
        previous: position
            .checked_sub(1)
            .and_then(|p| module.lessons.get(p).cloned()),
        next: module.lessons.get(position + 1).cloned(),
        position: position + 1,
        module,
        progress,
    })
}

/// "My learning": modules with progress, totals, and what to watch next.
pub struct LearningOverview {
    pub modules: Vec<ModuleView>,
    pub lessons_done: usize,
    pub watched_s: i64,
    /// (module slug, lesson) to watch next.
    pub next: Option<(ModuleView, LessonView)>,
}

pub fn overview(
    conn: &mut DbConnection,
    user_id: i64,
    locale: Locale,
) -> Result<LearningOverview, DbError> {
    let mut modules = crate::services::content::programme::modules(conn, locale)?;
    annotate(conn, user_id, &mut modules)?;
    let rows = q::all_progress(conn, user_id)?;
    let watched_s = rows.iter().map(|r| i64::from(r.watched_s)).sum();
    let lessons_done = modules
        .iter()
        .flat_map(|m| &m.lessons)
        .filter(|l| l.completed == Some(true))
        .count();
    // Next: an unfinished lesson of the most recently watched unfinished module, else
    // the first unfinished lesson anywhere.
    let recent_lessons: Vec<i64> = rows.iter().map(|r| r.lesson_id).collect();
    let unfinished = |m: &ModuleView| {
        m.lessons
            .iter()
            .find(|l| l.completed != Some(true))
            .cloned()
    };
    let next = recent_lessons
        .iter()
        .find_map(|id| {
            let m = modules
                .iter()
                .find(|m| m.lessons.iter().any(|l| l.id == *id))?;
            Some((m.clone(), unfinished(m)?))
        })
        .or_else(|| {
            modules
                .iter()
                .find_map(|m| Some((m.clone(), unfinished(m)?)))
        });
    Ok(LearningOverview {
        modules,
        lessons_done,
        watched_s,
        next,
    })
}
