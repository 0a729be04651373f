//! Typed settings: defaults, then the optional TOML file named by `CONVIVE_CONFIG`,
//! then `CONVIVE_*` environment variables (and `DATABASE_URL`).

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

use crate::domain::Locale;

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Address the HTTP server listens on.
    pub bind: SocketAddr,
    /// Base URL used in mails and calendar invitations; defaults to `http://{bind}`.
    pub public_url: Option<String>,
    /// `postgres://…` for PostgreSQL; unset means the SQLite file in `data_dir`.
    pub database_url: Option<String>,
    pub data_dir: PathBuf,
    /// `smtp://user:pass@host:port` or `smtps://…`; unset writes `.eml` files.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// DKIM selector and PEM key file (RSA); both or neither.
    pub dkim_selector: Option<String>,
    pub dkim_key: Option<PathBuf>,
    pub default_locale: Locale,
    /// Signs cookies and tokens; generated into the data dir when unset.
    pub secret_key: Option<String>,
    pub rate_limits: RateLimits,
    /// HTTP worker threads; 0 means one per CPU core.
    pub workers: usize,
    /// How long a cached public page may be served without re-reading the database,
    /// in milliseconds (changes made through this process show at once); 0 disables
    /// the page cache.
    pub page_cache_ms: u64,
    /// Days after a session's start when its registrations are anonymised (0 = never).
    pub retention_days: u32,
    /// Days after which the content of sent mail is emptied (0 = never).
    pub mail_retention_days: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RateLimits {
    On,
    Off,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            database_url: None,
            data_dir: PathBuf::from("data"),
            smtp_url: None,
            mail_from: "Convive <no-reply@convive.localhost>".to_owned(),
            dkim_selector: None,
            dkim_key: None,
            default_locale: Locale::Fr,
            secret_key: None,
            rate_limits: RateLimits::On,
            workers: 0,
            page_cache_ms: 2000,
            retention_days: 365,
            mail_retention_days: 90,
        }
    }
}

impl Settings {
    /// Loads the settings from the process environment.
    pub fn load() -> Result<Settings, SettingsError> {
        let mut figment = Figment::from(Serialized::defaults(Settings::default()));
        if let Ok(path) = std::env::var("CONVIVE_CONFIG") {
            if !std::path::Path::new(&path).is_file() {
                return Err(SettingsError(format!(
                    "CONVIVE_CONFIG names {path}, which is not a readable file"
                )));
            }
            figment = figment.merge(Toml::file(path));
        }
        figment
            .merge(Env::prefixed("CONVIVE_").ignore(&[
                "config",
                "log",
                "test_database_url",
                "require_browser",
            ]))
            .merge(Env::raw().only(&["database_url"]))
            .extract::<Settings>()
            .map_err(|e| SettingsError(describe(e)))?
            .checked()
    }

    fn checked(mut self) -> Result<Settings, SettingsError> {
        if let Some(url) = &self.public_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(SettingsError(format!(
                    "CONVIVE_PUBLIC_URL must start with http:// or https:// (got {url:?})"
                )));
            }
            self.public_url = Some(url.trim_end_matches('/').to_owned());
        }
        if let Some(url) = &self.smtp_url
            && !(url.starts_with("smtp://") || url.starts_with("smtps://"))
        {
            return Err(SettingsError(
                "CONVIVE_SMTP_URL must start with smtp:// or smtps://".to_owned(),
            ));
        }
        if self.database_url.as_deref().is_some_and(str::is_empty) {
            self.database_url = None;
        }
        Ok(self)
    }

    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.bind))
    }

    pub fn serves_https(&self) -> bool {
        self.public_url().starts_with("https://")
    }
}

/// Redacts secrets so settings can be logged.
impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("bind", &self.bind)
            .field("public_url", &self.public_url)
            .field("database", &self.database_url.as_ref().map(|_| "<set>"))
            .field("data_dir", &self.data_dir)
            .field("smtp", &self.smtp_url.as_ref().map(|_| "<set>"))
            .field("mail_from", &self.mail_from)
            .field("default_locale", &self.default_locale)
            .field("rate_limits", &self.rate_limits)
            .field("workers", &self.workers)
            .field("page_cache_ms", &self.page_cache_ms)
            .field("retention_days", &self.retention_days)
            .field("mail_retention_days", &self.mail_retention_days)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
#[error("invalid setting: {0}")]
pub struct SettingsError(pub String);

/// Names the setting the way the user wrote it (environment variable or file key).
fn describe(e: figment::Error) -> String {
    e.into_iter()
        .map(|err| {
            let key = err.path.join(".");
            let source = match &err.metadata {
                Some(m) if m.name.contains("environment") && key == "database_url" => {
                    "DATABASE_URL".to_owned()
                }
                Some(m) if m.name.contains("environment") => {
                    format!("CONVIVE_{}", key.to_uppercase())
                }
                Some(m) => match &m.source {
                    Some(source) => format!("{key} in {source}"),
                    None => format!("{key} ({})", m.name),
                },
                None => key,
            };
            format!("{source}: {}", err.kind)
        })
        .collect::<Vec<_>>()
        .join("; ")
}
