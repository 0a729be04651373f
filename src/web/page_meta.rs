//! What a page tells search engines and messaging apps about itself: its canonical
//! address, the same page in the other languages (`hreflang`), and its share card's
//! picture and locale.

use crate::domain::Locale;

use super::assets;
use super::page::{LangLink, PageCtx};

impl PageCtx {
    /// This page's absolute address (without its query).
    pub fn canonical(&self) -> String {
        format!("{}/{}{}", self.base_url, self.locale.code(), self.rest)
    }

    /// The same page in each language, absolute, this one marked `current`.
    pub fn alternates(&self) -> Vec<LangLink> {
        self.lang_links()
            .into_iter()
            .map(|l| LangLink {
                href: format!("{}{}", self.base_url, l.href),
                ..l
            })
            .collect()
    }

    /// Visitors whose language is none of the three land on the French page.
    pub fn x_default(&self) -> String {
        format!("{}/fr{}", self.base_url, self.rest)
    }

    /// The Open Graph locale of a language code.
    pub fn og_locale(&self, code: &str) -> &'static str {
        match code.parse::<Locale>() {
            Ok(Locale::Fr) => "fr_FR",
            Ok(Locale::Ar) => "ar_AR",
            _ => "en_GB",
        }
    }

    /// The share card's picture: `image` (a path or an absolute URL), or the site's.
    pub fn share_image(&self, image: &str) -> String {
        if image.starts_with("https://") || image.starts_with("http://") {
            image.to_owned()
        } else if image.is_empty() {
            format!("{}{}", self.base_url, assets::url("img/share.png"))
        } else {
            format!("{}{image}", self.base_url)
        }
    }
}
