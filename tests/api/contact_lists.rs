//! Contact lists of 10,000 rows with every kind of bad row, uploaded as CSV (`;`, BOM)
//! and as XLSX, from the page and through the API: every row is accounted for.

use base64::Engine as _;
use chrono::Utc;
use rust_xlsxwriter::Workbook;
use serde_json::{Value, json};

use crate::helpers::{
    TestApp,
    campaigns::{campaign_id, upload},
    pages::plain,
    spawn_app,
    staff::{api, create_session, log_in, staff},
};

const ROWS: usize = 10_000;

/// One data row (index `i`, spreadsheet line `i + 2`): its cells, or `None` for a blank
/// line. Columns: country, name, email, language, organisation (not the usual order).
fn row(i: usize) -> Option<Vec<String>> {
    let email = format!("person{i}@commune{}.example.org", i % 37);
    let (mut country, mut lang) = ("MA".to_owned(), ["fr", "en", "ar"][i % 3].to_owned());
    let mut email = email;
    match i % 100 {
        1 => email = format!("person{i}-at-example.org"),
        2 => lang = "klingon".into(),
        3 => return Some(vec!["MA".into(), format!("Person {i}")]), // missing columns
        4 => email = format!("PERSON{}@COMMUNE{}.EXAMPLE.ORG", i - 4, (i - 4) % 37),
        5 => return None,
        6 => country = "ZZ".into(),
        _ => {}
    }
    if i % 500 == 7 {
        email = format!("blocked{i}@example.org");
    }
    Some(vec![
        country,
        format!("Person {i} الاسم"),
        email,
        lang,
        "Ville; \"test\"".into(),
    ])
}

const HEADER: [&str; 5] = ["Pays", "Nom", "E-mail", "Langue", "Organisme"];

fn csv() -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(vec![]);
    w.write_record(HEADER).unwrap();
    for i in 0..ROWS {
        match row(i) {
            Some(cells) => {
                if cells.len() < 5 {
                    // A short row: the csv writer would refuse it, write it by hand.
                    let bytes = w.into_inner().unwrap();
                    let mut bytes = bytes;
                    bytes.extend_from_slice(format!("{}\n", cells.join(";")).as_bytes());
                    w = csv::WriterBuilder::new().delimiter(b';').from_writer(bytes);
                } else {
                    w.write_record(&cells).unwrap();
                }
            }
            None => {
                let mut bytes = w.into_inner().unwrap();
                bytes.extend_from_slice(b";;;;\n");
                w = csv::WriterBuilder::new().delimiter(b';').from_writer(bytes);
            }
        }
    }
    out.extend(w.into_inner().unwrap());
    out
}

