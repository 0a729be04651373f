//! The back office as an organiser uses it: a session created from the form in the
//! Africa/Casablanca zone, translations edited side by side, publish/unpublish seen on
//! the public pages, registrants filtered, attendance imported, exports opened back.

use chrono::{NaiveDate, TimeZone, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::helpers::{
    pages::{csrf_of, has_arabic, location, plain},
    registrations::registrant,
    spawn_app,
    staff::{api, create_session, log_in, staff},
};

#[tokio::test]
async fn a_session_is_created_from_the_form_in_casablanca_time() {
    let app = spawn_app().await;
    staff(&app, "orga@convive.test", "organiser");
    let b = log_in(&app, "orga@convive.test").await;
    let form = b
        .get_text("/fr/admin/webinars/fight-food-waste/sessions/new")
        .await;
    assert!(form.contains("<option selected>Africa/Casablanca</option>"));
    assert!(form.contains("<option>Europe/Paris</option>"));
    let csrf = csrf_of(&form);
    // Morocco keeps UTC+1 but goes back to UTC+0 during Ramadan (tzdata: from 7 February
    // to 14 March 2027): the same wall-clock time is a different instant.
    let zone: chrono_tz::Tz = "Africa/Casablanca".parse().unwrap();
    for (date, expected_utc) in [("2027-02-20", "10:00"), ("2027-04-15", "09:00")] {
        let res = b
            .post_form(
                "/fr/admin/webinars/fight-food-waste/sessions",
                &[
                    ("csrf", &csrf),
                    ("timezone", "Africa/Casablanca"),
                    ("date", date),
                    ("time", "10:00"),
                    ("duration_minutes", "90"),
                    ("capacity", "40"),
                    ("meeting_url", "https://meet.example.org/fez"),
                    ("lang_fr", "1"),
                    ("lang_ar", "1"),
                    ("reminders", "60, 1440"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
        let to = location(&res);
        let id: i64 = to
            .trim_start_matches("/fr/admin/sessions/")
            .trim_end_matches("?saved=1")
            .parse()
            .unwrap();
        let saved = plain(&b.get_text(&to).await);
        assert!(
            saved.contains(&format!("{date} {expected_utc} UTC")),
            "{saved}"
        );
        let s = app.get_json(&format!("/api/v1/sessions/{id}")).await;
        let starts = s["starts_at"].as_str().unwrap();
        assert!(
            starts.starts_with(&format!("{date}T{expected_utc}:00")),
            "{date}: {starts}"
        );
        // The same conversion as chrono-tz's rules, independently.
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        let local = zone
            .from_local_datetime(&d.and_hms_opt(10, 0, 0).unwrap())
            .unwrap();
        assert_eq!(
            starts,
            local
                .with_timezone(&Utc)
                .to_rfc3339()
                .replace("+00:00", "Z")
        );
        assert_eq!(s["languages"], json!(["fr", "ar"]));
        let mut conn = app.db.conn().unwrap();
        let s = convive::db::admin::session_by_id(&mut conn, id).unwrap();
        assert_eq!(s.reminder_offsets, "1440,60");
    }

    // Bad input: every field explained next to it, what was typed kept.
    let res = b
        .post_form(
            "/fr/admin/webinars/fight-food-waste/sessions",
            &[
                ("csrf", &csrf),
                ("timezone", "Africa/Casablanca"),
                ("date", "2027-02-30"),
                ("time", "25:00"),
                ("duration_minutes", "0"),
                ("capacity", "beaucoup"),
                ("meeting_url", "javascript:alert(1)"),
                ("reminders", "demain"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    for field in [
        "date",
        "duration_minutes",
        "capacity",
        "meeting_url",
        "reminders",
    ] {
        assert!(
            page.contains(&format!("id=\"f-{field}-error\"")),
            "{field} error shown"
        );
    }
    assert!(page.contains("value=\"beaucoup\""), "typed value kept");
    assert!(plain(&page).contains("Indiquez la date au format AAAA-MM-JJ."));
}

#[tokio::test]
async fn translations_are_edited_side_by_side_and_publishing_shows_or_hides_the_webinar() {
    let app = spawn_app().await;
    staff(&app, "orga@convive.test", "organiser");
    let b = log_in(&app, "orga@convive.test").await;
    let list = b.get_text("/fr/admin/webinars").await;
    let csrf = csrf_of(&list);
    let res = b
        .post_form(
            "/fr/admin/webinars",
            &[
                ("csrf", &csrf),
                ("slug", "school-canteens"),
                ("title_fr", "Cantines scolaires durables"),
                ("summary_fr", "Approvisionnement local des cantines."),
                ("title_en", "Sustainable school canteens"),
                ("summary_en", ""),
                ("title_ar", ""),
                ("summary_ar", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/fr/admin/webinars/school-canteens");
    let editor = plain(&b.get_text("/fr/admin/webinars/school-canteens").await);
    // Arabic is flagged missing, with what an Arabic reader sees instead.
    assert!(editor.contains("lang=\"ar\" dir=\"rtl\""));
    assert!(editor.contains("Manquant"));
    assert!(editor.contains(
        "Les visiteurs qui lisent cette langue voient le texte en français : « Cantines scolaires durables »"
    ));
    // Not published yet: not on the public pages.
    assert_eq!(app.get("/fr/webinars/school-canteens").await.status(), 404);
    assert!(
        !app.get_text("/fr/webinars")
            .await
            .contains("Cantines scolaires")
    );

    let publish = |published: &'static str| {
        let csrf = csrf.clone();
        let b = &b;
        async move {
            b.post_form(
                "/fr/admin/webinars/school-canteens/publish",
                &[("csrf", &csrf), ("published", published)],
            )
            .await
        }
    };
    assert_eq!(publish("1").await.status(), 303);
    assert!(
        app.get_text("/fr/webinars")
            .await
            .contains("Cantines scolaires durables")
    );
    let ar = app.get_text("/ar/webinars/school-canteens").await;
    assert!(
        ar.contains("Cantines scolaires durables"),
        "French fallback"
    );

    // The Arabic title is added: Arabic readers see it at once (cache invalidated).
    let res = b
        .post_form(
            "/fr/admin/webinars/school-canteens",
            &[
                ("csrf", &csrf),
                ("title_fr", "Cantines scolaires durables"),
                ("summary_fr", "Approvisionnement local des cantines."),
                ("title_en", "Sustainable school canteens"),
                ("summary_en", ""),
                ("title_ar", "مطاعم مدرسية مستدامة"),
                ("summary_ar", "تموين محلي للمطاعم المدرسية."),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(page.contains("Enregistré."));
    assert!(
        !page.contains("admin-lang admin-lang-missing"),
        "nothing missing"
    );
    let ar = app.get_text("/ar/webinars/school-canteens").await;
    assert!(ar.contains("مطاعم مدرسية مستدامة"));
    let json = app
        .get_json("/api/v1/webinars/school-canteens?lang=ar")
        .await;
    assert_eq!(json["title"], "مطاعم مدرسية مستدامة");

    // A title that is too long comes back with the error beside it, text kept.
    let long = "x".repeat(201);
    let res = b
        .post_form(
            "/en/admin/webinars/school-canteens",
            &[
                ("csrf", &csrf),
                ("title_fr", &long),
                ("title_en", "Canteens"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("id=\"f-title_fr-error\""));
    assert!(page.contains(&long));

    assert_eq!(publish("0").await.status(), 303);
    assert_eq!(app.get("/ar/webinars/school-canteens").await.status(), 404);
    assert_eq!(
        app.get("/api/v1/webinars/school-canteens").await.status(),
        404
    );

    // The JSON API does the same, and every change is in the audit log.
    let token = staff(&app, "api@convive.test", "organiser");
    let res = api(
        &app,
        &token,
        reqwest::Method::PATCH,
        "/api/v1/admin/webinars/school-canteens",
        json!({"published": true, "texts": {"en": {"title": "Canteens", "summary": ""}}}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let item: Value = res.json().await.unwrap();
    assert_eq!(item["published"], true);
    assert_eq!(
        app.get_json("/api/v1/webinars/school-canteens?lang=en")
            .await["title"],
        "Canteens"
    );
    let audit = b.get_text("/fr/admin/audit").await;
    for action in [
        "webinar.create",
        "webinar.edit",
        "webinar.publish",
        "webinar.unpublish",
    ] {
        assert!(audit.contains(action), "{action} audited");
    }
    assert!(audit.contains("orga@convive.test"));
}

#[tokio::test]
async fn rescheduling_and_cancelling_a_session_update_the_calendars() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    registrant(
        &app,
        session,
        ("amina@fes.example.ma", "Amina", "MA"),
        "confirmed",
    );
    {
        let mut conn = app.db.conn().unwrap();
        diesel::update(convive::db::schema::sessions::table.find(session))
            .set(convive::db::schema::sessions::confirmed_count.eq(1))
            .execute(&mut *conn)
            .unwrap();
    }
    let res = api(
        &app,
        &token,
        reqwest::Method::PUT,
        &format!("/api/v1/admin/sessions/{session}"),
        json!({"date": "2030-03-21", "time": "11:30", "timezone": "Africa/Casablanca",
               "duration_minutes": 60, "capacity": 2,
               "meeting_url": "https://meet.example.org/waste", "languages": ["ar"]}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["rescheduled"], 1);
    let mails = app.smtp.wait_for("amina@fes.example.ma", 1).await;
    assert!(
        has_arabic(&mails[0].subject()),
        "in the registrant's language"
    );
    let ics = mails[0].attachment("text/calendar").unwrap();
    assert!(ics.contains("METHOD:REQUEST"));
    assert!(ics.contains("DTSTART:20300321T103000Z"), "{ics}");

    let b = log_in(&app, "orga@convive.test").await;
    let page = b.get_text(&format!("/fr/admin/sessions/{session}")).await;
    assert!(page.contains("value=\"11:30\""));
    let res = b
        .post_form(
            &format!("/fr/admin/sessions/{session}/cancel"),
            &[("csrf", csrf_of(&page).as_str())],
        )
        .await;
    assert_eq!(res.status(), 303);
    let mails = app.smtp.wait_for("amina@fes.example.ma", 2).await;
    assert!(
        mails[1]
            .attachment("text/calendar")
            .unwrap()
            .contains("METHOD:CANCEL")
    );
    assert_eq!(
        app.get(&format!("/api/v1/sessions/{session}"))
            .await
            .status(),
        404,
        "gone from the programme"
    );
    let page = b.get_text(&format!("/fr/admin/sessions/{session}")).await;
    assert!(page.contains("Annulée"));
}
