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
    /// Where uploads are kept: `s3://bucket?endpoint=…&region=…` for an S3-compatible
    /// bucket (credentials from `AWS_*`); unset means `media/` in `data_dir`.
    pub media_url: Option<String>,
    /// Signs cookies and tokens; generated into the data dir when unset.
    pub secret_key: Option<String>,
    pub rate_limits: RateLimits,
    /// Addresses or networks (`127.0.0.1, 10.0.0.0/8`) of reverse proxies whose
    /// `X-Forwarded-For` names the client; unset trusts none.
    pub trusted_proxies: Option<String>,
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
    /// Seconds a worker holds the mail it claimed; a worker that dies leaves its mail to
    /// another after this long. Longer than a batch takes to send.
    pub mail_lease_seconds: u32,
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
            media_url: None,
            secret_key: None,
            rate_limits: RateLimits::On,
            trusted_proxies: None,
            workers: 0,
            page_cache_ms: 2000,
            retention_days: 365,
            mail_retention_days: 90,
            mail_lease_seconds: 120,
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
                "require_s3",
                "require_nginx",
                "test_s3_endpoint",
                "chromedriver",
                "chromium",
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
        if let Some(list) = &self.trusted_proxies
            && let Some(bad) = proxy_entries(list).find(|e| parse_proxy(e).is_none())
        {
            return Err(SettingsError(format!(
                "CONVIVE_TRUSTED_PROXIES: {bad:?} is not an address or a network (10.0.0.0/8)"
            )));
        }
        if self.media_url.as_deref().is_some_and(str::is_empty) {
            self.media_url = None;
        }
        if let Some(url) = &self.media_url
            && !url.starts_with("s3://")
        {
            return Err(SettingsError(
                "CONVIVE_MEDIA_URL must start with s3:// (or be unset for the data dir)".to_owned(),
            ));
        }
        Ok(self)
    }

    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.bind))
    }

    /// The networks of `trusted_proxies` (validated when loaded).
    pub fn trusted_proxies(&self) -> Vec<ipnet::IpNet> {
        self.trusted_proxies
            .as_deref()
            .map(|list| proxy_entries(list).filter_map(parse_proxy).collect())
            .unwrap_or_default()
    }

    pub fn serves_https(&self) -> bool {
        self.public_url().starts_with("https://")
    }
}

fn proxy_entries(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|e| !e.is_empty())
}

/// `10.0.0.0/8`, or one address as a network of one.
fn parse_proxy(entry: &str) -> Option<ipnet::IpNet> {
    entry.parse::<ipnet::IpNet>().ok().or_else(|| {
        entry
            .parse::<std::net::IpAddr>()
            .ok()
            .map(ipnet::IpNet::from)
    })
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
            .field("media_url", &self.media_url)
            .field("mail_from", &self.mail_from)
            .field("default_locale", &self.default_locale)
            .field("rate_limits", &self.rate_limits)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("workers", &self.workers)
            .field("page_cache_ms", &self.page_cache_ms)
            .field("retention_days", &self.retention_days)
            .field("mail_retention_days", &self.mail_retention_days)
            .field("mail_lease_seconds", &self.mail_lease_seconds)
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
