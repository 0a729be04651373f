//! The only place that speaks Fluent. Messages live in `locales/{fr,en,ar}/*.ftl`,
//! embedded in the binary; their arguments are given as `Arg`s (`args.rs`).

mod args;
mod format;
mod languages;
mod zones;

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use rust_embed::RustEmbed;

pub use args::{Arg, Args};
pub use format::{format_date, format_datetime, format_time};
pub use languages::languages_line;
pub use zones::{zone_city, zone_name};

use crate::domain::Locale;

#[derive(RustEmbed)]
#[folder = "locales/"]
#[include = "*.ftl"]
pub struct LocaleFiles;

type Bundle = FluentBundle<FluentResource>;

/// All messages of all languages, in two flavours: with Unicode isolation marks around
/// placeables (right for HTML with mixed scripts) and without (mail headers, plain text).
pub struct Catalog {
    isolated: HashMap<Locale, Bundle>,
    plain: HashMap<Locale, Bundle>,
}

pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::load().expect("embedded locale files are checked by tests"))
}

impl Catalog {
    fn load() -> Result<Catalog, String> {
        let mut isolated = HashMap::new();
        let mut plain = HashMap::new();
        for locale in Locale::ALL {
            isolated.insert(locale, bundle(locale, true)?);
            plain.insert(locale, bundle(locale, false)?);
        }
        Ok(Catalog { isolated, plain })
    }

    /// The message for HTML pages, falling back to English, then to the id itself.
    pub fn html(&self, locale: Locale, id: &str, args: &Args) -> String {
        format(&self.isolated, locale, id, args)
    }

    /// The message without isolation marks, for mail and exact text.
    pub fn plain(&self, locale: Locale, id: &str, args: &Args) -> String {
        format(&self.plain, locale, id, args)
    }

    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.plain[&locale].has_message(id)
    }
}

fn format(bundles: &HashMap<Locale, Bundle>, locale: Locale, id: &str, args: &Args) -> String {
    let fluent_args = args::to_fluent(args);
    for candidate in [locale, Locale::En] {
        let bundle = &bundles[&candidate];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = vec![];
            let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
            if !errors.is_empty() {
                tracing::warn!(id, locale = %candidate, ?errors, "fluent formatting error");
            }
            return text.into_owned();
        }
    }
    tracing::warn!(id, %locale, "missing message");
    id.to_owned()
}

fn bundle(locale: Locale, isolating: bool) -> Result<Bundle, String> {
    let langid = locale
        .code()
        .parse()
        .map_err(|e| format!("bad language id {locale}: {e:?}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(isolating);
    for source in sources(locale) {
        let (name, text) = source;
        let resource = FluentResource::try_new(text)
            .map_err(|(_, errs)| format!("{locale}/{name} does not parse: {errs:?}"))?;
        bundle
            .add_resource(resource)
            .map_err(|errs| format!("{locale}/{name} repeats message ids: {errs:?}"))?;
    }
    Ok(bundle)
}

/// The `.ftl` files of one language: (file name, text).
pub fn sources(locale: Locale) -> Vec<(String, String)> {
    let prefix = format!("{}/", locale.code());
    let mut files: Vec<(String, String)> = LocaleFiles::iter()
        .filter(|path| path.starts_with(&prefix))
        .filter_map(|path| {
            let file = LocaleFiles::get(&path)?;
            let text = String::from_utf8(file.data.into_owned()).ok()?;
            Some((path.to_string(), text))
        })
        .collect();
    files.sort();
    files
}
