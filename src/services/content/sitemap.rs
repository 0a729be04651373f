//! The public pages a search engine may list, as paths after the language prefix
//! (`/webinars/food-waste`); each exists in the three languages.

use crate::db::{DbConnection, DbError, programme as q};

pub fn public_paths(conn: &mut DbConnection) -> Result<Vec<String>, DbError> {
    let mut paths: Vec<String> = ["/", "/webinars", "/modules", "/privacy"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    paths.extend(
        q::published_webinars(conn)?
            .into_iter()
            .map(|w| format!("/webinars/{}", w.slug)),
    );
    let modules = q::published_modules(conn)?;
    let ids: Vec<i64> = modules.iter().map(|m| m.id).collect();
    paths.extend(modules.iter().map(|m| format!("/modules/{}", m.slug)));
    paths.extend(
        q::lessons_of(conn, &ids)?
            .into_iter()
            .map(|l| format!("/lessons/{}", l.id)),
    );
    Ok(paths)
}
