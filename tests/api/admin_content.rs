//! The back office as an organiser uses it: a session created from the form in the
//! Africa/Casablanca zone, translations edited side by side, publish/unpublish seen on
//! the public pages, registrants filtered, attendance imported, exports opened back.

use chrono::{NaiveDate, TimeZone, Utc};
use convive::db::schema::registrations;
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::admin::{api, create_session, log_in, staff};
use crate::helpers::{TestApp, has_arabic, spawn_app};
use crate::learners::{Browser, csrf_of, outbox_rows, plain};

/// A registration as the registration service would store it.
fn registrant(app: &TestApp, session: i64, who: (&str, &str, &str), status: &str) -> i64 {
    let (email, name, country) = who;
    let mut conn = app.db.conn().unwrap();
    let now = Utc::now().naive_utc();
    let function = if country == "MA" {
        "elected_official"
    } else {
        "civil_servant"
    };
    let locale = if country == "MA" { "ar" } else { "fr" };
    diesel::insert_into(registrations::table)
        .values((
            registrations::session_id.eq(session),
            registrations::email.eq(email),
            registrations::full_name.eq(name),
            registrations::organisation.eq(format!("Ville de {name}")),
            registrations::function.eq(function),
            registrations::territory.eq("T"),
            registrations::country.eq(country),
            registrations::locale.eq(locale),
            registrations::timezone.eq("Africa/Casablanca"),
            registrations::consent_version.eq("1"),
            registrations::consent_at.eq(now),
            registrations::status.eq(status),
            registrations::manage_token_hash.eq(format!("m{email}")),
            registrations::join_token_hash.eq(format!("j{email}")),
            registrations::created_at.eq(now),
        ))
        .returning(registrations::id)
        .get_result(&mut *conn)
        .unwrap()
}

/// multipart/form-data by hand: (name, file name, content).
fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "convive-test-boundary-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, file, content) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn post_multipart(
    b: &Browser<'_>,
    path: &str,
    parts: &[(&str, Option<&str>, &[u8])],
) -> reqwest::Response {
    let (ctype, body) = multipart(parts);
    b.client
        .post(b.app.url(path))
        .header("content-type", ctype)
        .body(body)
        .send()
        .await
        .unwrap()
}

