//! Organisers add and edit the lessons of a module: a duration and, per language, a
//! title, a text, a video and its captions.

use crate::db::models::LessonTranslation;
use crate::db::{DbConnection, DbError, admin, content_admin as q, programme, write_transaction};
use crate::domain::Locale;

use crate::services::FieldErrors;
use crate::services::content::editing::MAX_TITLE;
use crate::services::content::replays_admin::{parse_captions_url, parse_video_url};

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct LessonText {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub video_url: String,
    #[serde(default)]
    pub captions_url: String,
}

/// A lesson with its three languages (missing ones empty).
#[derive(Clone, Debug, serde::Serialize)]
pub struct LessonAdmin {
    pub id: i64,
    pub position: i32,
    pub duration_s: i32,
    pub texts: Vec<(Locale, String, String, String, String)>,
}

impl LessonAdmin {
    pub fn title(&self, locale: Locale) -> String {
        let own = self.texts.iter().find(|t| t.0 == locale && !t.1.is_empty());
        own.or_else(|| self.texts.iter().find(|t| !t.1.is_empty()))
            .map(|t| t.1.clone())
            .unwrap_or_else(|| format!("#{}", self.position))
    }

    /// `title` for templates, which pass references.
    pub fn title_in(&self, locale: &Locale) -> String {
        self.title(*locale)
    }

    pub fn missing(&self) -> Vec<Locale> {
        self.texts
            .iter()
            .filter(|t| t.1.is_empty())
            .map(|t| t.0)
            .collect()
    }
}

pub fn lessons(conn: &mut DbConnection, module_id: i64) -> Result<Vec<LessonAdmin>, DbError> {
    let ls = programme::lessons_of(conn, &[module_id])?;
    let ids: Vec<i64> = ls.iter().map(|l| l.id).collect();
    let ts = programme::lesson_translations(conn, &ids)?;
    Ok(ls
        .into_iter()
        .map(|l| LessonAdmin {
            texts: Locale::ALL
                .iter()
                .map(|loc| {
                    let t = ts
                        .iter()
                        .find(|t| t.lesson_id == l.id && t.locale == loc.code());
                    (
                        *loc,
                        t.map(|t| t.title.clone()).unwrap_or_default(),
                        t.map(|t| t.body.clone()).unwrap_or_default(),
                        t.map(|t| t.video_url.clone()).unwrap_or_default(),
                        t.and_then(|t| t.captions_url.clone()).unwrap_or_default(),
                    )
                })
                .collect(),
            id: l.id,
            position: l.position,
            duration_s: l.duration_s,
        })
        .collect())
}

fn field(prefix: &str, l: Locale) -> &'static str {
    match (prefix, l) {
        ("title", Locale::Fr) => "title_fr",
        ("title", Locale::En) => "title_en",
        ("title", Locale::Ar) => "title_ar",
        ("video", Locale::Fr) => "video_url_fr",
        ("video", Locale::En) => "video_url_en",
        ("video", Locale::Ar) => "video_url_ar",
        (_, Locale::Fr) => "captions_url_fr",
        (_, Locale::En) => "captions_url_en",
        (_, Locale::Ar) => "captions_url_ar",
    }
}

/// Checks a lesson as typed: duration in minutes (decimals allowed) and the texts.
pub fn parse(
    duration_minutes: &str,
    texts: &[(Locale, LessonText)],
) -> Result<(i32, Vec<(Locale, LessonText)>), FieldErrors> {
    let mut errors: FieldErrors = vec![];
    let duration = duration_minutes
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|m| *m > 0.0 && *m <= 600.0)
        .map(|m| (m * 60.0).round() as i32);
    if duration.is_none() {
        errors.push(("duration_minutes", "admin-lesson-error-duration"));
    }
    let mut out = vec![];
    for (l, t) in texts {
        let title = t.title.trim().to_owned();
        if title.chars().count() > MAX_TITLE {
            errors.push((field("title", *l), "admin-content-error-title"));
        }
        let video_url = if t.video_url.trim().is_empty() {
            String::new()
        } else {
            parse_video_url(&t.video_url)
                .map_err(|e| errors.push((field("video", *l), e)))
                .unwrap_or_default()
        };
        let captions_url = parse_captions_url(&t.captions_url)
            .map_err(|e| errors.push((field("captions", *l), e)))
            .unwrap_or_default();
        if title.is_empty() && !video_url.is_empty() {
            errors.push((field("title", *l), "admin-content-error-title-missing"));
        }
        out.push((
            *l,
            LessonText {
                title,
                body: t.body.trim().to_owned(),
                video_url,
                captions_url,
            },
        ));
    }
    if out.iter().all(|(_, t)| t.title.is_empty()) {
        errors.push(("title_fr", "admin-content-error-no-title"));
    }
    match duration {
        Some(d) if errors.is_empty() => Ok((d, out)),
        _ => Err(errors),
    }
}

fn write(conn: &mut DbConnection, id: i64, texts: &[(Locale, LessonText)]) -> Result<(), DbError> {
    for (l, t) in texts {
        q::replace_lesson_text(
            conn,
            &LessonTranslation {
                lesson_id: id,
                locale: l.code().to_owned(),
                title: t.title.clone(),
                body: t.body.clone(),
                video_url: t.video_url.clone(),
                captions_url: (!t.captions_url.is_empty()).then(|| t.captions_url.clone()),
            },
        )?;
    }
    Ok(())
}

pub fn create(
    conn: &mut DbConnection,
    actor: i64,
    module_slug: &str,
    duration_s: i32,
    texts: &[(Locale, LessonText)],
) -> Result<i64, DbError> {
    write_transaction(conn, |conn| {
        let m = q::module_by_slug(conn, module_slug)?;
        let id = q::insert_lesson(conn, m.id, duration_s)?;
        write(conn, id, texts)?;
        admin::audit(
            conn,
            actor,
            "lesson.create",
            &format!("lesson:{id}"),
            &format!("module={module_slug}"),
        )?;
        Ok(id)
    })
}

pub fn update(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    duration_s: i32,
    texts: &[(Locale, LessonText)],
) -> Result<(), DbError> {
    write_transaction(conn, |conn| {
        q::lesson_by_id(conn, id)?;
        q::set_lesson_duration(conn, id, duration_s)?;
        write(conn, id, texts)?;
        admin::audit(conn, actor, "lesson.edit", &format!("lesson:{id}"), "")
    })
}
