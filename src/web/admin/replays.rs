//! Replays in the back office: per language a video URL or an uploaded file (kept in the
//! media store, served by `GET /media/{key}`, `crate::web::media`) and
//! WebVTT captions per language; publishing the first one mails the registrants.
//! Also the public `POST /api/v1/webinars/{slug}/replays/{locale}/views` beacon.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::{HttpResponse, web};
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::json;

use crate::domain::Locale;
use crate::media::{MediaError, MediaKey, MediaStore};
use crate::services::content::replays_admin::{self as svc, ReplayInput};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::shell::see_other;

/// Largest uploaded video (bytes); captions are far smaller.
pub const MAX_VIDEO: usize = 2 * 1024 * 1024 * 1024;
pub const MAX_CAPTIONS: usize = 2 * 1024 * 1024;
const MAX_TEXT_FIELD: usize = 8 * 1024;

fn extension(filename: &str, allowed: &[&'static str]) -> Option<&'static str> {
    let lower = filename.to_ascii_lowercase();
    allowed
        .iter()
        .copied()
        .find(|e| lower.ends_with(&format!(".{e}")))
}

/// What the replay form sent: text fields, and the URLs of the files it stored.
#[derive(Default)]
struct Upload {
    fields: Vec<(String, String)>,
    stored: Vec<MediaKey>,
}

impl Upload {
    fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Removes what this form stored, when the form is refused.
    async fn discard(&self, media: &MediaStore) {
        for key in &self.stored {
            if let Err(e) = media.delete(key).await {
                tracing::warn!(error = %e, %key, "refused upload left in the media store");
            }
        }
    }
}

fn too_large() -> AppError {
    AppError::BadRequest {
        code: "payload_too_large",
        message_id: "error-payload-too-large",
    }
}

fn bad_request() -> AppError {
    AppError::BadRequest {
        code: "bad_request",
        message_id: "error-bad-request",
    }
}

async fn read_upload(
    state: &AppState,
    session: &Session,
    mut payload: Multipart,
) -> Result<Upload, AppError> {
    let mut up = Upload::default();
    let mut csrf_ok = false;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|_| bad_request())?;
        let name = field.name().unwrap_or("").to_owned();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        match filename {
            Some(f) if !f.is_empty() => {
                if !csrf_ok {
                    return Err(AppError::Forbidden);
                }
                let stored = match store_file(state, &mut up, &mut field, &name, &f).await {
                    Ok(stored) => stored,
                    Err(e) => {
                        up.discard(&state.media).await;
                        return Err(e);
                    }
                };
                up.fields.push((name, format!("/media/{stored}")));
            }
            _ => {
                let value = match read_text(&mut field).await {
                    Ok(value) => value,
                    Err(e) => {
                        up.discard(&state.media).await;
                        return Err(e);
                    }
                };
                if name == "csrf" {
                    csrf::verify(session, &value)?;
                    csrf_ok = true;
                }
                if !value.is_empty() {
                    up.fields.push((name, value));
                }
            }
        }
    }
    if !csrf_ok {
        up.discard(&state.media).await;
        return Err(AppError::Forbidden);
    }
    Ok(up)
}

/// Stores an uploaded video or captions file in the media store (durable before the
/// form answers); returns its key. Refuses other types and oversized files.
async fn store_file(
    state: &AppState,
    up: &mut Upload,
    field: &mut actix_multipart::Field,
    name: &str,
    filename: &str,
) -> Result<MediaKey, AppError> {
    let (allowed, max): (&[&'static str], usize) = if name == "video_file" {
        (&["webm", "mp4"], MAX_VIDEO)
    } else {
        (&["vtt"], MAX_CAPTIONS)
    };
    let key = extension(filename, allowed).and_then(|ext| MediaKey::random("", ext));
    let Some(key) = key else {
        return Err(AppError::Validation(vec![(
            "video_file",
            "admin-replay-error-file-type",
        )]));
    };
    let content_type = key.content_type();
    match state
        .media
        .put_stream(&key, field, content_type, max as u64)
        .await
    {
        Ok(_) => {
            up.stored.push(key.clone());
            Ok(key)
        }
        Err(MediaError::TooLarge) => Err(too_large()),
        Err(MediaError::Body(_)) => Err(bad_request()),
        Err(e) => Err(AppError::Internal(e.into())),
    }
}

/// A text field of the form, bounded in size.
async fn read_text(field: &mut actix_multipart::Field) -> Result<String, AppError> {
    let mut value = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|_| bad_request())?;
        if value.len() + chunk.len() > MAX_TEXT_FIELD {
            return Err(too_large());
        }
        value.extend_from_slice(&chunk);
    }
    String::from_utf8(value).map_err(|_| bad_request())
}

