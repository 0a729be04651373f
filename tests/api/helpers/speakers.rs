//! Speakers and an agenda made through the back office's own forms: a speaker with a
//! photo and texts in three languages on a webinar, a moderator on one of its sessions,
//! and agenda items on that session.

use std::io::Cursor;

use super::TestApp;
use super::pages::{csrf_of, location, post_multipart};
use super::staff::{log_in, staff};
use super::visitor::Browser;

pub const WEBINAR: &str = "fight-food-waste";
pub const SPEAKER: &str = "Amina Benali";
pub const MODERATOR: &str = "Karim Haddad";
pub const AGENDA_FIRST: &str = "Opening and the food strategy of the city";

/// A 640 × 480 PNG, as a phone would send a portrait in landscape.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let img =
        image::RgbImage::from_fn(width, height, |x, _| image::Rgb([(x % 256) as u8, 107, 79]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

pub struct People<'a> {
    pub organiser: Browser<'a>,
    pub speaker_id: i64,
    #[allow(dead_code)]
    pub moderator_id: i64,
    /// The session with the moderator and the agenda.
    pub session_id: i64,
}

/// Creates a speaker from the back office form; returns their id.
pub async fn create_speaker(
    b: &Browser<'_>,
    name: &str,
    functions: [&str; 3],
    photo: Option<&[u8]>,
) -> i64 {
    let csrf = csrf_of(&b.get_text("/fr/admin/speakers/new").await);
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![
        ("csrf", None, csrf.as_bytes()),
        ("full_name", None, name.as_bytes()),
        ("organisation", None, b"Ville de Sfax"),
        ("city", None, b"Sfax"),
        ("country", None, b"TN"),
        ("function_fr", None, functions[0].as_bytes()),
        ("function_en", None, functions[1].as_bytes()),
        ("function_ar", None, functions[2].as_bytes()),
        (
            "bio_fr",
            None,
            "Élue chargée de l’alimentation durable.".as_bytes(),
        ),
        (
            "bio_en",
            None,
            b"Elected official in charge of sustainable food.",
        ),
        ("bio_ar", None, "منتخبة مكلفة بالغذاء المستدام.".as_bytes()),
    ];
    if let Some(bytes) = photo {
        parts.push(("photo", Some("portrait.png"), bytes));
    }
    let res = post_multipart(b, "/fr/admin/speakers", &parts).await;
    assert_eq!(res.status(), 303, "speaker created");
    location(&res)
        .trim_start_matches("/fr/admin/speakers/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub async fn attach(b: &Browser<'_>, speaker: i64, place: &str, role: &str, position: &str) {
    let page = format!("/fr/admin/speakers/{speaker}");
    let csrf = csrf_of(&b.get_text(&page).await);
    let res = b
        .post_form(
            &format!("{page}/places"),
            &[
                ("csrf", &csrf),
                ("place", place),
                ("role", role),
                ("position", position),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "attached to {place}");
}

pub async fn add_agenda_item(
    b: &Browser<'_>,
    session: i64,
    time: &str,
    titles: [&str; 3],
    speaker: &str,
) -> reqwest::Response {
    let page = format!("/fr/admin/sessions/{session}/agenda");
    let csrf = csrf_of(&b.get_text(&page).await);
    b.post_form(
        &page,
        &[
            ("csrf", &csrf),
            ("agenda_time", time),
            ("title_fr", titles[0]),
            ("title_en", titles[1]),
            ("title_ar", titles[2]),
            ("agenda_speaker", speaker),
        ],
    )
    .await
}

/// The first upcoming session of the webinar.
pub async fn first_session(app: &TestApp) -> i64 {
    let w = app.get_json(&format!("/api/v1/webinars/{WEBINAR}")).await;
    w["sessions"][0]["id"].as_i64().unwrap()
}

pub async fn with_people(app: &TestApp) -> People<'_> {
    staff(app, "people@convive.test", "organiser");
    let organiser = log_in(app, "people@convive.test").await;
    let photo = png(640, 480);
    let speaker_id = create_speaker(
        &organiser,
        SPEAKER,
        [
            "Maire adjointe de Sfax",
            "Deputy mayor of Sfax",
            "نائبة رئيس بلدية صفاقس",
        ],
        Some(&photo),
    )
    .await;
    let moderator_id = create_speaker(
        &organiser,
        MODERATOR,
        ["Chargé de mission", "Programme officer", "مكلف بمهمة"],
        None,
    )
    .await;
    attach(
        &organiser,
        speaker_id,
        &format!("webinar:{WEBINAR}"),
        "speaker",
        "1",
    )
    .await;
    let session_id = first_session(app).await;
    attach(
        &organiser,
        moderator_id,
        &format!("session:{session_id}"),
        "moderator",
        "1",
    )
    .await;
    let first = add_agenda_item(
        &organiser,
        session_id,
        "+0",
        [
            "Ouverture et stratégie alimentaire de la ville",
            AGENDA_FIRST,
            "الافتتاح والاستراتيجية الغذائية للمدينة",
        ],
        &speaker_id.to_string(),
    )
    .await;
    assert_eq!(first.status(), 303, "agenda item added");
    let second = add_agenda_item(
        &organiser,
        session_id,
        "+45",
        [
            "Questions du public",
            "Questions from the audience",
            "أسئلة الجمهور",
        ],
        "",
    )
    .await;
    assert_eq!(second.status(), 303, "agenda item added");
    People {
        organiser,
        speaker_id,
        moderator_id,
        session_id,
    }
}
