//! The seed programme (`programme.toml`): the series, its five webinars with sample
//! sessions and replays, and the COOPALIM modules. Loading is idempotent: an item that
//! already exists (by slug, or by position within its parent) is left as it is.

use std::collections::BTreeMap;

use anyhow::Context;
use chrono::{Duration, NaiveDateTime, NaiveTime, TimeZone, Utc};
use diesel::prelude::*;
use serde::Deserialize;

use super::schema::*;
use super::{Db, DbConnection};

mod people;
use people::{AgendaSeed, Owner, PlaceSeed, SpeakerSeed};

const PROGRAMME: &str = include_str!("programme.toml");
/// The sample video shipped in `assets/`, used by seed replays and lessons.
pub const SAMPLE_VIDEO: &str = "/assets/video/sample.webm";
pub const SAMPLE_VIDEO_SECONDS: i32 = 60;
const LOCALES: [&str; 3] = ["fr", "en", "ar"];

type Texts = BTreeMap<String, String>;

#[derive(Deserialize)]
struct Programme {
    series: SeriesSeed,
    webinars: Vec<WebinarSeed>,
    modules: Vec<ModuleSeed>,
    #[serde(default)]
    speakers: Vec<SpeakerSeed>,
}

#[derive(Deserialize)]
struct SeriesSeed {
    slug: String,
    title: Texts,
    summary: Texts,
}

#[derive(Deserialize)]
struct WebinarSeed {
    slug: String,
    position: i32,
    title: Texts,
    summary: Texts,
    #[serde(default)]
    speakers: Vec<PlaceSeed>,
    #[serde(default)]
    sessions: Vec<SessionSeed>,
}

#[derive(Deserialize)]
struct SessionSeed {
    days_from_now: i64,
    local_time: String,
    timezone: String,
    duration_minutes: i32,
    capacity: i32,
    languages: Vec<String>,
    meeting_url: String,
    #[serde(default)]
    speakers: Vec<PlaceSeed>,
    #[serde(default)]
    agenda: Vec<AgendaSeed>,
}

#[derive(Deserialize)]
struct ModuleSeed {
    slug: String,
    position: i32,
    title: Texts,
    summary: Texts,
    lessons: Vec<LessonSeed>,
}

#[derive(Deserialize)]
struct LessonSeed {
    position: i32,
    title: Texts,
    body: Texts,
}

/// What a seed run added, for the command line to report.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub webinars: usize,
    pub sessions: usize,
    pub replays: usize,
    pub modules: usize,
    pub lessons: usize,
}

impl SeedReport {
    pub fn is_empty(&self) -> bool {
        *self == SeedReport::default()
    }
}

pub fn seed(db: &Db) -> anyhow::Result<SeedReport> {
    let programme: Programme = toml::from_str(PROGRAMME).context("programme.toml is invalid")?;
    let mut conn = db.conn()?;
    let now = Utc::now().naive_utc();
    let report = conn.transaction(|conn| load(conn, &programme, now));
    db.content_changed();
    report
}

fn text<'a>(texts: &'a Texts, locale: &str) -> &'a str {
    texts.get(locale).map(String::as_str).unwrap_or_default()
}

fn load(conn: &mut DbConnection, p: &Programme, now: NaiveDateTime) -> anyhow::Result<SeedReport> {
    let mut report = SeedReport::default();
    let series_id = match series::table
        .filter(series::slug.eq(&p.series.slug))
        .select(series::id)
        .first::<i64>(conn)
        .optional()?
    {
        Some(id) => id,
        None => {
            let id = diesel::insert_into(series::table)
                .values((series::slug.eq(&p.series.slug), series::created_at.eq(now)))
                .returning(series::id)
                .get_result::<i64>(conn)?;
            for l in LOCALES {
                diesel::insert_into(series_translations::table)
                    .values((
                        series_translations::series_id.eq(id),
                        series_translations::locale.eq(l),
                        series_translations::title.eq(text(&p.series.title, l)),
                        series_translations::summary.eq(text(&p.series.summary, l)),
                    ))
                    .execute(conn)?;
            }
            id
        }
    };
    for w in &p.webinars {
        let exists = webinars::table
            .filter(webinars::slug.eq(&w.slug))
            .select(webinars::id)
            .first::<i64>(conn)
            .optional()?;
        let webinar_id = match exists {
            Some(id) => id,
            None => {
                report.webinars += 1;
                let id = insert_webinar(conn, series_id, w, now)?;
                people::attach(conn, &p.speakers, Owner::Webinar(id), &w.speakers, now)?;
                for s in &w.sessions {
                    let session = insert_session(conn, id, s, now)?;
                    let people = &p.speakers;
                    people::attach(conn, people, Owner::Session(session), &s.speakers, now)?;
                    people::agenda(conn, people, session, s.duration_minutes, &s.agenda, now)?;
                    report.sessions += 1;
                }
                id
            }
        };
        report.replays += insert_missing_replays(conn, webinar_id, now)?;
    }
    for m in &p.modules {
        report.lessons += load_module(conn, m, now, &mut report.modules)?;
    }
    Ok(report)
}

