//! Replacing a speaker's photo and deleting a speaker in the back office: the old photo's
//! files go, the deletion asks first, needs the form's token, leaves an audit row and
//! takes the speaker off the public pages while their agenda items stay.

use convive::db::schema::audit_log;
use diesel::prelude::*;

use crate::helpers::TestApp;
use crate::helpers::pages::{csrf_of, location, plain, post_multipart};
use crate::helpers::spawn_app;
use crate::helpers::speakers::{AGENDA_FIRST, SPEAKER, WEBINAR, png, with_people};
use crate::helpers::visitor::Browser;

/// The small photo path of the webinar's first speaker, from the API.
async fn photo_of_first_speaker(app: &TestApp) -> String {
    let w = app
        .get_json(&format!("/api/v1/webinars/{WEBINAR}?lang=en"))
        .await;
    w["speakers"][0]["photo"]["small"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn replace_photo(b: &Browser<'_>, id: i64) -> reqwest::Response {
    let page = format!("/fr/admin/speakers/{id}");
    let csrf = csrf_of(&b.get_text(&page).await);
    let photo = png(300, 400);
    let parts: Vec<(&str, Option<&str>, &[u8])> = vec![
        ("csrf", None, csrf.as_bytes()),
        ("full_name", None, SPEAKER.as_bytes()),
        ("organisation", None, b"Ville de Sfax"),
        ("city", None, b"Sfax"),
        ("country", None, b"TN"),
        ("photo", Some("new.png"), &photo),
    ];
    post_multipart(b, &page, &parts).await
}

#[tokio::test]
async fn a_replaced_photo_is_removed() {
    let app = spawn_app().await;
    let people = with_people(&app).await;
    let old = photo_of_first_speaker(&app).await;
    assert_eq!(app.get(&old).await.status(), 200);
    assert_eq!(
        replace_photo(&people.organiser, people.speaker_id)
            .await
            .status(),
        303
    );
    let new = photo_of_first_speaker(&app).await;
    assert_ne!(new, old);
    assert_eq!(app.get(&new).await.status(), 200);
    assert_eq!(app.get(&old).await.status(), 404, "old photo removed");
    assert_eq!(app.get(&old.replace("-96", "-320")).await.status(), 404);
}

#[tokio::test]
async fn deleting_a_speaker_asks_first_and_removes_them_and_their_photo() {
    let app = spawn_app().await;
    let people = with_people(&app).await;
    let b = &people.organiser;
    let id = people.speaker_id;
    let photo = photo_of_first_speaker(&app).await;
    let form = plain(&b.get_text(&format!("/fr/admin/speakers/{id}")).await);
    assert!(form.contains(&format!("/fr/admin/speakers/{id}/delete")));
    for (lang, asks) in [("fr", "Supprimer"), ("en", "Delete"), ("ar", "حذف")] {
        let confirm = plain(
            &b.get_text(&format!("/{lang}/admin/speakers/{id}/delete"))
                .await,
        );
        assert!(
            confirm.contains(asks) && confirm.contains(SPEAKER),
            "{lang}"
        );
    }
    let confirm = b.get_text(&format!("/fr/admin/speakers/{id}/delete")).await;

    // Without the form's token nothing is deleted.
    let forged = b
        .post_form(
            &format!("/fr/admin/speakers/{id}/delete"),
            &[("csrf", "forged")],
        )
        .await;
    assert_eq!(forged.status(), 403);
    assert!(plain(&app.get_text(&format!("/en/webinars/{WEBINAR}")).await).contains(SPEAKER));

    let res = b
        .post_form(
            &format!("/fr/admin/speakers/{id}/delete"),
            &[("csrf", &csrf_of(&confirm))],
        )
        .await;
    assert_eq!(res.status(), 303);
    let list = plain(&b.get_text(&location(&res)).await);
    assert!(list.contains("L’intervenant a été supprimé."));
    assert!(!list.contains(SPEAKER));
    assert_eq!(
        b.get(&format!("/fr/admin/speakers/{id}")).await.status(),
        404
    );

    let page = plain(&app.get_text(&format!("/en/webinars/{WEBINAR}")).await);
    assert!(!page.contains(SPEAKER), "gone from the webinar page");
    assert!(page.contains(AGENDA_FIRST), "their agenda item stays");
    assert_eq!(app.get(&photo).await.status(), 404, "photo removed");

    let mut conn = app.db.conn().unwrap();
    let rows: Vec<(String, String)> = audit_log::table
        .filter(audit_log::action.eq("speaker.delete"))
        .select((audit_log::subject, audit_log::detail))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(rows, vec![(format!("speaker:{id}"), SPEAKER.to_owned())]);
}
