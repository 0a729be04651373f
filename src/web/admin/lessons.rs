//! Lessons of a module: a duration and, side by side in fr/en/ar, title, text, video
//! and captions. Pages under `/{lang}/admin/…lessons…` and the JSON equivalents.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use serde_json::json;

use crate::domain::Locale;
use crate::services::content::lessons::{self as svc, LessonText};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::shell::{AdminNav, respond, see_other};

pub struct LessonCell {
    pub locale: &'static str,
    pub dir: &'static str,
    pub name: String,
    pub missing: bool,
}

#[derive(Template)]
#[template(path = "admin/lesson.html")]
struct LessonPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    module_slug: String,
    lesson_id: Option<i64>,
    cells: Vec<LessonCell>,
    form: FormState,
    notice: Option<String>,
}

pub struct LessonField {
    pub name: String,
    pub label: &'static str,
    pub multi: bool,
    pub value: String,
    pub error: Option<&'static str>,
}

impl LessonPage {
    fn fields(&self, locale: &str) -> Vec<LessonField> {
        [
            ("title", "admin-content-title", false),
            ("body", "admin-lesson-body", true),
            ("video_url", "admin-lesson-video", false),
            ("captions_url", "admin-lesson-captions", false),
        ]
        .iter()
        .map(|(what, label, multi)| {
            let name = format!("{what}_{locale}");
            LessonField {
                value: self.form.value(&name).to_owned(),
                error: self.form.error(&name),
                name,
                label,
                multi: *multi,
            }
        })
        .collect()
    }
}

#[derive(Deserialize, Default, Clone)]
pub struct LessonForm {
    #[serde(default)]
    duration_minutes: String,
    #[serde(default)]
    title_fr: String,
    #[serde(default)]
    body_fr: String,
    #[serde(default)]
    video_url_fr: String,
    #[serde(default)]
    captions_url_fr: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    body_en: String,
    #[serde(default)]
    video_url_en: String,
    #[serde(default)]
    captions_url_en: String,
    #[serde(default)]
    title_ar: String,
    #[serde(default)]
    body_ar: String,
    #[serde(default)]
    video_url_ar: String,
    #[serde(default)]
    captions_url_ar: String,
    #[serde(default)]
    csrf: String,
}

impl LessonForm {
    fn texts(&self) -> Vec<(Locale, LessonText)> {
        let t = |a: &String, b: &String, c: &String, d: &String| LessonText {
            title: a.clone(),
            body: b.clone(),
            video_url: c.clone(),
            captions_url: d.clone(),
        };
        vec![
            (
                Locale::Fr,
                t(
                    &self.title_fr,
                    &self.body_fr,
                    &self.video_url_fr,
                    &self.captions_url_fr,
                ),
            ),
            (
                Locale::En,
                t(
                    &self.title_en,
                    &self.body_en,
                    &self.video_url_en,
                    &self.captions_url_en,
                ),
            ),
            (
                Locale::Ar,
                t(
                    &self.title_ar,
                    &self.body_ar,
                    &self.video_url_ar,
                    &self.captions_url_ar,
                ),
            ),
        ]
    }
}

fn state_of(duration: &str, texts: &[(Locale, LessonText)]) -> FormState {
    let mut f = FormState::default().with_value("duration_minutes", duration);
    for (l, t) in texts {
        let (title, body, video, captions) = match l {
            Locale::Fr => ("title_fr", "body_fr", "video_url_fr", "captions_url_fr"),
            Locale::En => ("title_en", "body_en", "video_url_en", "captions_url_en"),
            Locale::Ar => ("title_ar", "body_ar", "video_url_ar", "captions_url_ar"),
        };
        f = f
            .with_value(title, &t.title)
            .with_value(body, &t.body)
            .with_value(video, &t.video_url)
            .with_value(captions, &t.captions_url);
    }
    f
}

#[allow(clippy::too_many_arguments)]
fn lesson_page(
    who: &Organiser,
    page: &PageCtx,
    session: &Session,
    module_slug: String,
    lesson_id: Option<i64>,
    form: FormState,
    notice: Option<String>,
) -> Result<HttpResponse, AppError> {
    let invalid = form.has_errors();
    let cells = Locale::ALL
        .iter()
        .map(|l| LessonCell {
            locale: l.code(),
            dir: l.dir(),
            name: page.language_name(l.code()),
            missing: form.value(&format!("title_{}", l.code())).is_empty(),
        })
        .collect();
    respond(
        page,
        &LessonPage {
            nav: AdminNav::new(who, "modules"),
            csrf: csrf::token(session),
            module_slug,
            lesson_id,
            cells,
            form,
            notice,
            page: page.clone(),
        },
        invalid,
    )
}

