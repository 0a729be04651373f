use convive::db::schema::{agenda_items, lessons, sessions, speakers, webinars};
use convive::db::seed::seed;
use diesel::prelude::*;

use crate::helpers::pages::plain;
use crate::helpers::spawn_app;

fn count(app: &crate::helpers::TestApp) -> (i64, i64, i64, i64, i64) {
    let mut conn = app.db.conn().unwrap();
    (
        webinars::table.count().get_result(&mut *conn).unwrap(),
        sessions::table.count().get_result(&mut *conn).unwrap(),
        lessons::table.count().get_result(&mut *conn).unwrap(),
        speakers::table.count().get_result(&mut *conn).unwrap(),
        agenda_items::table.count().get_result(&mut *conn).unwrap(),
    )
}

#[tokio::test]
async fn seeding_twice_adds_nothing() {
    let app = spawn_app().await;
    let before = count(&app);
    assert_eq!(before.0, 5);
    assert_eq!(before.2, 12);
    assert_eq!(
        (before.3, before.4),
        (4, 10),
        "seed speakers and agenda items"
    );
    let report = seed(&app.db).unwrap();
    assert!(report.is_empty(), "{report:?}");
    assert_eq!(count(&app), before);
}

#[tokio::test]
async fn the_seeded_webinar_page_shows_its_speakers_roles_and_agenda() {
    let app = spawn_app().await;
    for (lang, moderator, interpreter, agenda) in [
        (
            "fr",
            "Modération",
            "Interprète",
            "Établir le diagnostic du système alimentaire de Tunis",
        ),
        (
            "en",
            "Moderator",
            "Interpreter",
            "Diagnosing the food system of Tunis",
        ),
        (
            "ar",
            "مسيّر الجلسة",
            "مترجم فوري",
            "تشخيص النظام الغذائي لمدينة تونس",
        ),
    ] {
        let html = plain(
            &app.get_text(&format!("/{lang}/webinars/urban-food-policies"))
                .await,
        );
        for needle in [
            "Leïla Ben Salah",
            "Marc Olivier",
            "Yasmine El Amrani",
            moderator,
            interpreter,
            agenda,
        ] {
            assert!(html.contains(needle), "{lang}: `{needle}` missing");
        }
    }
    let w = app
        .get_json("/api/v1/webinars/urban-food-policies?lang=en")
        .await;
    assert_eq!(w["speakers"][0]["full_name"], "Leïla Ben Salah");
    assert_eq!(w["speakers"][1]["role"], "moderator");
    let first = &w["sessions"][0];
    assert_eq!(first["speakers"][0]["role"], "interpreter");
    assert_eq!(first["agenda"][1]["speaker"], "Leïla Ben Salah");
    assert_eq!(first["agenda"][3]["offset_minutes"], 85);
}
