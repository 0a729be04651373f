//! Generated inputs on the organisers' API (sessions, campaigns with generated contact
//! lists, organisers) and on the contact-list parser itself.

use convive::domain::Locale;
use convive::services::campaigns::contacts::{MAX_ROWS, parse_csv};
use proptest::prelude::*;
use proptest::test_runner::Config;
use reqwest::Method;
use serde_json::{Value, json};

use crate::fuzz::{Body, Fuzzer, Spec, cases, json_body, nasty, segment};
use crate::helpers::staff::staff;

const SESSION: Spec = &[
    (
        "starts_at",
        &[
            "\"2031-03-14T09:00:00Z\"",
            "\"2020-01-01T00:00:00Z\"",
            "\"tomorrow\"",
        ],
    ),
    ("timezone", &["\"Africa/Casablanca\"", "\"Nowhere/Else\""]),
    ("duration_minutes", &["90", "\"90\"", "0", "-5", "100000"]),
    ("capacity", &["100", "\"3\"", "-1", "0", "2147483648"]),
    (
        "meeting_url",
        &["\"https://meet.example.org/x\"", "\"javascript:alert(1)\""],
    ),
    ("languages", &["[\"fr\", \"ar\"]", "[\"xx\"]", "[]"]),
];

/// Cells of a contact list: plausible or hostile.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => "[a-z0-9._+-]{1,12}@[a-z0-9-]{1,10}\\.(org|fr|ma|tn)",
        1 => proptest::sample::select(&["fr", "en", "ar", "arabe", "TN", "MA", "", "xx"][..])
            .prop_map(str::to_owned),
        3 => nasty(),
    ]
}

/// A contact list: a header (known columns in any order and language, or junk), rows of
/// any width, either delimiter, any quoting and line ending, an optional BOM.
pub fn contact_list() -> impl Strategy<Value = String> {
    let header = prop_oneof![
        3 => proptest::sample::subsequence(
            vec!["email", "name", "language", "organisation", "country", "courriel", "nom", "langue", "pays", "extra"],
            1..6,
        )
        .prop_shuffle()
        .prop_map(|h| h.join(",")),
        1 => nasty(),
    ];
    let row = prop::collection::vec(cell(), 0..7);
    (
        any::<bool>(),
        header,
        prop::collection::vec(row, 0..30),
        proptest::sample::select(&[",", ";", "\t"][..]),
        proptest::sample::select(&["\n", "\r\n", "\r"][..]),
        any::<bool>(),
    )
        .prop_map(|(bom, header, rows, delim, eol, quote)| {
            let mut text = String::new();
            if bom {
                text.push('\u{feff}');
            }
            text.push_str(&header.replace(',', delim));
            for row in rows {
                text.push_str(eol);
                let cells: Vec<String> = row
                    .into_iter()
                    .map(|c| {
                        if quote {
                            format!("\"{}\"", c.replace('"', "\"\""))
                        } else {
                            c
                        }
                    })
                    .collect();
                text.push_str(&cells.join(delim));
            }
            text
        })
}

proptest! {
    #![proptest_config(Config {
        cases: cases() * 8,
        failure_persistence: None,
        ..Config::default()
    })]

    /// The parser never panics, and accounts for every contact it keeps.
    #[test]
    fn contact_lists_always_parse_or_are_refused(text in contact_list()) {
        if let Ok(list) = parse_csv(&text, Locale::Fr) {
            prop_assert!(list.contacts.len() <= MAX_ROWS);
            for c in &list.contacts {
                prop_assert!(convive::domain::EmailAddress::parse(c.email.as_str()).is_ok());
            }
            let mut lines: Vec<u64> = list.contacts.iter().map(|c| c.line).collect();
            lines.extend(list.invalid.iter().map(|b| b.line));
            lines.extend(list.duplicate_lines.iter().copied());
            let total = lines.len();
            lines.sort_unstable();
            lines.dedup();
            prop_assert_eq!(lines.len(), total, "a line counted twice");
        }
    }
}

#[test]
fn admin_session_api_never_fails_on_generated_bodies() {
    let fz = Fuzzer::new();
    let token = staff(&fz.app, "orga@convive.test", "organiser");
    let slugs = vec!["fight-food-waste".into(), "no-such-webinar".into()];
    let ids = vec![fz.session_id.to_string(), "0".into(), "99999".into()];
    let patch: Spec = &[
        ("capacity", &["5", "\"7\"", "-1", "0"]),
        (
            "meeting_url",
            &["\"https://meet.example.org/y\"", "\"ftp://x\""],
        ),
    ];
    fz.check(
        "admin sessions",
        (
            any::<bool>(),
            segment(slugs),
            segment(ids),
            json_body(SESSION),
            json_body(patch),
        ),
        move |fz, (create, slug, id, new, change)| {
            let req = if create {
                fz.json(
                    Method::POST,
                    &format!("/api/v1/admin/webinars/{slug}/sessions"),
                    &new,
                )
            } else {
                fz.json(
                    Method::PATCH,
                    &format!("/api/v1/admin/sessions/{id}"),
                    &change,
                )
            };
            req.bearer_auth(&token)
        },
    );
}

