//! Titles a mail names, in the reader's language: a webinar's and the series'. The
//! fallback rule is the programme's (`domain::translation::localise`).

use crate::db::models::Translation;
use crate::db::{DbConnection, DbError, programme};
use crate::domain::Locale;
use crate::domain::translation::localise;

/// The webinar's title in `locale` or the best language available.
pub fn webinar(
    conn: &mut DbConnection,
    locale: Locale,
    webinar_id: i64,
) -> Result<String, DbError> {
    let texts = programme::webinar_translations(conn, &[webinar_id])?;
    Ok(title_in(locale, &texts))
}

/// The series' title, as the programme pages show it (empty when there is none).
pub fn series(conn: &mut DbConnection, locale: Locale) -> Result<String, DbError> {
    let all = programme::series_translations(conn)?;
    let Some(owner) = all.first().map(|t| t.owner_id) else {
        return Ok(String::new());
    };
    let texts: Vec<Translation> = all.into_iter().filter(|t| t.owner_id == owner).collect();
    Ok(title_in(locale, &texts))
}

fn title_in(locale: Locale, texts: &[Translation]) -> String {
    let texts = texts
        .iter()
        .map(|t| (t.locale.as_str(), t.title.as_str(), t.summary.as_str()));
    localise(locale, texts).0
}