fn xlsx() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..ROWS {
        if let Some(cells) = row(i) {
            for (c, v) in cells.iter().enumerate() {
                sheet.write_string(i as u32 + 1, c as u16, v).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// 100 groups of 100 rows: in each, 4 invalid rows, 1 duplicate, 1 blank line; one row
/// in 500 is a suppressed address (still valid, listed as suppressed).
const INVALID: usize = 400;
const DUPLICATES: usize = 100;
const VALID: usize = ROWS - INVALID - DUPLICATES - 100;
const SUPPRESSED: usize = 20;

fn suppress(app: &TestApp) {
    let mut conn = app.db.conn().unwrap();
    let now = Utc::now().naive_utc();
    for i in (0..ROWS).filter(|i| i % 500 == 7) {
        convive::db::suppressions::add(
            &mut conn,
            &format!("blocked{i}@example.org"),
            "unsubscribe",
            now,
        )
        .unwrap();
    }
}

fn check_report(report: &Value) {
    assert_eq!(report["valid"], VALID, "{}", report["valid"]);
    assert_eq!(report["duplicates"], DUPLICATES);
    assert_eq!(report["suppressed"], SUPPRESSED);
    let invalid = report["invalid"].as_array().unwrap();
    assert_eq!(invalid.len(), INVALID);
    let reason = |line: u64| -> String {
        invalid
            .iter()
            .find(|r| r["line"] == line)
            .unwrap_or_else(|| panic!("line {line} reported"))["code"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // Row i is on line i + 2 (the header is line 1).
    assert_eq!(reason(103), "admin-contacts-reason-bad-email");
    assert_eq!(reason(104), "admin-contacts-reason-bad-language");
    assert_eq!(reason(105), "admin-contacts-reason-missing-email");
    assert_eq!(reason(108), "admin-contacts-reason-bad-country");
    assert!(
        report["duplicate_lines"]
            .as_array()
            .unwrap()
            .contains(&json!(106))
    );
    assert!(
        report["suppressed_rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["line"] == 9 && r["email"] == "blocked7@example.org")
    );
}

#[tokio::test]
async fn ten_thousand_rows_with_every_kind_of_bad_row_csv_and_xlsx() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    suppress(&app);
    let orga = log_in(&app, "orga@convive.test").await;

    // CSV (BOM, `;`, quoted fields) from the page.
    let res = upload(&orga, "fr", &session.to_string(), "contacts.csv", &csv()).await;
    let from_csv = campaign_id(&res);
    // XLSX from the page, and base64 through the API.
    let workbook = xlsx();
    let res = upload(&orga, "fr", "series", "contacts.xlsx", &workbook).await;
    let from_xlsx = campaign_id(&res);
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/campaigns?lang=en",
        json!({"session_id": session, "contacts_xlsx": base64::engine::general_purpose::STANDARD.encode(&workbook)}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    check_report(&body["report"]);
    assert_eq!(
        body["report"]["invalid"][0]["reason"],
        "The email address is not valid."
    );

    // Past the API's limit for a list, a clear 413 in the API's error shape.
    let huge = "a".repeat(convive::web::admin::upload::MAX_JSON_BYTES);
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/campaigns?lang=en",
        json!({"series": true, "contacts_csv": huge}),
    )
    .await;
    assert_eq!(res.status(), 413);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "payload_too_large");
    assert!(body["message"].as_str().unwrap().contains("too large"));

    let all: Value = api(
        &app,
        &token,
        reqwest::Method::GET,
        "/api/v1/admin/campaigns",
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap();
    for id in [from_csv, from_xlsx] {
        let c = all
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap();
        check_report(&c["report"]);
        assert_eq!(c["funnel"]["invited"], VALID);
    }

    // The page shows the same report, reasons in French, and one page of invitees.
    let page = plain(
        &orga
            .get_text(&format!("/fr/admin/campaigns/{from_csv}"))
            .await,
    );
    assert!(
        page.contains(&format!("Contacts valides : {VALID}")),
        "report on the page"
    );
    assert!(page.contains("Lignes non retenues : 400"));
    assert!(page.contains("L’adresse e-mail n’est pas valide.") || page.contains("adresse"));
    assert!(
        page.contains("Page 1 sur 94") || page.contains("Page 1"),
        "paginated invitees"
    );
    let names = page.matches("Person ").count();
    assert!(names <= 100, "{names} invitees on one page");
    // An Arabic name from the list is kept whole.
    assert!(page.contains("الاسم"));
}

#[tokio::test]
async fn unusable_files_are_explained_next_to_the_field() {
    let app = spawn_app().await;
    staff(&app, "orga@convive.test", "organiser");
    let orga = log_in(&app, "orga@convive.test").await;
    let res = upload(&orga, "en", "series", "x.csv", b"name;country\nAmina;MA\n").await;
    assert_eq!(res.status(), 422);
    let html = plain(&res.text().await.unwrap());
    assert!(
        html.contains("has no \"email\" column") || html.contains("has no &#34;email&#34; column"),
        "{html}"
    );
    let res = upload(
        &orga,
        "en",
        "series",
        "x.xlsx",
        b"PK\x03\x04 not really a workbook",
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(plain(&res.text().await.unwrap()).contains("The spreadsheet cannot be read"));
    let res = upload(&orga, "en", "", "x.csv", b"email\na@b.org\n").await;
    assert_eq!(res.status(), 422);
    assert!(
        plain(&res.text().await.unwrap()).contains("Choose either one session or the whole series")
    );
    // Windows-1252 from an old spreadsheet is read as such.
    let res = upload(
        &orga,
        "en",
        "series",
        "x.csv",
        b"email;name\nhelene@ville.example.fr;H\xe9l\xe8ne\n",
    )
    .await;
    let id = campaign_id(&res);
    let page = plain(&orga.get_text(&format!("/en/admin/campaigns/{id}")).await);
    assert!(page.contains("Hélène"), "{page}");

    // A draft that was never sent can be deleted (a wrong list), and is gone.
    let csrf = crate::helpers::pages::csrf_of(&page);
    let res = orga
        .post_form(
            &format!("/en/admin/campaigns/{id}/delete"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let list = plain(&orga.get_text("/en/admin/campaigns?deleted=1").await);
    assert!(list.contains("The draft campaign is deleted."));
    assert_eq!(
        orga.get(&format!("/en/admin/campaigns/{id}"))
            .await
            .status(),
        404
    );
}
