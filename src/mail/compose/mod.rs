//! Builds each kind of mail in the recipient's language, at send time, from the outbox
//! payload and the current state of the database: one file per family of mails, the
//! session facts and links they share in `session_details.rs`, titles in `titles.rs`.

mod account;
pub mod invitation;
mod privacy;
mod registration;
mod series;
mod session_details;
mod test_mail;
mod titles;

use crate::db::outbox::OutboxRow;
use crate::db::{DbConnection, DbError};
use crate::domain::Locale;
use crate::i18n::{Args, catalog};

use super::MailKind;
use super::layout::Composed;

/// What composers need besides the database.
#[derive(Clone)]
pub struct MailContext {
    /// Base URL for links, without trailing slash.
    pub public_url: String,
    pub organiser_name: String,
    pub organiser_email: String,
    /// Domain for calendar UIDs.
    pub domain: String,
    /// Derives the raw links of registrations.
    pub tokens: crate::secrets::link_tokens::RegistrationTokens,
}

#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    /// The payload or what it refers to is invalid: the mail can never be sent.
    #[error("cannot compose: {0}")]
    Invalid(String),
    /// Any database error, a missing row included: the row is retried until it gives up.
    #[error(transparent)]
    Db(#[from] DbError),
}

pub fn compose(
    conn: &mut DbConnection,
    ctx: &MailContext,
    row: &OutboxRow,
) -> Result<Composed, ComposeError> {
    let locale: Locale = row.locale;
    let kind: MailKind = serde_json::from_str(&row.payload)
        .map_err(|e| ComposeError::Invalid(format!("payload: {e}")))?;
    let t = Texts { locale };
    match &kind {
        MailKind::Test => Ok(test_mail::compose(&t, ctx)),
        MailKind::AccountVerify { token } => Ok(account::verify(&t, ctx, token)),
        MailKind::PasswordReset { token } => Ok(account::reset(&t, ctx, token)),
        MailKind::PrivacyLink { token } => Ok(privacy::link(&t, ctx, token)),
        MailKind::RegistrationConfirm { .. }
        | MailKind::RegistrationConfirmed { .. }
        | MailKind::RegistrationWaitlisted { .. }
        | MailKind::RegistrationCancelled { .. }
        | MailKind::SessionReminder { .. }
        | MailKind::ReplayAvailable { .. }
        | MailKind::Announcement { .. }
        | MailKind::SessionRescheduled { .. }
        | MailKind::SessionCancelled { .. } => registration::compose(conn, &t, ctx, &kind),
        MailKind::SeriesConfirm { .. }
        | MailKind::SeriesConfirmed { .. }
        | MailKind::SeriesCancelled { .. } => series::compose(conn, &t, ctx, &kind),
        MailKind::Invitation {
            invitation_id,
            token,
            unsubscribe_token,
            reminder,
        } => invitation::compose(
            conn,
            &t,
            ctx,
            *invitation_id,
            &invitation::Links {
                token,
                unsubscribe_token,
                reminder: *reminder,
            },
        ),
    }
}

/// The invitation of a campaign as an invitee reading `locale` gets it, composed by the
/// real composer: the first invitee of that language lends their name, and the links
/// carry a placeholder token that opens nothing.
pub fn preview_invitation(
    conn: &mut DbConnection,
    ctx: &MailContext,
    campaign_id: i64,
    locale: Locale,
    reminder: bool,
) -> Result<Composed, ComposeError> {
    let campaign = crate::db::campaigns::campaign(conn, campaign_id)?;
    let name = crate::db::campaigns::first_name_in(conn, campaign_id, locale.code())?;
    let placeholder = "preview";
    invitation::compose_for(
        conn,
        &Texts { locale },
        ctx,
        &campaign,
        &name.unwrap_or_default(),
        &invitation::Links {
            token: placeholder,
            unsubscribe_token: placeholder,
            reminder,
        },
    )
}

/// Messages of one language, without bidi isolation marks (mail headers and text).
pub struct Texts {
    pub locale: Locale,
}

impl Texts {
    pub fn get(&self, id: &str) -> String {
        catalog().plain(self.locale, id, &[])
    }

    pub fn with(&self, id: &str, args: &Args) -> String {
        catalog().plain(self.locale, id, args)
    }

    pub fn footer(&self) -> String {
        self.get("mail-footer")
    }
}
