//! Calendar invitations (.ics, RFC 5545 / iTIP): REQUEST with a stable UID and an
//! increasing SEQUENCE when a seat is confirmed or a session changes, CANCEL when a
//! registration is cancelled. Subscribed feeds (PUBLISH) of the same events: the
//! programme of one language, or one registrant's sessions. Plus "add to Google /
//! Outlook" links for the mail body and the pages.

use chrono::{DateTime, Duration, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, EventStatus, Property, Trigger};

pub struct Invite<'a> {
    /// Stable for one registration: `registration-{id}@{domain}`.
    pub uid: String,
    pub sequence: i32,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub summary: &'a str,
    pub description: &'a str,
    /// Where to join or manage (a URL).
    pub location: &'a str,
    pub organiser_name: &'a str,
    pub organiser_email: &'a str,
    pub attendee_name: &'a str,
    pub attendee_email: &'a str,
    pub cancelled: bool,
}

fn single_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// One event of a subscribed feed.
pub struct FeedEvent {
    /// Stable for one session: `session-{id}@{domain}`.
    pub uid: String,
    pub sequence: i32,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub summary: String,
    pub description: String,
    /// The session's page.
    pub url: String,
    pub cancelled: bool,
}

/// What an invitation and a feed event share: UID, times, texts, SEQUENCE and status.
#[allow(clippy::too_many_arguments)]
fn event(
    uid: &str,
    sequence: i32,
    starts_at: DateTime<Utc>,
    duration_minutes: i32,
    summary: &str,
    description: &str,
    location: &str,
    cancelled: bool,
) -> Event {
    let end = starts_at + Duration::minutes(i64::from(duration_minutes));
    let mut event = Event::new();
    event
        .uid(uid)
        .summary(&single_line(summary))
        .description(description)
        .location(&single_line(location))
        .starts(starts_at)
        .ends(end)
        .timestamp(Utc::now())
        .sequence(u32::try_from(sequence).unwrap_or(0))
        .status(if cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    event
}

/// A calendar a calendar app subscribes to (METHOD:PUBLISH), named `name`; apps poll it
/// again, so a moved or cancelled session shows there by itself.
pub fn feed(name: &str, events: &[FeedEvent]) -> String {
    let mut refresh = Property::new("REFRESH-INTERVAL", "PT6H");
    refresh.add_parameter("VALUE", "DURATION");
    let mut calendar = Calendar::new();
    calendar
        .name(&single_line(name))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .append_property(refresh)
        .append_property(Property::new("X-PUBLISHED-TTL", "PT6H"));
    for e in events {
        let mut ev = event(
            &e.uid,
            e.sequence,
            e.starts_at,
            e.duration_minutes,
            &e.summary,
            &e.description,
            &e.url,
            e.cancelled,
        );
        ev.url(&e.url);
        calendar.push(ev.done());
    }
    calendar.to_string()
}

pub fn ics(invite: &Invite) -> String {
    let mut event = event(
        &invite.uid,
        invite.sequence,
        invite.starts_at,
        invite.duration_minutes,
        invite.summary,
        invite.description,
        invite.location,
        invite.cancelled,
    );
    let mut organizer = Property::new("ORGANIZER", format!("mailto:{}", invite.organiser_email));
    organizer.add_parameter("CN", &single_line(invite.organiser_name));
    event.append_property(organizer);
    let mut attendee = Property::new("ATTENDEE", format!("mailto:{}", invite.attendee_email));
    attendee.add_parameter("CN", &single_line(invite.attendee_name));
    attendee.add_parameter("ROLE", "REQ-PARTICIPANT");
    attendee.add_parameter("RSVP", "FALSE");
    event.append_property(attendee);
    if !invite.cancelled {
        event.alarm(Alarm::display(
            &single_line(invite.summary),
            Trigger::before_start(Duration::minutes(30)),
        ));
    }
    let mut calendar = Calendar::new();
    calendar
        .append_property(Property::new(
            "METHOD",
            if invite.cancelled {
                "CANCEL"
            } else {
                "REQUEST"
            },
        ))
        .push(event.done());
    calendar.to_string()
}

fn encode(s: &str) -> String {
    // RFC 3986 unreserved characters stay; everything else is percent-encoded.
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn google_link(summary: &str, details: &str, starts_at: DateTime<Utc>, minutes: i32) -> String {
    let end = starts_at + Duration::minutes(i64::from(minutes));
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}",
        encode(summary),
        starts_at.format("%Y%m%dT%H%M%SZ"),
        end.format("%Y%m%dT%H%M%SZ"),
        encode(details)
    )
}