#[test]
fn admin_campaign_api_never_fails_on_generated_lists() {
    let fz = Fuzzer::new();
    let token = staff(&fz.app, "orga@convive.test", "organiser");
    let session = fz.session_id;
    let body = (
        prop_oneof![
            Just(json!(session)),
            Just(Value::Null),
            crate::fuzz::json_value()
        ],
        prop_oneof![
            Just(json!(false)),
            Just(json!(true)),
            crate::fuzz::json_value()
        ],
        nasty(),
        prop_oneof![4 => contact_list(), 1 => nasty()],
    )
        .prop_map(|(session_id, series, name, csv)| {
            Body::Json(json!({
                "session_id": session_id, "series": series, "name": name, "contacts_csv": csv,
            }))
        });
    fz.check(
        "admin campaigns",
        (
            0..5u8,
            prop_oneof![4 => body, 1 => json_body(&[])],
            segment(vec!["1".into(), "2".into()]),
        ),
        move |fz, (op, body, id)| {
            let req = match op {
                0 | 1 => fz.json(Method::POST, "/api/v1/admin/campaigns", &body),
                2 => fz.json(
                    Method::POST,
                    &format!("/api/v1/admin/campaigns/{id}/send"),
                    &body,
                ),
                3 => fz.json(
                    Method::POST,
                    &format!("/api/v1/admin/campaigns/{id}/remind"),
                    &body,
                ),
                _ => fz
                    .browser
                    .get(fz.app.url(&format!("/api/v1/admin/campaigns/{id}"))),
            };
            req.bearer_auth(&token)
        },
    );
}

#[test]
fn admin_organiser_api_never_fails_on_generated_bodies() {
    let fz = Fuzzer::new();
    let token = staff(&fz.app, "admin@convive.test", "admin");
    let organiser: Spec = &[
        ("email", &["\"new-orga@example.org\""]),
        ("full_name", &["\"Nouvel Organisateur\""]),
        ("password", &["\"a long enough password\"", "\"x\""]),
        ("admin", &["true", "false"]),
        ("locale", &["\"ar\"", "\"zz\""]),
        (
            "role",
            &["\"learner\"", "\"organiser\"", "\"admin\"", "\"root\""],
        ),
    ];
    fz.check(
        "admin organisers",
        (
            any::<bool>(),
            segment(vec!["1".into(), "2".into()]),
            json_body(organiser),
        ),
        move |fz, (create, id, body)| {
            let req = if create {
                fz.json(Method::POST, "/api/v1/admin/organisers", &body)
            } else {
                fz.json(
                    Method::POST,
                    &format!("/api/v1/admin/organisers/{id}/role"),
                    &body,
                )
            };
            req.bearer_auth(&token)
        },
    );
}

const AGENDA: Spec = &[
    (
        "agenda_time",
        &["+15", "10:30", "0", "-5", "25:00", "+99999"],
    ),
    ("title_fr", &["Ouverture", ""]),
    ("title_en", &["Opening", ""]),
    ("title_ar", &["الافتتاح", ""]),
    ("agenda_speaker", &["", "1", "999999", "x"]),
];

const PLACE: Spec = &[
    (
        "place",
        &[
            "webinar:fight-food-waste",
            "session:1",
            "webinar:",
            "session:x",
            "elsewhere",
        ],
    ),
    ("role", &["speaker", "moderator", "interpreter", "chair"]),
    ("position", &["1", "99", "0", "-1", "100000000000"]),
];

/// Signs the fuzzer's browser in as an organiser of the back office.
fn sign_in_organiser(fz: &Fuzzer) {
    staff(&fz.app, "people@convive.test", "organiser");
    fz.rt.block_on(async {
        let page = fz
            .browser
            .get(fz.app.url("/fr/account/login"))
            .send()
            .await
            .unwrap();
        let csrf = crate::helpers::pages::csrf_of(&page.text().await.unwrap());
        let res = fz
            .browser
            .post(fz.app.url("/fr/account/login"))
            .form(&[
                ("email", "people@convive.test"),
                ("password", crate::helpers::visitor::PASSWORD),
                ("csrf", &csrf),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "organiser signed in");
    });
}

#[test]
fn speaker_and_agenda_forms_never_fail_on_generated_input() {
    let fz = Fuzzer::new();
    sign_in_organiser(&fz);
    let session = fz.session_id.to_string();
    let ids = vec![session.clone(), "1".into(), "0".into(), "99999".into()];
    let speaker = (
        nasty(),
        nasty(),
        proptest::sample::select(&["TN", "", "XX", "tn"][..]),
        nasty(),
    );
    fz.check(
        "speakers and agenda",
        (
            0..4u8,
            segment(ids),
            crate::fuzz::form_fields(AGENDA),
            crate::fuzz::form_fields(PLACE),
            speaker,
        ),
        move |fz, (op, id, agenda, place, (name, function, country, bio))| match op {
            0 => fz.form(&format!("/fr/admin/sessions/{id}/agenda"), &agenda, true),
            1 => fz.form(&format!("/fr/admin/speakers/{id}/places"), &place, true),
            2 => fz.form(
                &format!("/fr/admin/sessions/{id}/agenda/remove"),
                &agenda,
                true,
            ),
            _ => {
                let csrf = fz.csrf_now();
                let (ctype, body) = crate::helpers::pages::multipart(&[
                    ("csrf", None, csrf.as_bytes()),
                    ("full_name", None, name.as_bytes()),
                    ("function_ar", None, function.as_bytes()),
                    ("country", None, country.as_bytes()),
                    ("bio_en", None, bio.as_bytes()),
                    ("photo", Some("p.png"), bio.as_bytes()),
                ]);
                fz.browser
                    .post(fz.app.url("/fr/admin/speakers"))
                    .header("content-type", ctype)
                    .body(body)
            }
        },
    );
}
