//! Announcement pages: write a message to a session's registrants in fr/en/ar side by
//! side (each language shows which text it falls back to), send it once, read it back.

use crate::services::sessions;
use actix_session::Session;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::domain::Locale;
use crate::domain::translation::fallback_order;
use crate::i18n::{Arg, catalog};
use crate::services::campaigns::announcement_rows::{Announcement, AnnouncementText};
use crate::services::campaigns::announcements::{
    self, AnnouncementError, Detail, MAX_BODY, MAX_SUBJECT, fallbacks,
};
use crate::services::sessions::labels::SessionLabel;
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::{PageCtx, render, render_status};
use crate::web::state::{AppState, Pages};

use super::announcement_form::AnnouncementForm;
use super::auth::Organiser;
use super::shell::AdminNav;

#[derive(Template)]
#[template(path = "admin/announcements.html")]
struct ListPage {
    page: PageCtx,
    nav: AdminNav,
    items: Vec<(Announcement, String, String)>,
}

pub async fn list_announcements(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let items = state
        .run(Pages::Unchanged, move |c| {
            let mut out = vec![];
            for (a, texts) in announcements::recent(c, 200)? {
                let session = sessions::labels::one(c, locale, a.session_id)?
                    .map(|s| s.text(locale))
                    .unwrap_or_default();
                out.push((a, session, subject_in(locale, &texts)));
            }
            Ok(out)
        })
        .await?;
    render(
        &page,
        &ListPage {
            page: page.clone(),
            nav: AdminNav::new(&who, "announcements"),
            items,
        },
    )
}

/// The subject in the reader's language, or the nearest one written.
fn subject_in(locale: Locale, texts: &[AnnouncementText]) -> String {
    crate::domain::translation::pick(locale, texts.iter().map(|t| (t.locale.as_str(), t)), |t| {
        !t.subject.is_empty()
    })
    .map(|(_, t)| t.subject.clone())
    .unwrap_or_default()
}

/// One language column of the form.
pub struct Column {
    pub locale: &'static str,
    pub dir: &'static str,
    pub subject_field: &'static str,
    pub body_field: &'static str,
}

const COLUMNS: [Column; 3] = [
    Column {
        locale: "fr",
        dir: "ltr",
        subject_field: "subject_fr",
        body_field: "body_fr",
    },
    Column {
        locale: "en",
        dir: "ltr",
        subject_field: "subject_en",
        body_field: "body_en",
    },
    Column {
        locale: "ar",
        dir: "rtl",
        subject_field: "subject_ar",
        body_field: "body_ar",
    },
];

#[derive(Template)]
#[template(path = "admin/announcement_new.html")]
struct NewPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    form: FormState,
    sessions: Vec<SessionLabel>,
    columns: &'static [Column],
    /// For each reader language: which text they get (the order, and with what is
    /// written now when something is).
    fallback_notes: Vec<String>,
    max_subject: usize,
    max_body: usize,
}

impl NewPage {
    fn session_text(&self, s: &SessionLabel) -> String {
        s.text(self.page.locale)
    }

    fn selected(&self, id: &i64) -> bool {
        self.form.value("session_id") == id.to_string()
    }
}

async fn form_page(
    who: &Organiser,
    page: &PageCtx,
    session: &Session,
    state: &AppState,
    mut form: FormState,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let sessions = state
        .run(Pages::Unchanged, move |c| sessions::labels::all(c, locale))
        .await?;
    if form.value("idempotency_key").is_empty() {
        form = form.with_value("idempotency_key", &uuid::Uuid::new_v4().to_string());
    }
    let written: Vec<Locale> = Locale::ALL
        .into_iter()
        .filter(|l| {
            let c = &COLUMNS[Locale::ALL.iter().position(|x| x == l).unwrap_or(0)];
            !form.value(c.subject_field).trim().is_empty()
                && !form.value(c.body_field).trim().is_empty()
        })
        .collect();
    let fallback_notes = fallback_lines(page, &written);
    let body = NewPage {
        page: page.clone(),
        nav: AdminNav::new(who, "announcements"),
        csrf: csrf::token(session),
        form,
        sessions,
        columns: &COLUMNS,
        fallback_notes,
        max_subject: MAX_SUBJECT,
        max_body: MAX_BODY,
    };
    if status == StatusCode::OK {
        render(page, &body)
    } else {
        render_status(status, &body)
    }
}

