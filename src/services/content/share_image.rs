//! A webinar's share picture: what a link to its page shows in messaging apps and social
//! networks (`og:image`). Organisers upload it from the webinar's back office page; it is
//! resized and stored as speakers' photos are (`speakers::photos`).

use crate::db::{DbConnection, DbError, admin, content_admin as q, write_transaction};
use crate::services::speakers::photos;

/// The path of the webinar's share picture, when it has one.
pub fn current(conn: &mut DbConnection, slug: &str) -> Result<Option<String>, DbError> {
    Ok(admin::webinar_by_slug(conn, slug)?
        .share_image_key
        .as_deref()
        .map(photos::share_url))
}

/// Records a newly stored picture as the webinar's; the key it replaces, whose files
/// the caller removes once this is committed.
pub fn set(
    conn: &mut DbConnection,
    actor: i64,
    slug: &str,
    key: &str,
) -> Result<Option<String>, DbError> {
    write_transaction(conn, |conn| {
        let webinar = admin::webinar_by_slug(conn, slug)?;
        q::set_share_image(conn, webinar.id, key)?;
        admin::audit(
            conn,
            actor,
            "webinar.share_image",
            &format!("webinar:{slug}"),
            key,
        )?;
        Ok(webinar.share_image_key)
    })
}
