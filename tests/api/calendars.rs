//! Calendars: the programme feed per language parses as iCalendar and follows a moved or
//! cancelled session; one session's `.ics`; a registrant's own feed from the manage link;
//! "add to calendar" links on the page and in the confirmation mail.

use icalendar::{Calendar, Component as _, EventStatus};
use reqwest::Method;
use serde_json::json;

use crate::helpers::registrations::{confirm, last_segment, register_and_get_token};
use crate::helpers::speakers::{AGENDA_FIRST, with_people};
use crate::helpers::staff::{api, create_session, staff};
use crate::helpers::{TestApp, spawn_app};

async fn feed(app: &TestApp, path: &str) -> Calendar {
    let res = app.get(path).await;
    assert_eq!(res.status(), 200, "{path}");
    assert_eq!(
        res.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let text = res.text().await.unwrap();
    text.parse::<Calendar>()
        .unwrap_or_else(|e| panic!("{path} is not iCalendar: {e}\n{text}"))
}

fn event_of(cal: &Calendar, session: i64) -> &icalendar::Event {
    let uid = format!("session-{session}@");
    cal.events()
        .find(|e| e.get_uid().is_some_and(|u| u.starts_with(&uid)))
        .unwrap_or_else(|| panic!("session {session} in the feed"))
}

fn start_of(e: &icalendar::Event) -> String {
    format!("{:?}", e.get_start().expect("DTSTART"))
}

#[tokio::test]
async fn the_programme_feed_follows_a_moved_and_a_cancelled_session() {
    let app = spawn_app().await;
    let token = staff(&app, "feed@convive.test", "organiser");
    let id = create_session(&app, &token).await;
    let before = feed(&app, "/en/programme.ics").await;
    assert!(before.events().count() > 5, "the whole programme");
    let event = event_of(&before, id);
    assert_eq!(event.get_summary(), Some("Fight against food waste"));
    assert_eq!(event.get_status(), Some(EventStatus::Confirmed));
    let (start, sequence) = (start_of(event), event.get_sequence());
    assert!(start.contains("2030-03-14T09:00:00"), "{start}");

    let moved = api(
        &app,
        &token,
        Method::PUT,
        &format!("/api/v1/admin/sessions/{id}"),
        json!({
            "starts_at": "2030-03-15T13:30:00Z", "timezone": "Africa/Casablanca",
            "duration_minutes": 90, "capacity": 2, "meeting_url": "https://meet.example.org/waste",
            "languages": ["fr", "ar"]
        }),
    )
    .await;
    assert_eq!(moved.status(), 200);
    let after = feed(&app, "/en/programme.ics").await;
    let event = event_of(&after, id);
    assert!(
        start_of(event).contains("2030-03-15T13:30:00"),
        "moved: {}",
        start_of(event)
    );
    assert!(event.get_sequence() > sequence, "SEQUENCE grows");
    assert!(
        event
            .get_description()
            .unwrap()
            .contains("in French, interpreted into Arabic")
    );

    let cancelled = api(
        &app,
        &token,
        Method::POST,
        &format!("/api/v1/admin/sessions/{id}/cancel"),
        json!({}),
    )
    .await;
    assert!(cancelled.status().is_success());
    let after = feed(&app, "/en/programme.ics").await;
    assert_eq!(
        event_of(&after, id).get_status(),
        Some(EventStatus::Cancelled)
    );
}

#[tokio::test]
async fn each_language_has_its_feed_and_the_list_offers_it() {
    let app = spawn_app().await;
    let ar = feed(&app, "/ar/programme.ics").await;
    assert!(
        ar.events()
            .any(|e| e.get_summary() == Some("مكافحة هدر الطعام"))
    );
    let html = app.get_text("/fr/webinars").await;
    assert!(html.contains("href=\"webcal://"), "webcal link");
    assert!(html.contains("/fr/programme.ics"), "https link");
}

#[tokio::test]
async fn a_session_file_has_the_agenda_and_the_page_links_to_calendars() {
    let app = spawn_app().await;
    let people = with_people(&app).await;
    let cal = feed(
        &app,
        &format!("/en/sessions/{}/calendar.ics", people.session_id),
    )
    .await;
    let event = event_of(&cal, people.session_id);
    let description = event.get_description().unwrap();
    assert!(description.contains(AGENDA_FIRST), "{description}");
    assert!(description.contains("Amina Benali"), "{description}");
    let html = app.get_text("/en/webinars/fight-food-waste").await;
    assert!(html.contains("https://calendar.google.com/calendar/render?action=TEMPLATE"));
    assert!(html.contains("https://outlook.live.com/calendar/"));
    assert!(html.contains(&format!("/en/sessions/{}/calendar.ics", people.session_id)));
    assert_eq!(
        app.get("/en/sessions/999999/calendar.ics").await.status(),
        404
    );
}

#[tokio::test]
async fn a_registrant_subscribes_to_their_own_sessions_from_the_mail() {
    let app = spawn_app().await;
    let session = crate::helpers::speakers::first_session(&app).await;
    let email = "maire@sfax.tn";
    let token = register_and_get_token(&app, session, email, "fr").await;
    confirm(&app, &token).await;
    let mails = app.smtp.wait_for(email, 2).await;
    let mail = mails.last().unwrap();
    let html = mail.html();
    assert!(html.contains("Ajouter à Google Agenda") && html.contains("Ajouter à Outlook"));
    let text = mail.text();
    let links: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.starts_with("http"))
        .collect();
    let ics_link = links
        .iter()
        .find(|l| l.contains("/sessions/") && l.ends_with("/calendar.ics"))
        .expect("the session's .ics");
    let mine = links
        .iter()
        .find(|l| l.contains("/registrations/") && l.ends_with("/calendar.ics"))
        .expect("my sessions feed");
    let path = |l: &str| {
        l.split_once("://")
            .unwrap()
            .1
            .split_once('/')
            .unwrap()
            .1
            .to_owned()
    };
    let cal = feed(&app, &format!("/{}", path(mine))).await;
    assert_eq!(cal.events().count(), 1);
    event_of(&cal, session);
    assert!(
        feed(&app, &format!("/{}", path(ics_link)))
            .await
            .events()
            .count()
            >= 1
    );
    let manage = last_segment(mine.trim_end_matches("/calendar.ics"));
    let page = app.get_text(&format!("/fr/registrations/{manage}")).await;
    assert!(page.contains(&format!("/fr/registrations/{manage}/calendar.ics")));
    // Cancelled from the manage link: the feed marks it cancelled.
    let csrf = crate::helpers::pages::csrf_of(&page);
    let res = crate::helpers::pages::post(
        &app,
        &format!("/fr/registrations/{manage}"),
        &[("csrf", &csrf), ("action", "cancel")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let cal = feed(&app, &format!("/{}", path(mine))).await;
    assert_eq!(
        event_of(&cal, session).get_status(),
        Some(EventStatus::Cancelled)
    );
    assert_eq!(
        app.get("/fr/registrations/not-a-token/calendar.ics")
            .await
            .status(),
        404
    );
}
