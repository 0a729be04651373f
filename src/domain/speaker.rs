//! What a person does at a webinar or a session, and when an agenda item happens.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerRole {
    Speaker,
    Moderator,
    Interpreter,
}

impl SpeakerRole {
    pub const ALL: [SpeakerRole; 3] = [
        SpeakerRole::Speaker,
        SpeakerRole::Moderator,
        SpeakerRole::Interpreter,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerRole::Speaker => "speaker",
            SpeakerRole::Moderator => "moderator",
            SpeakerRole::Interpreter => "interpreter",
        }
    }

    pub fn parse(raw: &str) -> Option<SpeakerRole> {
        SpeakerRole::ALL
            .into_iter()
            .find(|r| r.as_str() == raw.trim())
    }
}

/// When an agenda item starts, as typed: minutes after the session's start ("+15",
/// "15") or a wall-clock time in the session's zone ("10:30").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaTime {
    Offset(i32),
    Clock { hour: u32, minute: u32 },
}

impl AgendaTime {
    pub fn parse(raw: &str) -> Option<AgendaTime> {
        let raw = raw.trim();
        if let Some((h, m)) = raw.split_once(':') {
            let (hour, minute) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
            return (hour < 24 && minute < 60).then_some(AgendaTime::Clock { hour, minute });
        }
        let minutes: i32 = raw.strip_prefix('+').unwrap_or(raw).trim().parse().ok()?;
        (0..=24 * 60)
            .contains(&minutes)
            .then_some(AgendaTime::Offset(minutes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_from_their_names_only() {
        assert_eq!(
            SpeakerRole::parse("moderator"),
            Some(SpeakerRole::Moderator)
        );
        assert_eq!(SpeakerRole::parse("chair"), None);
    }

    #[test]
    fn agenda_times_are_offsets_or_clock_times() {
        assert_eq!(AgendaTime::parse("+15"), Some(AgendaTime::Offset(15)));
        assert_eq!(AgendaTime::parse("0"), Some(AgendaTime::Offset(0)));
        assert_eq!(
            AgendaTime::parse("10:30"),
            Some(AgendaTime::Clock {
                hour: 10,
                minute: 30
            })
        );
        for bad in ["", "-5", "25:00", "10:75", "soon", "99999"] {
            assert_eq!(AgendaTime::parse(bad), None, "{bad}");
        }
    }
}