fn insert_webinar(
    conn: &mut DbConnection,
    series_id: i64,
    w: &WebinarSeed,
    now: NaiveDateTime,
) -> anyhow::Result<i64> {
    let id = diesel::insert_into(webinars::table)
        .values((
            webinars::series_id.eq(series_id),
            webinars::slug.eq(&w.slug),
            webinars::position.eq(w.position),
            webinars::published.eq(true),
            webinars::created_at.eq(now),
            webinars::updated_at.eq(now),
        ))
        .returning(webinars::id)
        .get_result::<i64>(conn)?;
    for l in LOCALES {
        diesel::insert_into(webinar_translations::table)
            .values((
                webinar_translations::webinar_id.eq(id),
                webinar_translations::locale.eq(l),
                webinar_translations::title.eq(text(&w.title, l)),
                webinar_translations::summary.eq(text(&w.summary, l)),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

fn insert_session(
    conn: &mut DbConnection,
    webinar_id: i64,
    s: &SessionSeed,
    now: NaiveDateTime,
) -> anyhow::Result<i64> {
    let tz: chrono_tz::Tz = s
        .timezone
        .parse()
        .map_err(|_| anyhow::anyhow!("unknown zone {}", s.timezone))?;
    let time = NaiveTime::parse_from_str(&s.local_time, "%H:%M")
        .with_context(|| format!("bad local_time {}", s.local_time))?;
    let day = (now + Duration::days(s.days_from_now)).date();
    let starts_at = tz
        .from_local_datetime(&day.and_time(time))
        .earliest()
        .context("local time does not exist in that zone")?
        .with_timezone(&Utc)
        .naive_utc();
    Ok(diesel::insert_into(sessions::table)
        .values(super::models::NewSession {
            webinar_id,
            starts_at,
            timezone: &s.timezone,
            duration_minutes: s.duration_minutes,
            capacity: s.capacity,
            meeting_url: &s.meeting_url,
            languages: &s.languages.join(","),
            reminder_offsets: "1440,60",
            published: true,
            created_at: now,
            updated_at: now,
        })
        .returning(sessions::id)
        .get_result(conn)?)
}

fn insert_missing_replays(
    conn: &mut DbConnection,
    webinar_id: i64,
    now: NaiveDateTime,
) -> anyhow::Result<usize> {
    let mut added = 0;
    for l in LOCALES {
        let exists = replays::table
            .filter(replays::webinar_id.eq(webinar_id))
            .filter(replays::locale.eq(l))
            .count()
            .get_result::<i64>(conn)?
            > 0;
        if exists {
            continue;
        }
        let replay_id = diesel::insert_into(replays::table)
            .values((
                replays::webinar_id.eq(webinar_id),
                replays::locale.eq(l),
                replays::video_url.eq(SAMPLE_VIDEO),
                replays::duration_s.eq(SAMPLE_VIDEO_SECONDS),
                replays::published.eq(true),
                replays::created_at.eq(now),
            ))
            .returning(replays::id)
            .get_result::<i64>(conn)?;
        for c in LOCALES {
            diesel::insert_into(replay_captions::table)
                .values((
                    replay_captions::replay_id.eq(replay_id),
                    replay_captions::locale.eq(c),
                    replay_captions::url.eq(captions_url(c)),
                ))
                .execute(conn)?;
        }
        added += 1;
    }
    Ok(added)
}

fn captions_url(locale: &str) -> String {
    format!("/assets/video/sample.{locale}.vtt")
}

/// Inserts the module if missing and any missing lesson; returns lessons added.
fn load_module(
    conn: &mut DbConnection,
    m: &ModuleSeed,
    now: NaiveDateTime,
    modules_added: &mut usize,
) -> anyhow::Result<usize> {
    let module_id = match modules::table
        .filter(modules::slug.eq(&m.slug))
        .select(modules::id)
        .first::<i64>(conn)
        .optional()?
    {
        Some(id) => id,
        None => {
            *modules_added += 1;
            let id = diesel::insert_into(modules::table)
                .values((
                    modules::slug.eq(&m.slug),
                    modules::position.eq(m.position),
                    modules::published.eq(true),
                    modules::created_at.eq(now),
                    modules::updated_at.eq(now),
                ))
                .returning(modules::id)
                .get_result::<i64>(conn)?;
            for l in LOCALES {
                diesel::insert_into(module_translations::table)
                    .values((
                        module_translations::module_id.eq(id),
                        module_translations::locale.eq(l),
                        module_translations::title.eq(text(&m.title, l)),
                        module_translations::summary.eq(text(&m.summary, l)),
                    ))
                    .execute(conn)?;
            }
            id
        }
    };
    let mut added = 0;
    for lesson in &m.lessons {
        let exists = lessons::table
            .filter(lessons::module_id.eq(module_id))
            .filter(lessons::position.eq(lesson.position))
            .count()
            .get_result::<i64>(conn)?
            > 0;
        if exists {
            continue;
        }
        let lesson_id = diesel::insert_into(lessons::table)
            .values((
                lessons::module_id.eq(module_id),
                lessons::position.eq(lesson.position),
                lessons::duration_s.eq(SAMPLE_VIDEO_SECONDS),
                lessons::created_at.eq(now),
            ))
            .returning(lessons::id)
            .get_result::<i64>(conn)?;
        for l in LOCALES {
            diesel::insert_into(lesson_translations::table)
                .values((
                    lesson_translations::lesson_id.eq(lesson_id),
                    lesson_translations::locale.eq(l),
                    lesson_translations::title.eq(text(&lesson.title, l)),
                    lesson_translations::body.eq(text(&lesson.body, l)),
                    lesson_translations::video_url.eq(SAMPLE_VIDEO),
                    lesson_translations::captions_url.eq(captions_url(l)),
                ))
                .execute(conn)?;
        }
        added += 1;
    }
    Ok(added)
}
