//! The back office's registrants (filters, status, attendance import, CSV and XLSX
//! exports opened back), its dashboard in Arabic, and the organisers page.

use serde_json::{Value, json};

use crate::helpers::{
    pages::{csrf_of, has_arabic, location, plain, post_multipart},
    registrations::registrant,
    spawn_app,
    staff::{api, create_session, log_in, staff},
    visitor::Browser,
};

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
    let audit = b.get_text("/fr/admin/audit").await;
    assert!(audit.contains("registrants.export"), "exports are audited");
    assert!(audit.contains("registration.status") && audit.contains("registration.attendance"));
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
