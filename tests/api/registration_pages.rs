//! Registering through the pages as a person would, in each language, with every mail
//! read from the SMTP receiver; the manage page (switch session, change language); the
//! invitation link pre-filling the form; and the join link never public.

use convive::db::schema::{registrations, sessions};
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::helpers::{
    TestApp,
    mailbox::path_of,
    pages::{csrf_of, post},
    registrations::{confirm, last_segment, register_and_get_token, small_session, status_of},
    spawn_app,
    staff::{api, staff},
};

/// Fills and sends the registration form at `path`; returns the answer page.
async fn fill_form(app: &TestApp, path: &str, email: &str, lang: &str) -> String {
    let page = app.get_text(path).await;
    let csrf = csrf_of(&page);
    let res = post(
        app,
        path,
        &[
            ("csrf", csrf.as_str()),
            ("full_name", "Leïla Haddad"),
            ("email", email),
            ("organisation", "Municipalité de Beyrouth"),
            ("function", "elected_official"),
            ("territory", "Beyrouth"),
            ("country", "LB"),
            ("locale", lang),
            ("timezone", "Asia/Beirut"),
            ("consent", "on"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    res.text().await.unwrap()
}

/// (language, start of the confirmation request's subject, status text on the manage page,
/// start of the cancellation's subject)
const LANGUAGES: [(&str, &str, &str, &str); 3] = [
    (
        "fr",
        "Confirmez votre inscription",
        "Confirmée",
        "Inscription annulée",
    ),
    (
        "en",
        "Confirm your registration",
        "Confirmed",
        "Registration cancelled",
    ),
    ("ar", "أكّد تسجيلك", "مؤكَّد", "تم إلغاء التسجيل"),
];

#[tokio::test]
async fn the_whole_flow_through_the_pages_in_each_language() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    {
        let mut conn = app.db.conn().unwrap();
        diesel::update(sessions::table.find(session))
            .set(sessions::capacity.eq(10))
            .execute(&mut *conn)
            .unwrap();
    }
    for (lang, subject, status, cancelled) in LANGUAGES {
        let email = format!("flow-{lang}@example.org");
        let sent = fill_form(
            &app,
            &format!("/{lang}/sessions/{session}/register"),
            &email,
            lang,
        )
        .await;
        assert!(sent.contains(&format!("lang=\"{lang}\"")));
        let request = &app.smtp.wait_for(&email, 1).await[0];
        assert!(
            request.subject().starts_with(subject),
            "{}",
            request.subject()
        );
        assert!(request.html().contains(&format!("lang=\"{lang}\"")));

        // The link opens a page with one button; only the POST confirms.
        let confirm_path = path_of(&request.link_containing("/registrations/confirm/").unwrap());
        assert!(confirm_path.starts_with(&format!("/{lang}/")));
        let page = app.get_text(&confirm_path).await;
        assert_eq!(status_of(&app, &email), "pending");
        let res = post(&app, &confirm_path, &[("csrf", &csrf_of(&page))]).await;
        assert_eq!(res.status(), 200);
        assert_eq!(status_of(&app, &email), "confirmed");

        let mails = app.smtp.wait_for(&email, 2).await;
        let ics = mails[1].attachment("text/calendar").expect(".ics");
        assert!(ics.contains("METHOD:REQUEST"));
        let manage = path_of(&mails[1].link_containing("/registrations/").unwrap());
        let join = mails[1].link_containing("/join/").unwrap();
        let page = app.get_text(&manage).await;
        assert!(page.contains(status) && page.contains(&join), "{page}");
        if lang == "ar" {
            assert!(page.contains("dir=\"rtl\"") && page.contains("<bdi>Leïla Haddad</bdi>"));
        }

        let res = post(
            &app,
            &manage,
            &[("csrf", &csrf_of(&page)), ("action", "cancel")],
        )
        .await;
        assert_eq!(res.status(), 303);
        let mails = app.smtp.wait_for(&email, 3).await;
        assert!(
            mails[2].subject().starts_with(cancelled),
            "{}",
            mails[2].subject()
        );
        assert!(
            mails[2]
                .attachment("text/calendar")
                .unwrap()
                .contains("METHOD:CANCEL")
        );
        assert_eq!(status_of(&app, &email), "cancelled");
    }
}

#[tokio::test]
async fn the_manage_page_switches_session_and_changes_the_language() {
    let app = spawn_app().await;
    let small = small_session(&app).await;
    let w = app.get_json("/api/v1/webinars/fight-food-waste").await;
    let other = w["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .find(|id| *id != small)
        .expect("a second session");
    let token = register_and_get_token(&app, small, "switch@example.org", "fr").await;
    confirm(&app, &token).await;
    let mails = app.smtp.wait_for("switch@example.org", 2).await;
    let manage = path_of(&mails[1].link_containing("/registrations/").unwrap());
    let page = app.get_text(&manage).await;
    assert!(page.contains(&format!("<option value=\"{other}\"")));

    let res = post(
        &app,
        &manage,
        &[
            ("csrf", &csrf_of(&page)),
            ("action", "switch"),
            ("session_id", &other.to_string()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let mails = app.smtp.wait_for("switch@example.org", 3).await;
    assert!(mails[2].subject().starts_with("Votre place est confirmée"));
    let seats = |s: Value| s["seats_left"].as_i64().unwrap();
    assert_eq!(
        seats(app.get_json(&format!("/api/v1/sessions/{small}")).await),
        2
    );
    let view = app
        .get_json(&format!("/api/v1/registrations/{}", last_segment(&manage)))
        .await;
    assert_eq!(view["session"]["id"], other);

    let page = app.get_text(&manage).await;
    let res = post(
        &app,
        &manage,
        &[
            ("csrf", &csrf_of(&page)),
            ("action", "language"),
            ("locale", "ar"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("/ar/registrations/"), "{to}");
    let page = app.get_text(&to).await;
    assert!(page.contains("<option value=\"ar\" selected>"));
    // The next mail speaks Arabic.
    let res = post(
        &app,
        &to,
        &[("csrf", &csrf_of(&page)), ("action", "cancel")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let mails = app.smtp.wait_for("switch@example.org", 4).await;
    assert!(
        mails[3].subject().starts_with("تم إلغاء التسجيل"),
        "{}",
        mails[3].subject()
    );
}

#[tokio::test]
async fn an_invitation_link_prefills_the_form_and_the_registration_counts_for_it() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = small_session(&app).await;
    let csv = "email;name;language;organisation;country\n\
               nadia@rabat.example.ma;Nadia Alaoui;ar;Commune de Rabat;MA\n";
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/campaigns",
        json!({"session_id": session, "contacts_csv": csv}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let send = format!("/api/v1/admin/campaigns/{id}/send");
    api(&app, &token, reqwest::Method::POST, &send, json!({})).await;
    let mail = &app.smtp.wait_for("nadia@rabat.example.ma", 1).await[0];
    let invitation = path_of(&mail.link_containing("/invitations/").unwrap());
    let page = app.get_text(&invitation).await;
    let form_path = page
        .split("href=\"")
        .map(|s| s.split('"').next().unwrap())
        .find(|h| h.contains("/register?invitation="))
        .expect("a link to the pre-filled form")
        .replace("&amp;", "&");

    let form = app.get_text(&form_path).await;
    for expected in [
        "value=\"Nadia Alaoui\"",
        "value=\"nadia@rabat.example.ma\"",
        "value=\"Commune de Rabat\"",
        "<option value=\"MA\" selected>",
        "<option value=\"ar\" selected>",
    ] {
        assert!(form.contains(expected), "{expected} missing");
    }
    // A forged or unknown invitation leaves the form empty, and no error.
    let blank = app
        .get_text(&format!("/fr/sessions/{session}/register?invitation=nope"))
        .await;
    assert!(!blank.contains("nadia@"));

    let csrf = csrf_of(&form);
    let action = form_path.split('?').next().unwrap();
    let res = post(
        &app,
        action,
        &[
            ("csrf", csrf.as_str()),
            ("full_name", "Nadia Alaoui"),
            ("email", "nadia@rabat.example.ma"),
            ("organisation", "Commune de Rabat"),
            ("function", "civil_servant"),
            ("territory", "Rabat"),
            ("country", "MA"),
            ("locale", "ar"),
            ("timezone", "Africa/Casablanca"),
            ("consent", "on"),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let mut conn = app.db.conn().unwrap();
    let invitation_id: Option<i64> = registrations::table
        .filter(registrations::email.eq("nadia@rabat.example.ma"))
        .select(registrations::invitation_id)
        .first(&mut *conn)
        .unwrap();
    assert!(invitation_id.is_some());
    drop(conn);
    let campaign: Value = api(
        &app,
        &token,
        reqwest::Method::GET,
        &format!("/api/v1/admin/campaigns/{id}"),
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(campaign["funnel"]["registered"], 1, "{campaign}");
}

#[tokio::test]
async fn the_join_link_and_meeting_links_never_appear_in_public_pages_or_apis() {
    let app = spawn_app().await;
    let session = small_session(&app).await;
    let token = register_and_get_token(&app, session, "leak@example.org", "en").await;
    confirm(&app, &token).await;
    let mails = app.smtp.wait_for("leak@example.org", 2).await;
    let join = mails[1].link_containing("/join/").unwrap();
    let join_token = last_segment(&join);
    let meeting = app.client.get(&join).send().await.unwrap().headers()["location"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(meeting.starts_with("https://meet.example.org/"));

    let webinars = app.get_json("/api/v1/webinars").await;
    let mut paths = vec![
        "/api/v1/webinars".to_owned(),
        "/api/v1/modules".to_owned(),
        "/api/v1/openapi.json".to_owned(),
    ];
    for w in webinars.as_array().unwrap() {
        let slug = w["slug"].as_str().unwrap();
        paths.push(format!("/api/v1/webinars/{slug}"));
        paths.push(format!("/api/v1/webinars/{slug}/replays"));
        for s in w["sessions"].as_array().unwrap() {
            paths.push(format!("/api/v1/sessions/{}", s["id"]));
            for lang in ["fr", "en", "ar"] {
                paths.push(format!("/{lang}/sessions/{}/register", s["id"]));
            }
        }
        for lang in ["fr", "en", "ar"] {
            paths.push(format!("/{lang}/webinars/{slug}"));
        }
    }
    for lang in ["fr", "en", "ar"] {
        for p in ["/", "/webinars", "/modules", "/series/register"] {
            paths.push(format!("/{lang}{p}"));
        }
    }
    for path in &paths {
        let body = app.get_text(path).await;
        for secret in [join_token.as_str(), "/join/", "meet.example.org"] {
            assert!(!body.contains(secret), "{path} shows {secret}");
        }
    }
    assert!(paths.len() > 60, "{} paths scanned", paths.len());
}
