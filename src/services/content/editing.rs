//! Organisers edit webinars and modules: title and summary side by side in fr/en/ar,
//! missing translations flagged with the language the public sees instead, publish and
//! unpublish. Every change is audited.

use crate::db::models::Translation;
use crate::db::{DbConnection, DbError, admin, content_admin as q, programme, write_transaction};
use crate::domain::{Locale, Slug};

use crate::domain::translation::pick;
use crate::services::FieldErrors;

pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 20_000;

/// One language of a translatable item as the editor shows it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct TextCell {
    pub locale: Locale,
    pub title: String,
    pub summary: String,
    /// No title in this language.
    pub missing: bool,
    /// The language a visitor reading this language sees instead (when missing).
    pub public_locale: Option<Locale>,
    /// The title that visitor sees.
    pub public_title: String,
}

/// A webinar or a module in the back office.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ItemAdmin {
    pub id: i64,
    pub slug: String,
    pub published: bool,
    pub texts: Vec<TextCell>,
}

impl ItemAdmin {
    /// The title to list it by (in `locale`, or the fallback).
    pub fn title(&self, locale: Locale) -> String {
        self.texts
            .iter()
            .find(|t| t.locale == locale)
            .map(|t| t.public_title.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| self.slug.clone())
    }

    /// `title` for templates, which pass references.
    pub fn title_in(&self, locale: &Locale) -> String {
        self.title(*locale)
    }

    pub fn missing(&self) -> Vec<Locale> {
        self.texts
            .iter()
            .filter(|t| t.missing)
            .map(|t| t.locale)
            .collect()
    }
}

/// Title and summary per language, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct TextInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
}

pub fn title_field(l: Locale) -> &'static str {
    match l {
        Locale::Fr => "title_fr",
        Locale::En => "title_en",
        Locale::Ar => "title_ar",
    }
}

pub fn summary_field(l: Locale) -> &'static str {
    match l {
        Locale::Fr => "summary_fr",
        Locale::En => "summary_en",
        Locale::Ar => "summary_ar",
    }
}

