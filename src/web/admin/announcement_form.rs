//! The announcement form as submitted: what it keeps on the page when it comes back
//! with errors, and the draft it makes.

use serde::Deserialize;

use crate::domain::Locale;
use crate::services::FieldErrors;
use crate::services::campaigns::announcements::{Draft, DraftInput};
use crate::web::form::FormState;

#[derive(Deserialize)]
pub struct AnnouncementForm {
    #[serde(default)]
    pub(super) csrf: String,
    #[serde(default)]
    session_id: String,
    include_waitlisted: Option<String>,
    #[serde(default)]
    idempotency_key: String,
    #[serde(default)]
    subject_fr: String,
    #[serde(default)]
    body_fr: String,
    #[serde(default)]
    subject_en: String,
    #[serde(default)]
    body_en: String,
    #[serde(default)]
    subject_ar: String,
    #[serde(default)]
    body_ar: String,
}

impl AnnouncementForm {
    /// The values typed, to show again.
    pub(super) fn kept(&self) -> FormState {
        let waitlisted = if self.include_waitlisted.is_some() {
            "on"
        } else {
            ""
        };
        FormState::default()
            .with_value("session_id", &self.session_id)
            .with_value("include_waitlisted", waitlisted)
            .with_value("idempotency_key", &self.idempotency_key)
            .with_value("subject_fr", &self.subject_fr)
            .with_value("body_fr", &self.body_fr)
            .with_value("subject_en", &self.subject_en)
            .with_value("body_en", &self.body_en)
            .with_value("subject_ar", &self.subject_ar)
            .with_value("body_ar", &self.body_ar)
    }

    /// The draft to send, or the fields that did not parse.
    pub(super) fn draft(self) -> Result<Draft, FieldErrors> {
        let Ok(session_id) = self.session_id.trim().parse::<i64>() else {
            return Err(vec![("session_id", "admin-announcement-error-session")]);
        };
        Draft::parse(&DraftInput {
            session_id,
            include_waitlisted: self.include_waitlisted.is_some(),
            texts: vec![
                (Locale::Fr, self.subject_fr, self.body_fr),
                (Locale::En, self.subject_en, self.body_en),
                (Locale::Ar, self.subject_ar, self.body_ar),
            ],
            idempotency_key: self.idempotency_key,
        })
    }
}
