//! Pictures uploaded in the back office (speakers' photos, webinars' share pictures):
//! resized off the request threads and put in the media store, the replaced ones removed once the new
//! key is committed; and the share picture form of a webinar's page.

use actix_multipart::Multipart;
use actix_session::Session as CookieSession;
use actix_web::{HttpResponse, web};

use crate::services::content::editing::Kind;
use crate::services::content::share_image;
use crate::services::speakers::photos::{self, Picture};
use crate::web::csrf;
use crate::web::error::AppError;
use crate::web::form::FormState;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

use super::auth::Organiser;
use super::content::item_page;
use super::shell::see_other;
use super::upload::{Upload, read_form};

/// Resizes and stores an upload as `what`: its new key, or the message id of why it
/// was refused (None when no file was chosen).
pub async fn store_upload(
    state: &AppState,
    upload: &Upload,
    what: Picture,
) -> Result<Option<Result<String, &'static str>>, AppError> {
    let bytes = match (upload.too_large, upload.file.clone()) {
        (true, _) => return Ok(Some(Err("admin-speaker-error-photo-size"))),
        (false, Some((_, bytes))) => bytes,
        (false, None) => return Ok(None),
    };
    let stored = photos::store_new(&state.media, bytes, what).await;
    Ok(Some(stored.map_err(|e| e.message_id())))
}

/// Removes the files of a picture no row names any more. A failure leaves an unused
/// file behind, which is logged rather than failing the organiser's change.
pub async fn remove(state: &AppState, key: Option<String>) {
    let Some(key) = key else { return };
    if photos::delete(&state.media, &key).await.is_err() {
        tracing::warn!("a replaced picture could not be removed");
    }
}

/// `POST /{lang}/admin/webinars/{slug}/share-image`: a new share picture.
pub async fn save_share_image(
    who: Organiser,
    page: PageCtx,
    cookie: CookieSession,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let slug = path.into_inner().1;
    let upload = read_form(payload, "share_image").await?;
    csrf::verify(&cookie, upload.field("csrf"))?;
    let refused =
        |message: &'static str| FormState::default().with_errors(vec![("share_image", message)]);
    let key = match store_upload(&state, &upload, Picture::Share).await? {
        Some(Ok(key)) => key,
        failed => {
            let message = match failed {
                Some(Err(message)) => message,
                _ => "admin-share-image-error-missing",
            };
            let form = refused(message);
            return item_page(
                &who,
                &page,
                &cookie,
                &state,
                Kind::Webinar,
                slug,
                form,
                None,
            )
            .await;
        }
    };
    let actor = who.id();
    let s = slug.clone();
    let replaced = state
        .run(Pages::Changed, move |c| {
            share_image::set(c, actor, &s, &key)
        })
        .await?;
    remove(&state, replaced).await;
    Ok(see_other(page.href(&format!("/admin/webinars/{slug}"))))
}
