//! Webinars and modules in the back office: list, create, edit the texts side by side in
//! fr/en/ar (missing ones flagged with what the public sees instead), publish and
//! unpublish. Pages under `/{lang}/admin/{webinars,modules}` and the same in JSON.

use crate::services::content;
use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::services::content::editing::{self as svc, CreateError, ItemAdmin, Kind};
use crate::services::content::lessons::LessonAdmin;
use crate::services::content::replays_admin::ReplayAdmin;
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::content_form::{Cell, TextsForm, cells};
use super::sessions::SessionRow;
use super::shell::{AdminNav, respond, see_other};

#[derive(Template)]
#[template(path = "admin/items.html")]
struct ItemsPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    kind: &'static str,
    items: Vec<ItemAdmin>,
    form: FormState,
    cells: Vec<Cell>,
}

#[derive(Template)]
#[template(path = "admin/item.html")]
struct ItemPage {
    page: PageCtx,
    nav: AdminNav,
    csrf: String,
    kind: &'static str,
    item: ItemAdmin,
    form: FormState,
    cells: Vec<Cell>,
    sessions: Vec<SessionRow>,
    replays: Vec<ReplayAdmin>,
    lessons: Vec<LessonAdmin>,
    /// Path of the webinar's share picture.
    share_image: Option<String>,
    notice: Option<String>,
}

impl ItemPage {
    pub fn replay(&self, locale: &str) -> Option<&ReplayAdmin> {
        self.replays.iter().find(|r| r.locale == locale)
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Webinar => "webinars",
        Kind::Module => "modules",
    }
}

async fn items_page(
    who: &Organiser,
    page: &PageCtx,
    session: &Session,
    state: &AppState,
    kind: Kind,
    form: FormState,
) -> Result<HttpResponse, AppError> {
    let items = state
        .run(Pages::Unchanged, move |c| svc::list(c, kind))
        .await?;
    let invalid = form.has_errors();
    respond(
        page,
        &ItemsPage {
            nav: AdminNav::new(who, kind_name(kind)),
            csrf: csrf::token(session),
            kind: kind_name(kind),
            cells: cells(page, None, &form),
            items,
            form,
            page: page.clone(),
        },
        invalid,
    )
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn item_page(
    who: &Organiser,
    page: &PageCtx,
    session: &Session,
    state: &AppState,
    kind: Kind,
    slug: String,
    form: FormState,
    notice: Option<String>,
) -> Result<HttpResponse, AppError> {
    let locale = page.locale;
    let (item, sessions, replays, lessons, share_image) = state
        .run(Pages::Unchanged, move |c| {
            let item = svc::get(c, kind, &slug)?;
            let (mut sessions, mut replays, mut lessons) = (vec![], vec![], vec![]);
            let mut share_image = None;
            match kind {
                Kind::Webinar => {
                    let id = content::lookup::webinar_id(c, &slug)?;
                    sessions = crate::services::sessions::lookup::of_webinar(c, id)?;
                    replays = content::replays_admin::replays(c, id)?;
                    share_image = content::share_image::current(c, &slug)?;
                }
                Kind::Module => {
                    let id = content::lookup::module_id(c, &slug)?;
                    lessons = content::lessons::lessons(c, id)?;
                }
            }
            Ok((item, sessions, replays, lessons, share_image))
        })
        .await?;
    let invalid = form.has_errors();
    let sessions = sessions
        .iter()
        .map(|s| SessionRow::new(s, locale))
        .collect();
    respond(
        page,
        &ItemPage {
            nav: AdminNav::new(who, kind_name(kind)),
            csrf: csrf::token(session),
            kind: kind_name(kind),
            cells: cells(page, Some(&item), &form),
            item,
            form,
            sessions,
            replays,
            lessons,
            share_image,
            notice,
            page: page.clone(),
        },
        invalid,
    )
}

async fn create(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<TextsForm>,
    kind: Kind,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let slug = svc::parse_slug(&form.slug);
    let texts = svc::parse_texts(&form.texts());
    let (slug, texts) = match (slug, texts) {
        (Ok(s), Ok(t)) => (s, t),
        (s, t) => {
            let errors = [s.err(), t.err()].into_iter().flatten().flatten().collect();
            return items_page(&who, &page, &session, &state, kind, form.state(errors)).await;
        }
    };
    let actor = who.id();
    let s = slug.clone();
    let result = state
        .run(Pages::Changed, move |c| {
            Ok(svc::create(c, actor, kind, &s, &texts))
        })
        .await?;
    match result {
        Ok(_) => Ok(see_other(page.href(&format!(
            "/admin/{}/{}",
            kind_name(kind),
            slug.as_str()
        )))),
        Err(CreateError::SlugTaken) => {
            let errors = vec![("slug", "admin-content-error-slug-taken")];
            items_page(&who, &page, &session, &state, kind, form.state(errors)).await
        }
        Err(CreateError::Db(e)) => Err(e.into()),
    }
}

async fn save(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    slug: String,
    form: web::Form<TextsForm>,
    kind: Kind,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let texts = match svc::parse_texts(&form.texts()) {
        Ok(t) => t,
        Err(errors) => {
            let f = form.state(errors);
            return item_page(&who, &page, &session, &state, kind, slug, f, None).await;
        }
    };
    let actor = who.id();
    let s = slug.clone();
    state
        .run(Pages::Changed, move |c| {
            svc::update_texts(c, actor, kind, &s, &texts)
        })
        .await?;
    let notice = Some(page.t("admin-saved"));
    item_page(
        &who,
        &page,
        &session,
        &state,
        kind,
        slug,
        FormState::default(),
        notice,
    )
    .await
}

#[derive(Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    published: String,
    #[serde(default)]
    csrf: String,
}

