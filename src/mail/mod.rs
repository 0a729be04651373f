//! Mail: what is sent (`MailKind`, queued in the outbox by services), composed in the
//! recipient's language at send time (`compose/`), delivered in batches (`delivery.rs`)
//! through SMTP or into `.eml` files. The loop that delivers is the worker's
//! (`crate::jobs`). Only this module uses lettre; it depends on db, domain, i18n and
//! secrets, never on services.

pub mod calendar;
pub mod compose;
pub mod delivery;
pub mod eml;
pub mod kinds;
pub mod layout;
pub mod message;
pub mod transport;

use std::sync::Arc;

use anyhow::Context;

pub use kinds::MailKind;

use crate::db::Db;
use crate::settings::Settings;

/// Builds the mailer (transport, sender, signing) from the settings.
pub fn mailer(settings: &Settings, db: Db) -> anyhow::Result<Arc<delivery::Mailer>> {
    let from: lettre::message::Mailbox = settings
        .mail_from
        .parse()
        .map_err(|e| anyhow::anyhow!("CONVIVE_MAIL_FROM is not a valid address: {e}"))?;
    let domain = from.email.domain().to_owned();
    let dkim = match (&settings.dkim_selector, &settings.dkim_key) {
        (Some(selector), Some(path)) => {
            let pem = std::fs::read_to_string(path)
                .with_context(|| format!("CONVIVE_DKIM_KEY: cannot read {}", path.display()))?;
            Some(message::dkim_config(selector, &domain, &pem)?)
        }
        (None, None) => None,
        _ => anyhow::bail!("CONVIVE_DKIM_SELECTOR and CONVIVE_DKIM_KEY go together"),
    };
    let context = compose_context(
        settings,
        crate::secrets::link_tokens::RegistrationTokens::from_secret(&crate::secrets::key::load(
            settings.secret_key.as_deref(),
            &settings.data_dir,
            &db,
        )?),
    )?;
    Ok(Arc::new(delivery::Mailer {
        transport: transport::Transport::from_settings(
            settings.smtp_url.as_deref(),
            &settings.data_dir,
        )?,
        envelope: message::Envelope { from, domain, dkim },
        context,
        lease: chrono::Duration::seconds(i64::from(settings.mail_lease_seconds.max(1))),
        db,
    }))
}

/// What composers need, from the settings, for a process that composes without sending
/// (the back office's previews when the worker runs elsewhere).
pub fn compose_context(
    settings: &Settings,
    tokens: crate::secrets::link_tokens::RegistrationTokens,
) -> anyhow::Result<compose::MailContext> {
    let from: lettre::message::Mailbox = settings
        .mail_from
        .parse()
        .map_err(|e| anyhow::anyhow!("CONVIVE_MAIL_FROM is not a valid address: {e}"))?;
    Ok(compose::MailContext {
        public_url: settings.public_url(),
        organiser_name: from.name.clone().unwrap_or_else(|| "Convive".to_owned()),
        organiser_email: from.email.to_string(),
        domain: from.email.domain().to_owned(),
        tokens,
    })
}
