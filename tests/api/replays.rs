use convive::db::schema::{replays, sessions, webinars};
use convive::services::content::replays::notify_replay_published;
use diesel::prelude::*;

use crate::helpers::{mailbox::outbox_rows, registrations::Stored, spawn_app, visitor::Browser};

#[tokio::test]
async fn a_replay_in_arabic_with_arabic_captions() {
    let app = spawn_app().await;
    let me = Browser::of(&app);
    let html = me.get_text("/ar/webinars/fight-food-waste").await;
    assert!(html.contains(r#"<video class="video" controls preload="metadata" src="/assets/video/sample.webm" lang="ar">"#), "{html}");
    assert!(html.contains(r#"<track kind="captions" src="/assets/video/sample.ar.vtt" srclang="ar" label="العربية" default>"#));
    assert!(html.contains(r#"srclang="fr""#) && html.contains(r#"srclang="en""#));
    assert!(
        !html.contains("class=\"fallback\" role=\"note\""),
        "no fallback notice"
    );
    // Other versions can be chosen.
    let en = me
        .get_text("/ar/webinars/fight-food-waste?version=en")
        .await;
    assert!(en.contains(r#"lang="en">"#));
    assert!(
        en.contains(r#"srclang="ar" label="العربية" default"#),
        "captions stay Arabic"
    );
}

#[tokio::test]
async fn the_replay_falls_back_to_another_language_and_says_so() {
    let app = spawn_app().await;
    {
        let mut conn = app.db.conn().unwrap();
        let id: i64 = webinars::table
            .filter(webinars::slug.eq("fight-food-waste"))
            .select(webinars::id)
            .first(&mut *conn)
            .unwrap();
        diesel::delete(
            replays::table
                .filter(replays::webinar_id.eq(id))
                .filter(replays::locale.ne("en")),
        )
        .execute(&mut *conn)
        .unwrap();
        diesel::update(replays::table.filter(replays::webinar_id.eq(id)))
            .set(replays::video_url.eq("https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
            .execute(&mut *conn)
            .unwrap();
    }
    let html = Browser::of(&app)
        .get_text("/fr/webinars/fight-food-waste")
        .await;
    assert!(html.contains("Ce replay n’existe pas encore dans votre langue"));
    assert!(html.contains(
        r#"<iframe class="video" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ""#
    ));
    let api = app
        .get_json("/api/v1/webinars/fight-food-waste/replays?lang=fr")
        .await;
    assert_eq!(api[0]["locale"], "en");
}

#[tokio::test]
async fn publishing_a_replay_mails_each_registrant_in_their_language() {
    let app = spawn_app().await;
    let mut conn = app.db.conn().unwrap();
    let webinar_id: i64 = webinars::table
        .filter(webinars::slug.eq("fight-food-waste"))
        .select(webinars::id)
        .first(&mut *conn)
        .unwrap();
    let session_ids: Vec<i64> = sessions::table
        .filter(sessions::webinar_id.eq(webinar_id))
        .select(sessions::id)
        .load(&mut *conn)
        .unwrap();
    let other_webinar_session: i64 = sessions::table
        .filter(sessions::webinar_id.ne(webinar_id))
        .select(sessions::id)
        .first(&mut *conn)
        .unwrap();
    let people = [
        (
            "attended@ville.example",
            "ar",
            "confirmed",
            true,
            session_ids[0],
        ),
        (
            "absent@ville.example",
            "en",
            "confirmed",
            false,
            session_ids[0],
        ),
        (
            "waiting@ville.example",
            "fr",
            "waitlisted",
            false,
            session_ids[0],
        ),
        (
            "cancelled@ville.example",
            "fr",
            "cancelled",
            false,
            session_ids[0],
        ),
        (
            "pending@ville.example",
            "fr",
            "pending",
            false,
            session_ids[0],
        ),
        (
            "elsewhere@ville.example",
            "fr",
            "confirmed",
            true,
            other_webinar_session,
        ),
    ];
    for (i, (email, locale, status, attended, session)) in people.iter().enumerate() {
        Stored {
            full_name: "Someone".to_owned(),
            organisation: "Ville".to_owned(),
            territory: "Sfax",
            country: "TN",
            locale,
            timezone: "Africa/Tunis",
            consent_version: "2026-11",
            attended: *attended,
            token_seed: i.to_string(),
            ..Stored::new(*session, email, status)
        }
        .insert_on(&mut conn);
    }
    let queued = notify_replay_published(&mut conn, webinar_id).unwrap();
    assert_eq!(queued, 3);
    let mut mails: Vec<(String, String, bool)> = outbox_rows(&app)
        .into_iter()
        .map(|(kind, to, locale, payload)| {
            assert_eq!(kind, "replay_available");
            assert!(payload["registration_id"].as_i64().is_some());
            (to, locale, payload["attended"].as_bool().unwrap())
        })
        .collect();
    mails.sort();
    assert_eq!(
        mails,
        [
            ("absent@ville.example".into(), "en".into(), false),
            ("attended@ville.example".into(), "ar".into(), true),
            ("waiting@ville.example".into(), "fr".into(), false),
        ]
    );
}
