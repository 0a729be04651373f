//! Reminders across daylight-saving changes: for the next two offset changes of several
//! zones (Paris, New York, Casablanca's Ramadan switch, Beirut), a session at 10:00 local
//! just after the change gets its 24 h reminder exactly 24 h before in UTC (another wall
//! time that day), its 1 h reminder once, nothing after the start, and after a downtime
//! only the closest reminder.

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use convive::db::models::NewSession;
use convive::db::schema::{outbox, registrations, sessions, webinars};
use convive::services::registrations::reminders::queue_due_reminders;
use diesel::prelude::*;

use crate::helpers::{TestApp, registrations::Stored, spawn_app};

/// The next instants (after `from`) at which the zone's UTC offset changes.
fn offset_changes(zone: Tz, from: DateTime<Utc>, count: usize) -> Vec<DateTime<Utc>> {
    let offset = |t: DateTime<Utc>| t.with_timezone(&zone).offset().fix();
    let mut found = vec![];
    let mut t = from;
    while found.len() < count && t < from + Duration::days(800) {
        let next = t + Duration::hours(1);
        if offset(next) != offset(t) {
            found.push(next);
        }
        t = next;
    }
    found
}

fn add_session(app: &TestApp, zone: Tz, starts_at: DateTime<Utc>) -> i64 {
    let mut conn = app.db.conn().unwrap();
    let webinar: i64 = webinars::table
        .select(webinars::id)
        .first(&mut *conn)
        .unwrap();
    let now = Utc::now().naive_utc();
    diesel::insert_into(sessions::table)
        .values(NewSession {
            webinar_id: webinar,
            starts_at: starts_at.naive_utc(),
            timezone: zone.name(),
            duration_minutes: 60,
            capacity: 10,
            meeting_url: "https://meet.example.org/dst",
            languages: "fr",
            reminder_offsets: "1440,60",
            published: true,
            created_at: now,
            updated_at: now,
        })
        .returning(sessions::id)
        .get_result(&mut *conn)
        .unwrap()
}

fn confirmed(app: &TestApp, session: i64, email: &str, zone: &str) {
    Stored {
        full_name: "Rim".to_owned(),
        country: "LB",
        locale: "en",
        timezone: zone,
        ..Stored::new(session, email, "confirmed")
    }
    .insert(app);
}

fn queue(app: &TestApp, at: NaiveDateTime) -> usize {
    let mut conn = app.db.conn().unwrap();
    queue_due_reminders(&mut conn, at).unwrap()
}

/// The offsets (minutes before) of the reminders queued for an address.
fn reminders_to(app: &TestApp, email: &str) -> Vec<i64> {
    let mut conn = app.db.conn().unwrap();
    outbox::table
        .filter(outbox::recipient.eq(email))
        .filter(outbox::kind.eq("session_reminder"))
        .order(outbox::id)
        .select(outbox::payload)
        .load::<String>(&mut *conn)
        .unwrap()
        .iter()
        .map(|p| {
            serde_json::from_str::<serde_json::Value>(p).unwrap()["minutes_before"]
                .as_i64()
                .unwrap()
        })
        .collect()
}

#[tokio::test]
async fn reminders_are_computed_in_utc_across_daylight_saving_changes() {
    let app = spawn_app().await;
    let second = Duration::seconds(1);
    let mut checked = 0;
    for zone in [
        chrono_tz::Europe::Paris,
        chrono_tz::America::New_York,
        chrono_tz::Africa::Casablanca,
        chrono_tz::Asia::Beirut,
    ] {
        for change in offset_changes(zone, Utc::now() + Duration::days(3), 2) {
            // 10:00 local on the first morning after the change.
            let ten = |day: chrono::NaiveDate| {
                zone.from_local_datetime(&day.and_hms_opt(10, 0, 0).unwrap())
                    .single()
                    .expect("10:00 exists")
                    .with_timezone(&Utc)
            };
            let day = change.with_timezone(&zone).date_naive();
            let start = Some(ten(day))
                .filter(|s| *s > change)
                .unwrap_or_else(|| ten(day.succ_opt().unwrap()));
            let day_before = start - Duration::hours(24);
            assert_ne!(
                day_before.with_timezone(&zone).hour(),
                10,
                "{zone}: 24 h before is another wall time across the change"
            );
            let session = add_session(&app, zone, start);
            let email = format!("dst-{checked}@example.org");
            confirmed(&app, session, &email, "America/Montreal");
            let n = |t: DateTime<Utc>| t.naive_utc();
            assert_eq!(queue(&app, n(day_before - second)), 0, "{zone}: not yet");
            assert_eq!(queue(&app, n(day_before)), 1, "{zone}: 24 h before, in UTC");
            assert_eq!(
                queue(&app, n(day_before + Duration::minutes(5))),
                0,
                "{zone}: once"
            );
            let hour_before = start - Duration::hours(1);
            assert_eq!(queue(&app, n(hour_before - second)), 0);
            assert_eq!(queue(&app, n(hour_before)), 1, "{zone}: 1 h before");
            assert_eq!(queue(&app, n(hour_before)), 0);
            assert_eq!(reminders_to(&app, &email), [1440, 60]);

            // The worker was down through both: only the 1 h reminder, once.
            let late = format!("dst-late-{checked}@example.org");
            confirmed(&app, session, &late, zone.name());
            assert_eq!(queue(&app, n(start - Duration::minutes(20))), 1);
            assert_eq!(queue(&app, n(start - Duration::minutes(10))), 0);
            assert_eq!(reminders_to(&app, &late), [60]);

            // Down until after the start: nothing is sent late.
            let missed = format!("dst-missed-{checked}@example.org");
            confirmed(&app, session, &missed, zone.name());
            assert_eq!(queue(&app, n(start + second)), 0);
            assert!(reminders_to(&app, &missed).is_empty());
            let mut conn = app.db.conn().unwrap();
            diesel::update(registrations::table.filter(registrations::email.eq(&missed)))
                .set(registrations::status.eq("cancelled"))
                .execute(&mut *conn)
                .unwrap();
            checked += 1;
        }
    }
    assert_eq!(checked, 8, "two changes in each of four zones");
    // The reminders are real mails, with the join link.
    let mails = app.smtp.wait_for("dst-0@example.org", 2).await;
    assert!(mails.iter().all(|m| m.subject().starts_with("Reminder:")));
    assert!(mails[0].link_containing("/join/").is_some());
}