/// `POST /{lang}/admin/webinars/{slug}/replays` (multipart): one language's replay.
pub async fn save_replay(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner().1;
    let up = read_upload(&state, &session, payload).await?;
    // An uploaded file wins over a typed URL.
    let pick = |file: &str, url: &str| {
        let f = up.get(file);
        if f.is_empty() { up.get(url) } else { f }
    };
    let input = ReplayInput {
        locale: up.get("locale"),
        video_url: pick("video_file", "video_url"),
        captions: Locale::ALL
            .iter()
            .map(|l| {
                (
                    *l,
                    pick(
                        &format!("captions_file_{}", l.code()),
                        &format!("captions_{}", l.code()),
                    ),
                )
            })
            .collect(),
    };
    let valid = match input.parse() {
        Ok(v) => v,
        Err(errors) => {
            up.discard(&state.media).await;
            return Err(AppError::Validation(errors));
        }
    };
    let actor = who.id();
    let s = slug.clone();
    state
        .run(Pages::Changed, move |c| {
            let webinar = crate::services::content::lookup::webinar_id(c, &s)?;
            svc::save(c, actor, webinar, &valid)
        })
        .await?;
    Ok(see_other(page.href(&format!("/admin/webinars/{slug}"))))
}

#[derive(Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    published: String,
    #[serde(default)]
    csrf: String,
}

pub async fn publish_replay(
    who: Organiser,
    page: PageCtx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    form: web::Form<PublishForm>,
) -> Result<HttpResponse, AppError> {
    csrf::verify(&session, &form.csrf)?;
    let id = path.into_inner().1;
    let published = form.published == "1";
    let actor = who.id();
    let slug = state
        .run(Pages::Changed, move |c| {
            svc::set_published(c, actor, id, published)?;
            crate::services::content::lookup::replay_webinar_slug(c, id)
        })
        .await?;
    Ok(see_other(page.href(&format!("/admin/webinars/{slug}"))))
}

#[derive(Deserialize)]
pub struct ReplayBody {
    #[serde(default)]
    locale: String,
    #[serde(default)]
    video_url: String,
    #[serde(default)]
    captions: std::collections::HashMap<String, String>,
}

/// `POST /api/v1/admin/webinars/{slug}/replays` with `{locale, video_url, captions}`.
pub async fn api_save_replay(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<ReplayBody>,
) -> Result<HttpResponse, AppError> {
    let input = ReplayInput {
        locale: body.locale.clone(),
        video_url: body.video_url.clone(),
        captions: Locale::ALL
            .iter()
            .filter_map(|l| body.captions.get(l.code()).map(|u| (*l, u.clone())))
            .collect(),
    };
    let valid = input.parse().map_err(AppError::Validation)?;
    let slug = path.into_inner();
    let actor = who.id();
    let id = state
        .run(Pages::Changed, move |c| {
            let webinar = crate::services::content::lookup::webinar_id(c, &slug)?;
            svc::save(c, actor, webinar, &valid)
        })
        .await?;
    Ok(HttpResponse::Ok().json(json!({ "id": id })))
}

#[derive(Deserialize)]
pub struct PublishBody {
    #[serde(default)]
    published: bool,
}

pub async fn api_publish_replay(
    who: Organiser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: web::Json<PublishBody>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let published = body.published;
    let actor = who.id();
    let notified = state
        .run(Pages::Changed, move |c| {
            svc::set_published(c, actor, id, published)
        })
        .await?;
    Ok(HttpResponse::Ok().json(json!({"id": id, "published": published, "notified": notified})))
}

/// `POST /api/v1/webinars/{slug}/replays/{locale}/views`: the player counts a view.
pub async fn record_replay_view(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, locale) = path.into_inner();
    if locale.parse::<Locale>().is_err() {
        return Err(AppError::NotFound);
    }
    let found = state
        .run(Pages::Unchanged, move |c| {
            crate::services::content::replay_views::record(c, &slug, &locale)
        })
        .await?;
    if found {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(AppError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_extensions_are_stored() {
        assert_eq!(extension("Replay FR.MP4", &["webm", "mp4"]), Some("mp4"));
        assert_eq!(extension("evil.vtt.exe", &["vtt"]), None);
    }
}
