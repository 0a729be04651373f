//! Speakers and agenda: made in the back office, shown on the webinar page in the three
//! languages (with the usual fallback), served as resized photos, in the API and its
//! OpenAPI document, in the confirmation mail; bad input is refused with a clear message.

use crate::helpers::pages::{csrf_of, plain, post_multipart};
use crate::helpers::registrations::{confirm, register_and_get_token};
use crate::helpers::spawn_app;
use crate::helpers::speakers::{
    AGENDA_FIRST, MODERATOR, SPEAKER, WEBINAR, add_agenda_item, png, with_people,
};

#[tokio::test]
async fn the_webinar_page_shows_speakers_and_agenda_in_each_language() {
    let app = spawn_app().await;
    let people = with_people(&app).await;
    for (lang, function, agenda, role) in [
        (
            "fr",
            "Maire adjointe de Sfax",
            "Ouverture et stratégie alimentaire de la ville",
            "Modération",
        ),
        ("en", "Deputy mayor of Sfax", AGENDA_FIRST, "Moderator"),
        (
            "ar",
            "نائبة رئيس بلدية صفاقس",
            "الافتتاح والاستراتيجية الغذائية للمدينة",
            "مسيّر الجلسة",
        ),
    ] {
        let html = plain(&app.get_text(&format!("/{lang}/webinars/{WEBINAR}")).await);
        for needle in [SPEAKER, MODERATOR, function, agenda, role] {
            assert!(html.contains(needle), "{lang}: `{needle}` missing");
        }
        assert!(
            html.contains("<bdi>Amina Benali</bdi>"),
            "{lang}: a Latin name is isolated"
        );
        assert!(
            html.contains("class=\"speaker-photo\""),
            "{lang}: photo shown"
        );
    }
    // The agenda lists the second item after the first, 45 minutes later.
    let en = plain(&app.get_text(&format!("/en/webinars/{WEBINAR}")).await);
    let first = en.find(AGENDA_FIRST).unwrap();
    assert!(en[first..].contains("Questions from the audience"));
    let _ = people.organiser;
}

#[tokio::test]
async fn photos_are_resized_to_the_sizes_pages_use() {
    let app = spawn_app().await;
    with_people(&app).await;
    let w = app
        .get_json(&format!("/api/v1/webinars/{WEBINAR}?lang=en"))
        .await;
    let photo = &w["speakers"][0]["photo"];
    for (size, side) in [("small", 96), ("large", 320)] {
        let url = photo[size].as_str().unwrap();
        let res = app.get(url).await;
        assert_eq!(res.status(), 200, "{url}");
        assert_eq!(res.headers()["content-type"], "image/jpeg");
        let img = image::load_from_memory(&res.bytes().await.unwrap()).unwrap();
        assert_eq!((img.width(), img.height()), (side, side), "{size}");
        // Pages once linked photos at `/photos/…`: those links lead to the media store.
        let name = url.trim_start_matches("/media/photos/");
        let old = app.get(&format!("/photos/{name}")).await;
        assert_eq!(old.status(), 308, "{name}");
        assert_eq!(old.headers()["location"], url);
    }
    assert_eq!(app.get("/photos/..%2Fsecret-96.jpg").await.status(), 404);
}

#[tokio::test]
async fn the_api_gives_speakers_on_webinars_and_sessions() {
    let app = spawn_app().await;
    let people = with_people(&app).await;
    let w = app
        .get_json(&format!("/api/v1/webinars/{WEBINAR}?lang=ar"))
        .await;
    let s = &w["speakers"][0];
    assert_eq!(s["full_name"], SPEAKER);
    assert_eq!(s["role"], "speaker");
    assert_eq!(s["function"], "نائبة رئيس بلدية صفاقس");
    assert_eq!(s["country"], "TN");
    let session = app
        .get_json(&format!("/api/v1/sessions/{}?lang=en", people.session_id))
        .await;
    assert_eq!(session["speakers"][0]["full_name"], MODERATOR);
    assert_eq!(session["speakers"][0]["role"], "moderator");
    assert_eq!(session["agenda"][0]["title"], AGENDA_FIRST);
    assert_eq!(session["agenda"][0]["speaker"], SPEAKER);
    assert_eq!(session["agenda"][1]["offset_minutes"], 45);
    let doc = app.get_json("/api/v1/openapi.json").await;
    let schemas = &doc["components"]["schemas"];
    for (schema, field) in [
        ("WebinarView", "speakers"),
        ("SessionView", "speakers"),
        ("SessionView", "agenda"),
    ] {
        assert!(
            schemas[schema]["properties"][field].is_object(),
            "{schema}.{field} in the OpenAPI document"
        );
    }
    assert!(schemas["SpeakerView"]["properties"]["role"].is_object());
}