/// Trims and checks the texts of the three languages; one title at least.
pub fn parse_texts(texts: &[(Locale, TextInput)]) -> Result<Vec<(Locale, TextInput)>, FieldErrors> {
    let mut errors: FieldErrors = vec![];
    let mut out = vec![];
    for (l, t) in texts {
        let title = t.title.trim().to_owned();
        let summary = t.summary.trim().to_owned();
        if title.chars().count() > MAX_TITLE || title.chars().any(char::is_control) {
            errors.push((title_field(*l), "admin-content-error-title"));
        }
        if summary.chars().count() > MAX_TEXT {
            errors.push((summary_field(*l), "admin-content-error-text"));
        }
        if title.is_empty() && !summary.is_empty() {
            errors.push((title_field(*l), "admin-content-error-title-missing"));
        }
        out.push((*l, TextInput { title, summary }));
    }
    if out.iter().all(|(_, t)| t.title.is_empty()) {
        errors.push(("title_fr", "admin-content-error-no-title"));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

pub fn parse_slug(raw: &str) -> Result<Slug, FieldErrors> {
    Slug::parse(raw.trim()).map_err(|_| vec![("slug", "admin-content-error-slug")])
}

fn cells(owner: i64, all: &[Translation]) -> Vec<TextCell> {
    let mine: Vec<&Translation> = all.iter().filter(|t| t.owner_id == owner).collect();
    Locale::ALL
        .iter()
        .map(|l| {
            let own = mine.iter().find(|t| t.locale == l.code());
            let public = pick(*l, mine.iter().map(|t| (t.locale.as_str(), *t)), |t| {
                !t.title.is_empty()
            });
            let missing = own.is_none_or(|t| t.title.is_empty());
            TextCell {
                locale: *l,
                title: own.map(|t| t.title.clone()).unwrap_or_default(),
                summary: own.map(|t| t.summary.clone()).unwrap_or_default(),
                missing,
                public_locale: public.map(|(used, _)| used).filter(|u| u != l),
                public_title: public.map(|(_, t)| t.title.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Webinar,
    Module,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Webinar => "webinar",
            Kind::Module => "module",
        }
    }
}

pub fn list(conn: &mut DbConnection, kind: Kind) -> Result<Vec<ItemAdmin>, DbError> {
    let rows: Vec<(i64, String, bool)> = match kind {
        Kind::Webinar => q::all_webinars(conn)?
            .into_iter()
            .map(|w| (w.id, w.slug, w.published))
            .collect(),
        Kind::Module => q::all_modules(conn)?
            .into_iter()
            .map(|m| (m.id, m.slug, m.published))
            .collect(),
    };
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let texts = match kind {
        Kind::Webinar => programme::webinar_translations(conn, &ids)?,
        Kind::Module => programme::module_translations(conn, &ids)?,
    };
    Ok(rows
        .into_iter()
        .map(|(id, slug, published)| ItemAdmin {
            texts: cells(id, &texts),
            id,
            slug,
            published,
        })
        .collect())
}

pub fn get(conn: &mut DbConnection, kind: Kind, slug: &str) -> Result<ItemAdmin, DbError> {
    list(conn, kind)?
        .into_iter()
        .find(|i| i.slug == slug)
        .ok_or_else(DbError::not_found)
}

#[derive(Debug)]
pub enum CreateError {
    SlugTaken,
    Db(DbError),
}

impl From<DbError> for CreateError {
    fn from(e: DbError) -> Self {
        CreateError::Db(e)
    }
}

fn write_texts(
    conn: &mut DbConnection,
    kind: Kind,
    id: i64,
    texts: &[(Locale, TextInput)],
) -> Result<(), DbError> {
    for (l, t) in texts {
        match kind {
            Kind::Webinar => q::replace_webinar_text(conn, id, l.code(), &t.title, &t.summary)?,
            Kind::Module => q::replace_module_text(conn, id, l.code(), &t.title, &t.summary)?,
        }
    }
    Ok(())
}

/// A new item, unpublished, with its texts.
pub fn create(
    conn: &mut DbConnection,
    actor: i64,
    kind: Kind,
    slug: &Slug,
    texts: &[(Locale, TextInput)],
) -> Result<i64, CreateError> {
    write_transaction(conn, |conn| {
        let taken = match kind {
            Kind::Webinar => q::webinar_slug_taken(conn, slug.as_str())?,
            Kind::Module => q::module_slug_taken(conn, slug.as_str())?,
        };
        if taken {
            return Err(CreateError::SlugTaken);
        }
        let id = match kind {
            Kind::Webinar => {
                let series = q::first_series(conn)?;
                q::insert_webinar(conn, slug.as_str(), series)?
            }
            Kind::Module => q::insert_module(conn, slug.as_str())?,
        };
        write_texts(conn, kind, id, texts)?;
        admin::audit(
            conn,
            actor,
            &format!("{}.create", kind.name()),
            &format!("{}:{}", kind.name(), slug.as_str()),
            "",
        )?;
        Ok(id)
    })
}

/// Replaces the texts of the three languages.
pub fn update_texts(
    conn: &mut DbConnection,
    actor: i64,
    kind: Kind,
    slug: &str,
    texts: &[(Locale, TextInput)],
) -> Result<(), DbError> {
    write_transaction(conn, |conn| {
        let item = get(conn, kind, slug)?;
        write_texts(conn, kind, item.id, texts)?;
        let langs: Vec<&str> = texts
            .iter()
            .filter(|(_, t)| !t.title.is_empty())
            .map(|(l, _)| l.code())
            .collect();
        admin::audit(
            conn,
            actor,
            &format!("{}.edit", kind.name()),
            &format!("{}:{slug}", kind.name()),
            &format!("languages={}", langs.join(",")),
        )
    })
}

pub fn set_published(
    conn: &mut DbConnection,
    actor: i64,
    kind: Kind,
    slug: &str,
    published: bool,
) -> Result<(), DbError> {
    write_transaction(conn, |conn| {
        let item = get(conn, kind, slug)?;
        match kind {
            Kind::Webinar => q::set_webinar_published(conn, item.id, published)?,
            Kind::Module => q::set_module_published(conn, item.id, published)?,
        }
        let action = if published { "publish" } else { "unpublish" };
        admin::audit(
            conn,
            actor,
            &format!("{}.{action}", kind.name()),
            &format!("{}:{slug}", kind.name()),
            "",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(owner: i64, locale: &str, title: &str) -> Translation {
        Translation {
            owner_id: owner,
            locale: locale.into(),
            title: title.into(),
            summary: String::new(),
        }
    }

    #[test]
    fn a_missing_language_shows_what_the_public_sees() {
        let all = [
            t(1, "fr", "Gaspillage"),
            t(1, "en", "Waste"),
            t(2, "ar", "x"),
        ];
        let c = cells(1, &all);
        assert!(!c[0].missing && !c[1].missing && c[2].missing);
        assert_eq!(c[2].public_locale, Some(Locale::Fr));
        assert_eq!(c[2].public_title, "Gaspillage");
        assert_eq!(c[0].public_locale, None);
    }

    #[test]
    fn texts_need_one_title_and_reasonable_lengths() {
        let empty = [(Locale::Fr, TextInput::default())];
        assert_eq!(
            parse_texts(&empty).unwrap_err(),
            vec![("title_fr", "admin-content-error-no-title")]
        );
        let long = [(
            Locale::Ar,
            TextInput {
                title: "x".repeat(201),
                summary: String::new(),
            },
        )];
        assert!(
            parse_texts(&long)
                .unwrap_err()
                .contains(&("title_ar", "admin-content-error-title"))
        );
    }
}