/// "Registrants who read Arabic get the Arabic text; if it is empty, the French text,
/// then the English text." and, when something is written, which one that is now.
fn fallback_lines(page: &PageCtx, written: &[Locale]) -> Vec<String> {
    let name = |l: Locale| page.language_name(l.code());
    fallbacks(written)
        .into_iter()
        .map(|(reader, used)| {
            let [first, second, third] = fallback_order(reader);
            let args = [
                ("language", Arg::from(name(reader))),
                ("first", Arg::from(name(first))),
                ("second", Arg::from(name(second))),
                ("third", Arg::from(name(third))),
            ];
            let mut line = catalog().html(page.locale, "admin-announcement-fallback-order", &args);
            if let (Some(used), false) = (used, written.is_empty()) {
                line.push(' ');
                line.push_str(&page.ta("admin-announcement-fallback-now", "used", &name(used)));
            }
            line
        })
        .collect()
}

#[derive(Deserialize)]
pub struct NewQuery {
    session: Option<i64>,
}

pub async fn new_announcement(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    let mut form = FormState::default();
    if let Some(id) = query.session {
        form = form.with_value("session_id", &id.to_string());
    }
    form_page(&who, &page, &session, &state, form, StatusCode::OK).await
}

pub async fn create_announcement(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<AnnouncementForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let f = form.into_inner();
    let kept = f.kept();
    let unprocessable = |errors| {
        let form = kept.clone().with_errors(errors);
        form_page(
            &who,
            &page,
            &session,
            &state,
            form,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let draft = match f.draft() {
        Ok(d) => d,
        Err(errors) => return unprocessable(errors).await,
    };
    let actor = who.id();
    let sent = state
        .run(Pages::Unchanged, move |c| {
            Ok(announcements::send(c, actor, &draft))
        })
        .await?;
    match sent {
        Ok(sent) => Ok(HttpResponse::SeeOther()
            .insert_header((
                header::LOCATION,
                page.href(&format!(
                    "/admin/announcements/{}?queued={}&duplicate={}",
                    sent.id, sent.queued, sent.duplicate
                )),
            ))
            .finish()),
        Err(AnnouncementError::UnknownSession) => {
            unprocessable(vec![("session_id", "admin-announcement-error-session")]).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "admin/announcement.html")]
struct ShowPage {
    page: PageCtx,
    nav: AdminNav,
    detail: Detail,
    session: String,
    /// (language, recipients who got that text)
    by_locale: Vec<(&'static str, usize)>,
    unsubscribed: usize,
    queued: Option<usize>,
    duplicate: bool,
}

impl ShowPage {
    fn dir_of(&self, code: &str) -> &'static str {
        code.parse::<Locale>().map(|l| l.dir()).unwrap_or("auto")
    }
}

#[derive(Deserialize)]
pub struct ShowQuery {
    queued: Option<usize>,
    #[serde(default)]
    duplicate: bool,
}

pub async fn show_announcement(
    who: Organiser,
    page: PageCtx,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, id) = path.into_inner();
    let locale = page.locale;
    let (detail, session) = state
        .run(Pages::Unchanged, move |c| {
            let detail = announcements::detail(c, id)?;
            let session = sessions::labels::one(c, locale, detail.announcement.session_id)?
                .map(|s| s.text(locale))
                .unwrap_or_default();
            Ok((detail, session))
        })
        .await?;
    let by_locale = Locale::ALL
        .iter()
        .map(|l| {
            let n = detail.recipients.iter().filter(|r| r.locale == *l).count();
            (l.code(), n)
        })
        .collect();
    let unsubscribed = detail
        .recipients
        .iter()
        .filter(|r| r.unsubscribed_at.is_some())
        .count();
    render(
        &page,
        &ShowPage {
            page: page.clone(),
            nav: AdminNav::new(&who, "announcements"),
            detail,
            session,
            by_locale,
            unsubscribed,
            queued: query.queued,
            duplicate: query.duplicate,
        },
    )
}