pub fn outlook_link(
    summary: &str,
    details: &str,
    starts_at: DateTime<Utc>,
    minutes: i32,
) -> String {
    let end = starts_at + Duration::minutes(i64::from(minutes));
    format!(
        "https://outlook.live.com/calendar/0/deeplink/compose?path=/calendar/action/compose&rru=addevent&subject={}&startdt={}&enddt={}&body={}",
        encode(summary),
        encode(&starts_at.to_rfc3339()),
        encode(&end.to_rfc3339()),
        encode(details)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn invite(cancelled: bool) -> Invite<'static> {
        Invite {
            uid: "registration-7@convive.example".into(),
            sequence: 2,
            starts_at: Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).unwrap(),
            duration_minutes: 90,
            summary: "Fight against food waste",
            description: "Webinar",
            location: "https://convive.example/en/registrations/x",
            organiser_name: "Convive",
            organiser_email: "no-reply@convive.example",
            attendee_name: "Amina Benali",
            attendee_email: "amina@example.org",
            cancelled,
        }
    }

    #[test]
    fn request_has_uid_sequence_alarm_and_utc_times() {
        let ics = ics(&invite(false));
        for needle in [
            "METHOD:REQUEST",
            "UID:registration-7@convive.example",
            "SEQUENCE:2",
            "DTSTART:20261210T090000Z",
            "DTEND:20261210T103000Z",
            "BEGIN:VALARM",
            "ORGANIZER;CN=Convive:mailto:no-reply@convive.example",
        ] {
            assert!(ics.contains(needle), "{needle} missing in\n{ics}");
        }
    }

    #[test]
    fn cancel_keeps_the_uid() {
        let ics = ics(&invite(true));
        assert!(ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED"));
        assert!(ics.contains("UID:registration-7@convive.example"));
    }

    #[test]
    fn a_feed_publishes_every_event_with_its_status() {
        let at = Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).unwrap();
        let one = |id: i64, cancelled| FeedEvent {
            uid: format!("session-{id}@convive.example"),
            sequence: 3,
            starts_at: at,
            duration_minutes: 60,
            summary: "Food waste".into(),
            description: "Agenda".into(),
            url: "https://convive.example/en/webinars/food#session-1".into(),
            cancelled,
        };
        let feed = feed("Convive", &[one(1, false), one(2, true)]);
        assert!(feed.contains("METHOD:PUBLISH") && feed.contains("X-WR-CALNAME:Convive"));
        assert_eq!(feed.matches("BEGIN:VEVENT").count(), 2);
        assert!(
            feed.contains("UID:session-2@convive.example") && feed.contains("STATUS:CANCELLED")
        );
        assert!(!feed.contains("ATTENDEE"), "a public feed names nobody");
    }

    #[test]
    fn calendar_links_carry_utc_times() {
        let at = Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).unwrap();
        let g = google_link("Food & waste", "x", at, 60);
        assert!(
            g.contains("dates=20261210T090000Z/20261210T100000Z")
                && g.contains("Food%20%26%20waste")
        );
        assert!(outlook_link("a", "b", at, 60).starts_with("https://outlook.live.com/"));
    }
}