fn location(res: &reqwest::Response) -> String {
    res.headers()["location"].to_str().unwrap().to_owned()
}

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
async fn registrants_are_filtered_changed_marked_present_and_exported() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await; // capacity 2
    let amina = registrant(
        &app,
        session,
        ("amina@fes.example.ma", "Amina", "MA"),
        "pending",
    );
    let claire = registrant(
        &app,
        session,
        ("claire@ville.example.fr", "=HYPERLINK(\"x\")", "FR"),
        "pending",
    );
    let sami = registrant(
        &app,
        session,
        ("sami@sfax.example.tn", "Sami", "TN"),
        "pending",
    );
    let b = log_in(&app, "orga@convive.test").await;
    let base = format!("/fr/admin/registrants?session={session}");
    let page = b.get_text(&base).await;
    assert!(page.contains("3 affichés sur 3") || plain(&page).contains("3 affichés sur 3"));
    let csrf = csrf_of(&page);

    // Filters: search, country, function, language, status; on the page and the API.
    for (query, expected) in [
        ("&q=AMINA", vec!["amina@fes.example.ma"]),
        ("&q=sfax", vec!["sami@sfax.example.tn"]),
        ("&country=TN", vec!["sami@sfax.example.tn"]),
        ("&function=elected_official", vec!["amina@fes.example.ma"]),
        (
            "&language=fr",
            vec!["claire@ville.example.fr", "sami@sfax.example.tn"],
        ),
    ] {
        let page = b.get_text(&format!("{base}{query}")).await;
        for e in [
            "amina@fes.example.ma",
            "claire@ville.example.fr",
            "sami@sfax.example.tn",
        ] {
            assert_eq!(page.contains(e), expected.contains(&e), "{query}: {e}");
        }
        let rows = api(
            &app,
            &token,
            reqwest::Method::GET,
            &format!("/api/v1/admin/registrants?session={session}{query}"),
            json!({}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
        let emails: Vec<&str> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["email"].as_str().unwrap())
            .collect();
        assert_eq!(emails, expected, "API {query}");
    }

    // Status changes keep the capacity: two seats, the third is refused.
    let status = |id: i64, to: &'static str| {
        let csrf = csrf.clone();
        let b = &b;
        async move {
            let res = b
                .post_form(
                    &format!("/fr/admin/registrations/{id}/status"),
                    &[
                        ("csrf", csrf.as_str()),
                        ("status", to),
                        ("back", "session=1"),
                    ],
                )
                .await;
            assert_eq!(res.status(), 303);
            location(&res)
        }
    };
    assert!(status(amina, "confirmed").await.ends_with("msg=saved"));
    assert!(status(claire, "confirmed").await.ends_with("msg=saved"));
    assert!(status(sami, "confirmed").await.ends_with("msg=full"));
    let full = b.get_text(&format!("{base}&msg=full")).await;
    assert!(full.contains("Il ne reste aucune place"));
    status(sami, "waitlisted").await;
    // Cancelling a confirmed seat gives it to the waiting list.
    status(claire, "cancelled").await;
    let rows = api(
        &app,
        &token,
        reqwest::Method::GET,
        &format!("/api/v1/admin/registrants?session={session}&status=confirmed"),
        json!({}),
    )
    .await
    .json::<Value>()
    .await
    .unwrap();
    let confirmed: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["email"].as_str().unwrap())
        .collect();
    assert_eq!(
        confirmed,
        vec!["amina@fes.example.ma", "sami@sfax.example.tn"]
    );
    let amina_mail = app.smtp.wait_for("amina@fes.example.ma", 1).await;
    assert!(amina_mail[0].attachment("text/calendar").is_some());
    let claire_mails = app.smtp.wait_for("claire@ville.example.fr", 2).await;
    assert!(claire_mails.iter().any(|m| {
        m.attachment("text/calendar")
            .is_some_and(|c| c.contains("CANCEL"))
    }));

    // Attendance: Amina by hand; then the meeting tool's list (BOM, `;`, the address
    // in the third column, one address nobody registered with).
    let res = b
        .post_form(
            &format!("/fr/admin/registrations/{amina}/attendance"),
            &[("csrf", csrf.as_str()), ("attended", "1"), ("back", "")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let list = "\u{feff}Nom;Heure d'arrivée;Adresse e-mail\n\
                Sami;10:02;SAMI@sfax.example.tn\n\
                Inconnu;10:05;stranger@example.org\n";
    let res = post_multipart(
        &b,
        &format!("/fr/admin/sessions/{session}/attendance"),
        &[
            ("csrf", None, csrf.as_bytes()),
            ("file", Some("participants.csv"), list.as_bytes()),
        ],
    )
    .await;
    assert_eq!(res.status(), 200);
    let report = plain(&res.text().await.unwrap());
    assert!(report.contains("1 lignes sur 2"), "{report}");
    assert!(report.contains("Ligne 3 :"));
    assert!(report.contains("stranger@example.org"));
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/admin/sessions/{session}/attendance"),
        json!({"attendees_csv": "name,joined\nA,1\n"}),
    )
    .await;
    assert_eq!(res.status(), 422, "no e-mail column is explained");

    // CSV export: localised headers, formula defused, the filter applied.
    let csv = b
        .get(&format!(
            "/fr/admin/registrants/export.csv?session={session}"
        ))
        .await;
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains(".csv")
    );
    let bytes = csv.bytes().await.unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Nom");
    assert_eq!(&headers[9], "Statut");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3);
    let claire_row = rows
        .iter()
        .find(|r| &r[1] == "claire@ville.example.fr")
        .unwrap();
    assert_eq!(&claire_row[0], "'=HYPERLINK(\"x\")", "formula defused");
    assert_eq!(&claire_row[9], "Annulée");
    let sami_row = rows
        .iter()
        .find(|r| &r[1] == "sami@sfax.example.tn")
        .unwrap();
    assert_eq!(&sami_row[10], "Oui", "imported attendance");

    // XLSX export in Arabic, read back.
    let xlsx = b
        .get(&format!(
            "/ar/admin/registrants/export.xlsx?session={session}&status=confirmed"
        ))
        .await;
    assert_eq!(xlsx.status(), 200);
    let bytes = xlsx.bytes().await.unwrap().to_vec();
    use calamine::Reader as _;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(cells.len(), 3, "header and two confirmed registrants");
    assert_eq!(cells[0][0], "الاسم");
    assert!(has_arabic(&cells[1][9]));
    let emails: Vec<&str> = cells[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(emails, vec!["amina@fes.example.ma", "sami@sfax.example.tn"]);
}

