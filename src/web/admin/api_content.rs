//! JSON for webinars and modules: `/api/v1/admin/{webinars,modules}` list, create, read,
//! and `PATCH` (texts of any language, `published`).

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use crate::domain::Locale;
use crate::services::content::editing::{self as svc, CreateError, Kind, TextInput};
use crate::web::error::AppError;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;

#[derive(Deserialize, Default)]
pub struct TextsBody {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    texts: std::collections::HashMap<String, TextInput>,
    published: Option<bool>,
}

impl TextsBody {
    fn texts(&self) -> Vec<(Locale, TextInput)> {
        Locale::ALL
            .iter()
            .filter_map(|l| self.texts.get(l.code()).map(|t| (*l, t.clone())))
            .collect()
    }
}

async fn api_list(state: &AppState, kind: Kind) -> Result<HttpResponse, AppError> {
    let items = state
        .run(Pages::Unchanged, move |c| svc::list(c, kind))
        .await?;
    Ok(HttpResponse::Ok().json(items))
}

async fn api_create(
    who: Organiser,
    state: &AppState,
    body: TextsBody,
    kind: Kind,
) -> Result<HttpResponse, AppError> {
    let slug = svc::parse_slug(&body.slug);
    let texts = svc::parse_texts(&body.texts());
    let (slug, texts) = match (slug, texts) {
        (Ok(s), Ok(t)) => (s, t),
        (s, t) => {
            let errors = [s.err(), t.err()].into_iter().flatten().flatten().collect();
            return Err(AppError::Validation(errors));
        }
    };
    let actor = who.id();
    let s = slug.clone();
    match state
        .run(Pages::Changed, move |c| {
            Ok(svc::create(c, actor, kind, &s, &texts))
        })
        .await?
    {
        Ok(id) => Ok(HttpResponse::Created().json(json!({"id": id, "slug": slug.as_str()}))),
        Err(CreateError::SlugTaken) => Err(AppError::Validation(vec![(
            "slug",
            "admin-content-error-slug-taken",
        )])),
        Err(CreateError::Db(e)) => Err(e.into()),
    }
}

async fn api_update(
    who: Organiser,
    state: &AppState,
    slug: String,
    body: TextsBody,
    kind: Kind,
) -> Result<HttpResponse, AppError> {
    let actor = who.id();
    let s = slug.clone();
    let texts = if body.texts.is_empty() {
        None
    } else {
        Some(svc::parse_texts(&body.texts()).map_err(AppError::Validation)?)
    };
    let published = body.published;
    state
        .run(Pages::Changed, move |c| {
            if let Some(texts) = &texts {
                svc::update_texts(c, actor, kind, &s, texts)?;
            }
            if let Some(p) = published {
                svc::set_published(c, actor, kind, &s, p)?;
            }
            svc::get(c, kind, &s)
        })
        .await
        .map(|item| HttpResponse::Ok().json(item))
        .map_err(AppError::from)
}

macro_rules! api_for {
    ($kind:expr, $list:ident, $create:ident, $get:ident, $update:ident) => {
        pub async fn $list(
            _who: Organiser,
            state: web::Data<AppState>,
        ) -> Result<HttpResponse, AppError> {
            api_list(&state, $kind).await
        }

        pub async fn $create(
            who: Organiser,
            state: web::Data<AppState>,
            body: web::Json<TextsBody>,
        ) -> Result<HttpResponse, AppError> {
            api_create(who, &state, body.into_inner(), $kind).await
        }

        pub async fn $get(
            _who: Organiser,
            state: web::Data<AppState>,
            path: web::Path<String>,
        ) -> Result<HttpResponse, AppError> {
            let slug = path.into_inner();
            let item = state
                .run(Pages::Unchanged, move |c| svc::get(c, $kind, &slug))
                .await?;
            Ok(HttpResponse::Ok().json(item))
        }

        pub async fn $update(
            who: Organiser,
            state: web::Data<AppState>,
            path: web::Path<String>,
            body: web::Json<TextsBody>,
        ) -> Result<HttpResponse, AppError> {
            api_update(who, &state, path.into_inner(), body.into_inner(), $kind).await
        }
    };
}

api_for!(
    Kind::Webinar,
    api_list_webinars,
    api_create_webinar,
    api_get_webinar,
    api_update_webinar
);
api_for!(
    Kind::Module,
    api_list_modules,
    api_create_module,
    api_get_module,
    api_update_module
);
