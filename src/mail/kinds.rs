//! Every kind of mail Convive sends, with what its rendering needs. Stored as JSON in
//! `outbox.payload`; raw link tokens live only here and in the sent message.

use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::db::outbox::{self, NewMail};
use crate::domain::{EmailAddress, Locale};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MailKind {
    /// `convive mail test`.
    Test,
    /// Double opt-in: confirm the registration. (Registration links are derived from
    /// the id at compose time; see `crate::secrets::link_tokens`.)
    RegistrationConfirm { registration_id: i64 },
    /// Confirmed (or promoted from the waitlist): calendar REQUEST, join link.
    RegistrationConfirmed {
        registration_id: i64,
        promoted: bool,
    },
    /// No seat left: on the waitlist.
    RegistrationWaitlisted { registration_id: i64 },
    /// Cancelled: calendar CANCEL.
    RegistrationCancelled { registration_id: i64 },
    /// Reminder before the session, with the join link.
    SessionReminder {
        registration_id: i64,
        minutes_before: i64,
    },
    /// Learner account: verify the address.
    AccountVerify { token: String },
    /// Learner account: reset the password.
    PasswordReset { token: String },
    /// A replay of a webinar the person registered for is online.
    ReplayAvailable {
        registration_id: i64,
        attended: bool,
    },
    /// Invitation campaign mail, with a personal registration link.
    Invitation {
        invitation_id: i64,
        token: String,
        unsubscribe_token: String,
        reminder: bool,
    },
    /// The session moved (new time or duration): calendar REQUEST with a higher SEQUENCE.
    SessionRescheduled { registration_id: i64 },
    /// The organisers cancelled the session: calendar CANCEL.
    SessionCancelled { registration_id: i64 },
    /// Registration to the whole series: one link confirms every session of the group.
    SeriesConfirm { group_id: i64 },
    /// The series registration is confirmed: each session's outcome, one `.ics` per seat.
    SeriesConfirmed { group_id: i64 },
    /// Several sessions of a series registration cancelled at once: one CANCEL each.
    SeriesCancelled {
        group_id: i64,
        registration_ids: Vec<i64>,
    },
    /// Organiser announcement to the registrants of a session.
    Announcement {
        registration_id: i64,
        subject: String,
        body: String,
        /// One-click unsubscribe (`List-Unsubscribe`); absent in older rows.
        #[serde(default)]
        unsubscribe_token: Option<String>,
    },
    /// The link that opens export and erasure of one's data (queued by the privacy service).
    PrivacyLink { token: String },
}

impl MailKind {
    /// The stable name stored in `outbox.kind`.
    pub fn name(&self) -> &'static str {
        match self {
            MailKind::Test => "test",
            MailKind::RegistrationConfirm { .. } => "registration_confirm",
            MailKind::RegistrationConfirmed { .. } => "registration_confirmed",
            MailKind::RegistrationWaitlisted { .. } => "registration_waitlisted",
            MailKind::RegistrationCancelled { .. } => "registration_cancelled",
            MailKind::SessionReminder { .. } => "session_reminder",
            MailKind::AccountVerify { .. } => "account_verify",
            MailKind::PasswordReset { .. } => "password_reset",
            MailKind::ReplayAvailable { .. } => "replay_available",
            MailKind::Invitation { .. } => "invitation",
            MailKind::Announcement { .. } => "announcement",
            MailKind::SessionRescheduled { .. } => "session_rescheduled",
            MailKind::SessionCancelled { .. } => "session_cancelled",
            MailKind::SeriesConfirm { .. } => "series_confirm",
            MailKind::SeriesConfirmed { .. } => "series_confirmed",
            MailKind::SeriesCancelled { .. } => "series_cancelled",
            MailKind::PrivacyLink { .. } => "privacy_link",
        }
    }
}

/// Queues a mail inside the caller's transaction.
pub fn enqueue(
    conn: &mut DbConnection,
    to: &EmailAddress,
    locale: Locale,
    mail: &MailKind,
) -> Result<(), crate::db::DbError> {
    enqueue_for(conn, to, locale, mail, None, None)
}

/// Queues a campaign mail, linked to its campaign and invitation for the funnel.
pub fn enqueue_for(
    conn: &mut DbConnection,
    to: &EmailAddress,
    locale: Locale,
    mail: &MailKind,
    campaign_id: Option<i64>,
    invitation_id: Option<i64>,
) -> Result<(), crate::db::DbError> {
    outbox::enqueue(
        conn,
        &outbox_row(to, locale, mail, campaign_id, invitation_id),
    )
}

/// The outbox row of a mail (for `outbox::enqueue_many`).
pub fn outbox_row<'a>(
    to: &'a EmailAddress,
    locale: Locale,
    mail: &MailKind,
    campaign_id: Option<i64>,
    invitation_id: Option<i64>,
) -> NewMail<'a> {
    NewMail {
        kind: mail.name(),
        recipient: to.as_str(),
        locale: locale.code(),
        payload: serde_json::to_string(mail).expect("mail kinds serialise"),
        campaign_id,
        invitation_id,
    }
}