#[tokio::test]
async fn a_missing_translation_falls_back_visibly() {
    let app = spawn_app().await;
    let people = with_people(&app).await;
    // A speaker written in French only.
    let id = crate::helpers::speakers::create_speaker(
        &people.organiser,
        "Nadia Saïdi",
        ["Chercheuse", "", ""],
        None,
    )
    .await;
    crate::helpers::speakers::attach(
        &people.organiser,
        id,
        &format!("webinar:{WEBINAR}"),
        "speaker",
        "2",
    )
    .await;
    let en = plain(&app.get_text(&format!("/en/webinars/{WEBINAR}")).await);
    let card = &en[en.find("Nadia Saïdi").unwrap()..];
    assert!(card.contains("Chercheuse"));
    assert!(
        card.contains("Not yet translated: shown in French."),
        "fallback said"
    );
}

#[tokio::test]
async fn the_confirmation_mail_names_the_speakers() {
    let app = spawn_app().await;
    let people = with_people(&app).await;
    let email = "official@tunis.tn";
    let token = register_and_get_token(&app, people.session_id, email, "en").await;
    confirm(&app, &token).await;
    let mails = app.smtp.wait_for(email, 2).await;
    let text = mails.last().unwrap().text();
    assert!(
        text.contains("Amina Benali, Deputy mayor of Sfax"),
        "{text}"
    );
    assert!(text.contains(MODERATOR), "{text}");
    // The invitation's description carries the agenda (lines unfolded as RFC 5545 says).
    let ics = mails
        .last()
        .unwrap()
        .attachment("text/calendar")
        .expect(".ics");
    let ics = ics.replace("\r\n ", "").replace("\n ", "");
    assert!(ics.contains(AGENDA_FIRST), "{ics}");
}

#[tokio::test]
async fn bad_speaker_and_agenda_input_is_refused_with_its_reason() {
    let app = spawn_app().await;
    let people = with_people(&app).await;
    let b = &people.organiser;
    let csrf = csrf_of(&b.get_text("/en/admin/speakers/new").await);
    // Not a picture: the form comes back, filled, with the reason.
    let res = post_multipart(
        b,
        "/en/admin/speakers",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("full_name", None, b"Leila Mansour"),
            ("photo", Some("cv.pdf"), b"%PDF-1.7 not a picture"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    let html = plain(&res.text().await.unwrap());
    assert!(html.contains("This file is not a JPEG, PNG or WebP picture."));
    assert!(
        html.contains("value=\"Leila Mansour\""),
        "nothing typed is lost"
    );
    // No name.
    let res = post_multipart(
        b,
        "/en/admin/speakers",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("photo", Some("p.png"), &png(10, 10)),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(plain(&res.text().await.unwrap()).contains("Enter the speaker"));
    // An agenda item after the session's end, and one without a title.
    let res = add_agenda_item(b, people.session_id, "+600", ["Trop tard", "", ""], "").await;
    assert_eq!(res.status(), 422);
    let res = add_agenda_item(b, people.session_id, "+10", ["", "", ""], "").await;
    assert_eq!(res.status(), 422);
    let res = add_agenda_item(b, people.session_id, "+10", ["Pause", "", ""], "999999").await;
    assert_eq!(res.status(), 422, "a speaker who does not exist");
    assert!(plain(&res.text().await.unwrap()).contains("Choisissez un intervenant dans la liste."));
    let session = app
        .get_json(&format!("/api/v1/sessions/{}", people.session_id))
        .await;
    assert_eq!(
        session["agenda"].as_array().unwrap().len(),
        2,
        "nothing added"
    );
}
