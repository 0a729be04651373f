//! How a session reads on a page: its times in the viewer's zone beside its own, zones
//! named as people say them, its languages, and the countdown of the last day.

use chrono::{DateTime, Duration, Utc};

use crate::domain::TimeZone;
use crate::i18n::{Arg, catalog, format_datetime, format_time, languages_line, zone_name};
use crate::services::content::programme::SessionView;

use super::page::PageCtx;

/// A session's start as shown on a page.
pub struct SessionTimes {
    /// In the session's own zone, e.g. "jeudi 10 décembre 2026, 10:00".
    pub local: String,
    /// The session's zone as the page's language names it: "heure de Tunis".
    pub zone: String,
    /// In the viewer's zone when known and different.
    pub viewer: Option<String>,
    pub viewer_zone: Option<String>,
    /// The end, in the zone shown first (the viewer's when known).
    pub end: String,
    pub viewer_end: Option<String>,
    pub iso: String,
}

/// "Starts in 3 h 20 min", for a session that starts within a day.
pub struct Countdown {
    pub text: String,
    /// The same message with `{h}` and `{m}` for the script that keeps it current.
    pub template: String,
    pub iso: String,
}

impl PageCtx {
    fn viewer_zone_for(&self, zone: TimeZone) -> Option<TimeZone> {
        self.viewer_tz.filter(|v| v.0 != zone.0)
    }

    pub fn session_times(&self, s: &SessionView) -> SessionTimes {
        let zone = s.timezone;
        let at = s.starts_at.with_timezone(&zone.0);
        let end = s.starts_at + Duration::minutes(i64::from(s.duration_minutes));
        let viewer = self.viewer_zone_for(zone);
        SessionTimes {
            local: format_datetime(&at, self.locale),
            zone: zone_name(zone, self.locale),
            viewer: viewer.map(|v| format_datetime(&s.starts_at.with_timezone(&v.0), self.locale)),
            viewer_zone: viewer.map(|v| zone_name(v, self.locale)),
            end: format_time(&end.with_timezone(&zone.0), self.locale),
            viewer_end: viewer.map(|v| format_time(&end.with_timezone(&v.0), self.locale)),
            iso: s.starts_at.to_rfc3339(),
        }
    }

    /// A time of the session's day (an agenda item), in the zone its start is shown in
    /// first: the viewer's when known.
    pub fn clock_for(&self, s: &SessionView, at: &DateTime<Utc>) -> String {
        let zone = self.viewer_zone_for(s.timezone).unwrap_or(s.timezone);
        format_time(&at.with_timezone(&zone.0), self.locale)
    }

    /// "in French, interpreted into Arabic and English"; `None` when the languages are
    /// not known.
    pub fn languages_line(&self, s: &SessionView) -> Option<String> {
        Some(languages_line(self.locale, &s.spoken()?))
    }

    /// The countdown of a session that starts within a day.
    pub fn countdown(&self, s: &SessionView) -> Option<Countdown> {
        let left = s.starts_at - Utc::now();
        if left <= Duration::zero() || left > Duration::days(1) {
            return None;
        }
        let minutes = left.num_minutes();
        let text = |h: Arg, m: Arg| {
            catalog().html(
                self.locale,
                "session-countdown",
                &[("hours", h), ("minutes", m)],
            )
        };
        Some(Countdown {
            text: text(Arg::from(minutes / 60), Arg::from(minutes % 60)),
            template: catalog().plain(
                self.locale,
                "session-countdown",
                &[("hours", Arg::from("{h}")), ("minutes", Arg::from("{m}"))],
            ),
            iso: s.starts_at.to_rfc3339(),
        })
    }
}