async fn publish(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    slug: String,
    form: web::Form<PublishForm>,
    kind: Kind,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let published = form.published == "1";
    let actor = who.id();
    let s = slug.clone();
    state
        .run(Pages::Changed, move |c| {
            svc::set_published(c, actor, kind, &s, published)
        })
        .await?;
    Ok(see_other(
        page.href(&format!("/admin/{}/{slug}", kind_name(kind))),
    ))
}

macro_rules! pages_for {
    ($kind:expr, $list:ident, $create:ident, $show:ident, $save:ident, $publish:ident) => {
        pub async fn $list(
            who: Organiser,
            page: PageCtx,
            session: Session,
            state: web::Data<AppState>,
        ) -> Result<HttpResponse, AppError> {
            items_page(&who, &page, &session, &state, $kind, FormState::default()).await
        }

        pub async fn $create(
            who: Organiser,
            page: PageCtx,
            session: Session,
            state: web::Data<AppState>,
            form: web::Form<TextsForm>,
        ) -> Result<HttpResponse, AppError> {
            create(who, page, session, state, form, $kind).await
        }

        pub async fn $show(
            who: Organiser,
            page: PageCtx,
            session: Session,
            state: web::Data<AppState>,
            path: web::Path<(String, String)>,
        ) -> Result<HttpResponse, AppError> {
            let slug = path.into_inner().1;
            item_page(
                &who,
                &page,
                &session,
                &state,
                $kind,
                slug,
                FormState::default(),
                None,
            )
            .await
        }

        pub async fn $save(
            who: Organiser,
            page: PageCtx,
            session: Session,
            state: web::Data<AppState>,
            path: web::Path<(String, String)>,
            form: web::Form<TextsForm>,
        ) -> Result<HttpResponse, AppError> {
            save(who, page, session, state, path.into_inner().1, form, $kind).await
        }

        pub async fn $publish(
            who: Organiser,
            page: PageCtx,
            session: Session,
            state: web::Data<AppState>,
            path: web::Path<(String, String)>,
            form: web::Form<PublishForm>,
        ) -> Result<HttpResponse, AppError> {
            publish(who, page, session, state, path.into_inner().1, form, $kind).await
        }
    };
}

pages_for!(
    Kind::Webinar,
    list_webinars,
    create_webinar,
    show_webinar,
    save_webinar,
    publish_webinar
);
pages_for!(
    Kind::Module,
    list_modules,
    create_module,
    show_module,
    save_module,
    publish_module
);