pub async fn new_lesson(
    who: Organiser,
    page: PageCtx,
    session: Session,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner().1;
    let form = FormState::default().with_value("duration_minutes", "5");
    lesson_page(&who, &page, &session, slug, None, form, None)
}

pub async fn create_lesson(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<LessonForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let slug = path.into_inner().1;
    let (duration, texts) = match svc::parse(&form.duration_minutes, &form.texts()) {
        Ok(v) => v,
        Err(errors) => {
            let st = state_of(&form.duration_minutes, &form.texts()).with_errors(errors);
            return lesson_page(&who, &page, &session, slug, None, st, None);
        }
    };
    let actor = who.id();
    let s = slug.clone();
    state
        .run(Pages::Changed, move |c| {
            svc::create(c, actor, &s, duration, &texts)
        })
        .await?;
    Ok(see_other(page.href(&format!("/admin/modules/{slug}"))))
}

async fn load(state: &AppState, id: i64) -> Result<(String, svc::LessonAdmin), AppError> {
    Ok(state
        .run(Pages::Unchanged, move |c| {
            crate::services::content::lookup::lesson_with_module(c, id)
        })
        .await?)
}

pub async fn show_lesson(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner().1;
    let (slug, l) = load(&state, id).await?;
    let texts: Vec<(Locale, LessonText)> = l
        .texts
        .iter()
        .map(|(loc, title, body, video, captions)| {
            (
                *loc,
                LessonText {
                    title: title.clone(),
                    body: body.clone(),
                    video_url: video.clone(),
                    captions_url: captions.clone(),
                },
            )
        })
        .collect();
    let minutes = format!("{}", f64::from(l.duration_s) / 60.0);
    let form = state_of(&minutes, &texts);
    lesson_page(&who, &page, &session, slug, Some(id), form, None)
}

pub async fn save_lesson(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<LessonForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let (slug, _) = load(&state, id).await?;
    let (duration, texts) = match svc::parse(&form.duration_minutes, &form.texts()) {
        Ok(v) => v,
        Err(errors) => {
            let st = state_of(&form.duration_minutes, &form.texts()).with_errors(errors);
            return lesson_page(&who, &page, &session, slug, Some(id), st, None);
        }
    };
    let actor = who.id();
    state
        .run(Pages::Changed, move |c| {
            svc::update(c, actor, id, duration, &texts)
        })
        .await?;
    let st = state_of(&form.duration_minutes, &form.texts());
    let notice = Some(page.t("admin-saved"));
    lesson_page(&who, &page, &session, slug, Some(id), st, notice)
}

/// JSON body: `duration_minutes` and `texts: {fr: {title, body, video_url, captions_url}}`.
#[derive(Deserialize)]
pub struct LessonBody {
    #[serde(default)]
    duration_minutes: serde_json::Value,
    #[serde(default)]
    texts: std::collections::HashMap<String, LessonText>,
}

impl LessonBody {
    fn parse(&self) -> Result<(i32, Vec<(Locale, LessonText)>), AppError> {
        let minutes = match &self.duration_minutes {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            _ => String::new(),
        };
        let texts: Vec<(Locale, LessonText)> = Locale::ALL
            .iter()
            .filter_map(|l| self.texts.get(l.code()).map(|t| (*l, t.clone())))
            .collect();
        svc::parse(&minutes, &texts).map_err(AppError::Validation)
    }
}

pub async fn api_create_lesson(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<LessonBody>,
) -> Result<HttpResponse, AppError> {
    let (duration, texts) = body.parse()?;
    let slug = path.into_inner();
    let actor = who.id();
    let id = state
        .run(Pages::Changed, move |c| {
            svc::create(c, actor, &slug, duration, &texts)
        })
        .await?;
    Ok(HttpResponse::Created().json(json!({ "id": id })))
}

pub async fn api_update_lesson(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: web::Json<LessonBody>,
) -> Result<HttpResponse, AppError> {
    let (duration, texts) = body.parse()?;
    let id = path.into_inner();
    let actor = who.id();
    state
        .run(Pages::Changed, move |c| {
            svc::update(c, actor, id, duration, &texts)
        })
        .await?;
    Ok(HttpResponse::Ok().json(json!({ "id": id })))
}
