//! The side-by-side editor of webinar and module texts: one column per language (with
//! what the public sees where a translation is missing) and the submitted form.

use serde::Deserialize;

use crate::domain::Locale;
use crate::services::FieldErrors;
use crate::services::content::editing::{ItemAdmin, TextInput, summary_field, title_field};
use crate::web::form::FormState;
use crate::web::page::PageCtx;

/// One language column of the side-by-side editor.
pub struct Cell {
    pub locale: &'static str,
    pub dir: &'static str,
    pub name: String,
    pub title: String,
    pub summary: String,
    pub title_field: &'static str,
    pub summary_field: &'static str,
    pub missing: bool,
    /// "Visitors reading this language see the French text: …"
    pub public_note: Option<String>,
}

pub fn cells(page: &PageCtx, item: Option<&ItemAdmin>, form: &FormState) -> Vec<Cell> {
    Locale::ALL
        .iter()
        .map(|l| {
            let stored = item.and_then(|i| i.texts.iter().find(|t| t.locale == *l));
            let typed = !form.values.is_empty();
            let pick = |field: &'static str, saved: Option<&String>| {
                if typed {
                    form.value(field).to_owned()
                } else {
                    saved.cloned().unwrap_or_default()
                }
            };
            let missing = stored.is_none_or(|t| t.missing);
            Cell {
                locale: l.code(),
                dir: l.dir(),
                name: page.language_name(l.code()),
                title: pick(title_field(*l), stored.map(|t| &t.title)),
                summary: pick(summary_field(*l), stored.map(|t| &t.summary)),
                title_field: title_field(*l),
                summary_field: summary_field(*l),
                missing,
                public_note: stored.and_then(|t| {
                    t.public_locale.map(|p| {
                        format!(
                            "{} « {} »",
                            page.ta(
                                "admin-content-fallback",
                                "language",
                                &page.language_name(p.code())
                            ),
                            t.public_title
                        )
                    })
                }),
            }
        })
        .collect()
}

#[derive(Deserialize, Default)]
pub struct TextsForm {
    #[serde(default)]
    pub(super) slug: String,
    #[serde(default)]
    title_fr: String,
    #[serde(default)]
    summary_fr: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    summary_en: String,
    #[serde(default)]
    title_ar: String,
    #[serde(default)]
    summary_ar: String,
    #[serde(default)]
    pub(super) csrf: String,
}

impl TextsForm {
    pub(super) fn texts(&self) -> Vec<(Locale, TextInput)> {
        let t = |title: &String, summary: &String| TextInput {
            title: title.clone(),
            summary: summary.clone(),
        };
        vec![
            (Locale::Fr, t(&self.title_fr, &self.summary_fr)),
            (Locale::En, t(&self.title_en, &self.summary_en)),
            (Locale::Ar, t(&self.title_ar, &self.summary_ar)),
        ]
    }

    pub(super) fn state(&self, errors: FieldErrors) -> FormState {
        FormState::default()
            .with_value("slug", &self.slug)
            .with_value("title_fr", &self.title_fr)
            .with_value("summary_fr", &self.summary_fr)
            .with_value("title_en", &self.title_en)
            .with_value("summary_en", &self.summary_en)
            .with_value("title_ar", &self.title_ar)
            .with_value("summary_ar", &self.summary_ar)
            .with_errors(errors)
    }
}
