//! The back office's session form: what is typed, read back into a `SessionInput`, and
//! a stored session shown in it again.

use serde::Deserialize;

use crate::services::sessions::lookup::Session;
use crate::services::sessions::{self, SessionInput, Start};
use crate::web::form::FormState;

#[derive(Deserialize, Default)]
pub struct SessionForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    timezone: String,
    #[serde(default)]
    duration_minutes: String,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    meeting_url: String,
    /// The language spoken on the floor; the checked ones are interpreted into.
    #[serde(default)]
    floor_language: String,
    lang_fr: Option<String>,
    lang_en: Option<String>,
    lang_ar: Option<String>,
    #[serde(default)]
    reminders: String,
    #[serde(default)]
    pub(super) csrf: String,
}

impl SessionForm {
    /// The floor language first (stored so), then the other checked languages.
    fn languages(&self) -> Vec<String> {
        let floor = self.floor_language.trim();
        let checked = [
            ("fr", &self.lang_fr),
            ("en", &self.lang_en),
            ("ar", &self.lang_ar),
        ]
        .into_iter()
        .filter(|(l, v)| v.is_some() && *l != floor)
        .map(|(l, _)| l.to_owned());
        matches!(floor, "fr" | "en" | "ar")
            .then(|| floor.to_owned())
            .into_iter()
            .chain(checked)
            .collect()
    }

    pub(super) fn state(&self) -> FormState {
        FormState::default()
            .with_value("date", &self.date)
            .with_value("time", &self.time)
            .with_value("timezone", &self.timezone)
            .with_value("duration_minutes", &self.duration_minutes)
            .with_value("capacity", &self.capacity)
            .with_value("meeting_url", &self.meeting_url)
            .with_value("languages", &self.languages().join(","))
            .with_value("reminders", &self.reminders)
    }

    /// The session as typed, and its reminders; field errors otherwise.
    pub(super) fn parse(&self) -> Result<(sessions::ValidSession, String), FormState> {
        let input = SessionInput {
            start: Start::Local {
                date: self.date.clone(),
                time: self.time.clone(),
            },
            timezone: self.timezone.clone(),
            duration_minutes: self.duration_minutes.clone(),
            capacity: self.capacity.clone(),
            meeting_url: self.meeting_url.clone(),
            languages: self.languages(),
        };
        let session = input.parse();
        let reminders = sessions::edit::parse_reminders(&self.reminders);
        match (session, reminders) {
            (Ok(s), Ok(r)) => Ok((s, r)),
            (s, r) => {
                let mut errors = s.err().unwrap_or_default();
                if let Err(e) = r {
                    errors.push(("reminders", e));
                }
                Err(self.state().with_errors(errors))
            }
        }
    }
}

pub(super) fn stored_state(s: &Session) -> FormState {
    let zone = s.timezone;
    let local = s.starts_at.and_utc().with_timezone(&zone.0);
    FormState::default()
        .with_value("date", &local.format("%Y-%m-%d").to_string())
        .with_value("time", &local.format("%H:%M").to_string())
        .with_value("timezone", zone.name())
        .with_value("duration_minutes", &s.duration_minutes.to_string())
        .with_value("capacity", &s.capacity.to_string())
        .with_value("meeting_url", &s.meeting_url)
        .with_value("languages", &s.languages)
        .with_value("reminders", &s.reminder_offsets)
}