#[tokio::test]
async fn the_dashboard_counts_and_draws_right_to_left() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    registrant(&app, session, ("a@fes.example.ma", "A", "MA"), "confirmed");
    registrant(&app, session, ("b@fes.example.ma", "B", "MA"), "pending");
    registrant(&app, session, ("c@lyon.example.fr", "C", "FR"), "cancelled");
    let stats = api(
        &app,
        &token,
        reqwest::Method::GET,
        "/api/v1/admin/stats?lang=fr",
        json!({}),
    )
    .await
    .json::<Value>()
    .await
    .unwrap();
    assert_eq!(stats["registrations"], 2, "cancelled ones do not count");
    assert_eq!(stats["confirmed"], 1);
    assert_eq!(stats["per_country"][0]["key"], "MA");
    assert_eq!(stats["per_country"][0]["label"], "Maroc");
    assert_eq!(stats["per_country"][0]["value"], 2);
    assert_eq!(stats["per_day"].as_array().unwrap().len(), 30);
    assert_eq!(stats["per_day"][29]["value"], 2, "today");

    // A replay view counted by the player's beacon.
    let slug = "fight-food-waste";
    let res = app
        .client
        .post(app.url(&format!("/api/v1/webinars/{slug}/replays/fr/views")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let res = app
        .client
        .post(app.url(&format!("/api/v1/webinars/{slug}/replays/xx/views")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);

    let b = log_in(&app, "orga@convive.test").await;
    let fr = b.get_text("/fr/admin/").await;
    assert!(fr.contains("<svg class=\"chart-svg\""));
    assert!(fr.contains("aria-labelledby=\"per-country-title per-country-desc\""));
    assert!(fr.contains("<title id=\"per-country-title\">"));
    assert!(fr.contains("<th scope=\"row\"><bdi>Maroc</bdi></th><td>2</td>"));
    let ar = b.get_text("/ar/admin/").await;
    assert!(ar.contains("dir=\"rtl\""));
    assert!(ar.contains("المغرب"));
    // Mirrored: labels start right of the bars (text-anchor start at the right edge).
    assert!(ar.contains("text-anchor=\"start\">المغرب"));
    assert!(fr.contains("text-anchor=\"end\">Maroc"));
    assert!(
        ar.contains("aria-current=\"page\""),
        "the nav marks the dashboard"
    );
    assert!(ar.contains("/ar/admin/campaigns") && ar.contains("/ar/admin/mail"));
    assert!(
        !ar.contains("/ar/admin/organisers"),
        "organisers: admins only"
    );
}

#[tokio::test]
async fn replays_are_uploaded_served_in_ranges_and_published_with_a_mail() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    registrant(
        &app,
        session,
        ("amina@fes.example.ma", "Amina", "MA"),
        "confirmed",
    );
    // A webinar without replays yet.
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars",
        json!({"slug": "new-markets", "texts": {"fr": {"title": "Nouveaux marchés", "summary": ""}}}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let b = log_in(&app, "orga@convive.test").await;
    let page = b.get_text("/fr/admin/webinars/new-markets").await;
    let csrf = csrf_of(&page);
    let video: Vec<u8> = (0..4096u32).map(|i| (i % 251) as u8).collect();
    let res = post_multipart(
        &b,
        "/fr/admin/webinars/new-markets/replays",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("locale", None, b"ar"),
            ("video_url", None, b""),
            ("video_file", Some("replay-ar.webm"), &video),
            ("captions_fr", None, b""),
            (
                "captions_file_ar",
                Some("ar.vtt"),
                "WEBVTT\n\n00:00.000 --> 00:01.000\nمرحبا\n".as_bytes(),
            ),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let page = b.get_text("/fr/admin/webinars/new-markets").await;
    let url = page
        .split("value=\"/media/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(|s| format!("/media/{s}"))
        .expect("stored video");
    assert!(url.ends_with(".webm"));
    let ranged = app
        .client
        .get(app.url(&url))
        .header("range", "bytes=100-199")
        .send()
        .await
        .unwrap();
    assert_eq!(ranged.status(), 206);
    assert_eq!(ranged.bytes().await.unwrap().as_ref(), &video[100..200]);
    assert_eq!(app.get("/media/..%2Fconvive.db").await.status(), 404);

    // A file that is not a video is refused; nothing typed is lost on the page.
    let res = post_multipart(
        &b,
        "/fr/admin/webinars/new-markets/replays",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("locale", None, b"fr"),
            ("video_file", Some("evil.html"), b"<script>"),
        ],
    )
    .await;
    assert_eq!(res.status(), 422);
    // Without the CSRF token nothing is stored.
    let res = post_multipart(
        &b,
        "/fr/admin/webinars/new-markets/replays",
        &[("video_file", Some("x.webm"), &video)],
    )
    .await;
    assert_eq!(res.status(), 403);

    // Publishing the first replay of a webinar mails its registrants, once.
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars/new-markets/sessions",
        json!({"starts_at": "2030-05-01T09:00:00Z", "timezone": "Africa/Tunis",
               "duration_minutes": 60, "capacity": 10,
               "meeting_url": "https://meet.example.org/markets"}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let markets = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    registrant(
        &app,
        markets,
        ("sami@sfax.example.tn", "Sami", "TN"),
        "confirmed",
    );
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars/new-markets/replays",
        json!({"locale": "fr", "video_url": "https://www.youtube.com/watch?v=abcDEF12345",
               "captions": {"fr": "/media/x.fr.vtt"}}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let publish = |id: i64| {
        let token = token.clone();
        let app = &app;
        async move {
            api(
                app,
                &token,
                reqwest::Method::POST,
                &format!("/api/v1/admin/replays/{id}/publish"),
                json!({"published": true}),
            )
            .await
            .json::<Value>()
            .await
            .unwrap()["notified"]
                .clone()
        }
    };
    assert_eq!(publish(id).await, 1);
    let mail = app.smtp.wait_for("sami@sfax.example.tn", 1).await;
    assert!(mail[0].link_containing("/webinars/new-markets").is_some());
    let ar_id = {
        let mut conn = app.db.conn().unwrap();
        let w = convive::db::admin::webinar_by_slug(&mut conn, "new-markets").unwrap();
        convive::db::content_admin::replays_of(&mut conn, w.id)
            .unwrap()
            .into_iter()
            .find(|r| r.locale == "ar")
            .unwrap()
            .id
    };
    assert_eq!(publish(ar_id).await, 0, "only the first replay notifies");
    let kinds = outbox_rows(&app)
        .into_iter()
        .filter(|r| r.0 == "replay_available")
        .count();
    assert_eq!(kinds, 1);
    assert_eq!(
        app.get("/api/v1/webinars/new-markets/replays")
            .await
            .status(),
        404,
        "the webinar itself is still unpublished"
    );
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars/new-markets/replays",
        json!({"locale": "en", "video_url": "javascript:alert(1)"}),
    )
    .await;
    assert_eq!(res.status(), 422);
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

#[tokio::test]
async fn modules_and_lessons_are_edited_in_three_languages() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/modules",
        json!({"slug": "seed-banks", "texts": {"fr": {"title": "Banques de semences", "summary": "S"}}}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let b = log_in(&app, "orga@convive.test").await;
    let form = b.get_text("/fr/admin/modules/seed-banks/lessons/new").await;
    let csrf = csrf_of(&form);
    let res = b
        .post_form(
            "/fr/admin/modules/seed-banks/lessons",
            &[
                ("csrf", &csrf),
                ("duration_minutes", "2,5"),
                ("title_fr", "Conserver les semences"),
                ("video_url_fr", "/assets/video/sample.webm"),
                ("captions_url_fr", "/assets/video/sample.fr.vtt"),
                ("title_ar", "حفظ البذور"),
                ("video_url_ar", "ftp://nope"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("id=\"f-video_url_ar-error\""));
    assert!(page.contains("حفظ البذور"), "typed text kept");
    let res = b
        .post_form(
            "/fr/admin/modules/seed-banks/lessons",
            &[
                ("csrf", &csrf),
                ("duration_minutes", "2,5"),
                ("title_fr", "Conserver les semences"),
                ("video_url_fr", "/assets/video/sample.webm"),
                ("title_ar", "حفظ البذور"),
                ("video_url_ar", "/assets/video/sample.webm"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let module = b.get_text("/fr/admin/modules/seed-banks").await;
    assert!(module.contains("Conserver les semences"));
    assert!(plain(&module).contains("Manquant en anglais"));
    let publish = b
        .post_form(
            "/fr/admin/modules/seed-banks/publish",
            &[("csrf", csrf.as_str()), ("published", "1")],
        )
        .await;
    assert_eq!(publish.status(), 303);
    let public = app.get_json("/api/v1/modules/seed-banks?lang=ar").await;
    assert_eq!(public["lessons"][0]["title"], "حفظ البذور");
    assert_eq!(public["lessons"][0]["duration_s"], 150);
}

#[tokio::test]
async fn admins_manage_organisers_from_the_page() {
    let app = spawn_app().await;
    staff(&app, "admin@convive.test", "admin");
    let b = log_in(&app, "admin@convive.test").await;
    // Staff land in the back office after logging in.
    let page = b.get_text("/fr/admin/organisers").await;
    let csrf = csrf_of(&page);
    let res = b
        .post_form(
            "/fr/admin/organisers",
            &[
                ("csrf", &csrf),
                ("email", "not-an-address"),
                ("full_name", "N"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("value=\"not-an-address\"")
    );
    let res = b
        .post_form(
            "/fr/admin/organisers",
            &[
                ("csrf", &csrf),
                ("email", "nadia@convive.test"),
                ("full_name", "Nadia"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    let password = page
        .split("<code dir=\"ltr\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap()
        .to_owned();
    assert!(password.len() >= 10);
    // The new organiser logs in and lands on the dashboard.
    let nadia = Browser::new(&app);
    let login = nadia.get_text("/en/account/login").await;
    let res = nadia
        .post_form(
            "/en/account/login",
            &[
                ("email", "nadia@convive.test"),
                ("password", &password),
                ("csrf", &csrf_of(&login)),
                ("next", "/en/learning"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/en/admin/");
    assert_eq!(nadia.get("/en/admin/organisers").await.status(), 403);
    let audit = b.get_text("/fr/admin/audit").await;
    assert!(audit.contains("user.create"));
}
