//! Generated inputs on every public form and API body: registration (form and API),
//! confirmation and manage links, accounts (sign-up, verify, login, logout, forgotten
//! password, reset, settings), progress reports, invitations and unsubscribe, privacy
//! requests, and arbitrary paths. No answer may be a 5xx.

use proptest::prelude::*;
use reqwest::Method;
use serde_json::json;

use crate::fuzz::{
    Body, Fuzzer, Spec, encode, form_fields, json_body, lang, nasty, nasty_short, segment,
};

const REGISTRATION: Spec = &[
    ("full_name", &["\"Amina Benali\"", "\"أمينة بن علي\""]),
    ("email", &["\"fuzz@example.org\"", "\"Amina@Example.ORG\""]),
    ("organisation", &["\"Ville de Sfax\""]),
    (
        "function",
        &["\"elected_official\"", "\"civil_servant\"", "\"other\""],
    ),
    ("territory", &["\"Sfax\""]),
    ("country", &["\"TN\"", "\"MA\"", "\"ZZ\""]),
    ("locale", &["\"fr\"", "\"ar\"", "\"de\""]),
    ("timezone", &["\"Africa/Tunis\"", "\"Mars/Olympus\""]),
    ("consent", &["true", "false"]),
    ("announcements", &["true", "false"]),
];

const REGISTRATION_FORM: Spec = &[
    ("full_name", &["Amina Benali", "أمينة بن علي"]),
    ("email", &["fuzz@example.org"]),
    ("organisation", &["Ville de Sfax"]),
    ("function", &["elected_official", "other"]),
    ("territory", &["Sfax"]),
    ("country", &["TN", "ZZ"]),
    ("locale", &["fr", "ar"]),
    ("timezone", &["Africa/Tunis", "Europe/Paris"]),
    ("consent", &["on"]),
    ("announcements", &["on"]),
];

const TOKEN: Spec = &[(
    "token",
    &["\"0000000000000000000000000000000000000000000000000000000000000000\""],
)];

const MANAGE_FORM: Spec = &[
    ("action", &["cancel", "switch", "language", "delete"]),
    ("session_id", &["1", "2", "-1", "x"]),
    ("locale", &["fr", "ar", "xx"]),
];

const ACCOUNT: Spec = &[
    ("email", &["\"learner@example.org\"", "\"new@example.org\""]),
    ("password", &["\"a long enough password\"", "\"short\""]),
    ("full_name", &["\"Amina\""]),
    ("locale", &["\"fr\"", "\"ar\""]),
    ("consent", &["true"]),
    ("token", &["\"00\""]),
];

const ACCOUNT_FORM: Spec = &[
    ("email", &["learner@example.org", "new@example.org"]),
    ("password", &["a long enough password", "short"]),
    ("full_name", &["Amina"]),
    ("consent", &["on"]),
    ("next", &["/fr/modules", "//evil.example"]),
    ("current_password", &["a long enough password"]),
    ("new_password", &["another long password"]),
    ("new_email", &["other@example.org"]),
];

const PRIVACY: Spec = &[
    ("email", &["\"fuzz@example.org\"", "\"nobody@example.org\""]),
    ("locale", &["\"ar\"", "\"xx\""]),
    ("token", &["\"00\""]),
];

#[test]
fn registration_api_never_fails_on_generated_bodies() {
    let fz = Fuzzer::new();
    let ids = vec![fz.session_id.to_string(), "0".into(), "-1".into()];
    fz.check(
        "POST /api/v1/sessions/{id}/registrations",
        (segment(ids), json_body(REGISTRATION)),
        |fz, (id, body)| {
            fz.json(
                Method::POST,
                &format!("/api/v1/sessions/{id}/registrations"),
                &body,
            )
        },
    );
}

#[test]
fn registration_form_never_fails_on_generated_fields() {
    let fz = Fuzzer::new();
    let ids = vec![fz.session_id.to_string(); 4];
    fz.check(
        "POST /{lang}/sessions/{id}/register",
        (
            lang(),
            segment(ids),
            form_fields(REGISTRATION_FORM),
            prop::bool::weighted(0.9),
        ),
        |fz, (lang, id, fields, csrf)| {
            fz.form(&format!("/{lang}/sessions/{id}/register"), &fields, csrf)
        },
    );
}

/// A registration made through the API, and its confirm and manage tokens.
fn registered(fz: &Fuzzer) -> Vec<String> {
    use convive::secrets::link_tokens::{Purpose, RegistrationTokens};
    let res = fz.rt.block_on(
        fz.app
            .client
            .post(
                fz.app
                    .url(&format!("/api/v1/sessions/{}/registrations", fz.session_id)),
            )
            .json(&crate::helpers::registrations::registration(
                "holder@example.org",
                "Holder",
            ))
            .send(),
    );
    assert_eq!(res.unwrap().status(), 202);
    let key = convive::secrets::key::load(None, &fz.app.data_dir, &fz.app.db).unwrap();
    let tokens = RegistrationTokens::from_secret(&key);
    let (id, seed): (i64, String) = {
        use convive::db::schema::registrations;
        use diesel::prelude::*;
        let mut conn = fz.app.db.conn().unwrap();
        registrations::table
            .select((registrations::id, registrations::token_seed))
            .first(&mut *conn)
            .unwrap()
    };
    vec![
        tokens.raw(Purpose::Confirm, id, &seed),
        tokens.raw(Purpose::Manage, id, &seed),
        tokens.raw(Purpose::Join, id, &seed),
    ]
}

#[test]
fn confirm_and_manage_links_never_fail() {
    let fz = Fuzzer::new();
    let good = registered(&fz);
    fz.check(
        "confirm / manage / join",
        (
            0..8u8,
            lang(),
            segment(good),
            json_body(TOKEN),
            form_fields(MANAGE_FORM),
        ),
        |fz, (op, lang, token, body, fields)| match op {
            0 => fz.json(Method::POST, "/api/v1/registrations/confirm", &body),
            1 => fz.form(&format!("/{lang}/registrations/confirm/{token}"), &[], true),
            2 => fz.browser.get(
                fz.app
                    .url(&format!("/{lang}/registrations/confirm/{token}")),
            ),
            3 => fz
                .browser
                .get(fz.app.url(&format!("/{lang}/registrations/{token}"))),
            4 => fz.form(&format!("/{lang}/registrations/{token}"), &fields, true),
            5 => fz
                .browser
                .get(fz.app.url(&format!("/api/v1/registrations/{token}"))),
            6 => fz
                .browser
                .delete(fz.app.url(&format!("/api/v1/registrations/{token}"))),
            _ => fz.browser.get(fz.app.url(&format!("/join/{token}"))),
        },
    );
}

#[test]
fn account_api_never_fails_on_generated_bodies() {
    let fz = Fuzzer::new();
    let paths = [
        "/api/v1/auth/signup",
        "/api/v1/auth/verify",
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/api/v1/auth/password/forgot",
        "/api/v1/auth/password/reset",
    ];
    fz.check(
        "POST /api/v1/auth/*",
        (0..paths.len(), json_body(ACCOUNT)),
        |fz, (i, body)| fz.json(Method::POST, paths[i], &body),
    );
}

#[test]
fn account_forms_never_fail_on_generated_fields() {
    let fz = Fuzzer::new();
    // Signed in, so the settings forms reach their checks too.
    fz.rt.block_on(
        crate::helpers::visitor::Browser {
            app: &fz.app,
            client: fz.browser.clone(),
        }
        .sign_up("learner@example.org", "Learner", "fr"),
    );
    let forms = [
        "/account/signup",
        "/account/login",
        "/account/forgot",
        "/account/reset/{token}",
        "/account/verify/{token}",
        "/account/password",
        "/account/email",
        "/account/delete",
        "/account/logout",
    ];
    fz.check(
        "POST /{lang}/account/*",
        (
            0..forms.len(),
            lang(),
            segment(vec!["00".into()]),
            form_fields(ACCOUNT_FORM),
            prop::bool::weighted(0.95),
        ),
        |fz, (i, lang, token, fields, csrf)| {
            let path = forms[i].replace("{token}", &token);
            fz.form(&format!("/{lang}{path}"), &fields, csrf)
        },
    );
}

#[test]
fn progress_reports_never_fail() {
    let fz = Fuzzer::new();
    fz.rt.block_on(
        crate::helpers::visitor::Browser {
            app: &fz.app,
            client: fz.browser.clone(),
        }
        .sign_up("watcher@example.org", "Watcher", "en"),
    );
    let interval = prop_oneof![
        30 => (-1e6f64..1e6, -1e6f64..1e6).prop_map(|(a, b)| json!([a, b])),
        1 => (any::<f64>(), any::<f64>()).prop_map(|(a, b)| json!([a, b])),
        1 => crate::fuzz::json_value(),
    ];
    let watched = prop_oneof![
        4 => prop::collection::vec(interval, 0..40).prop_map(serde_json::Value::Array),
        1 => crate::fuzz::json_value(),
    ];
    let body = (watched, crate::fuzz::json_value(), any::<f64>()).prop_map(|(w, junk, p)| {
        Body::Json(
            json!({ "watched": w, "position_s": if p.is_finite() { json!(p) } else { junk } }),
        )
    });
    let lessons = vec![fz.lesson_id.to_string(), "0".into(), "-5".into()];
    fz.check(
        "POST /api/v1/lessons/{id}/progress",
        (
            segment(lessons),
            prop_oneof![4 => body, 1 => json_body(&[])],
        ),
        |fz, (id, body)| {
            fz.json(
                Method::POST,
                &format!("/api/v1/lessons/{id}/progress"),
                &body,
            )
        },
    );
}

/// The invitation and unsubscribe tokens of a campaign mail sent to one contact.
fn invited(fz: &Fuzzer) -> Vec<String> {
    let token = crate::helpers::staff::staff(&fz.app, "orga@convive.test", "organiser");
    fz.rt.block_on(async {
        let res = crate::helpers::staff::api(
            &fz.app,
            &token,
            Method::POST,
            "/api/v1/admin/campaigns",
            json!({ "session_id": fz.session_id, "contacts_csv": "email\ninvitee@example.org\n" }),
        )
        .await;
        let id = res.json::<serde_json::Value>().await.unwrap()["id"]
            .as_i64()
            .unwrap();
        crate::helpers::staff::api(
            &fz.app,
            &token,
            Method::POST,
            &format!("/api/v1/admin/campaigns/{id}/send"),
            json!({}),
        )
        .await;
        let mail = fz
            .app
            .smtp
            .wait_for("invitee@example.org", 1)
            .await
            .pop()
            .unwrap();
        let invitation = mail.link_containing("/invitations/").unwrap();
        let unsubscribe = mail.header("List-Unsubscribe").unwrap();
        [invitation.as_str(), unsubscribe.trim_matches(['<', '>'])]
            .iter()
            .map(|l| l.rsplit('/').next().unwrap().to_owned())
            .collect()
    })
}

#[test]
fn invitation_and_unsubscribe_links_never_fail() {
    let fz = Fuzzer::new();
    let good = invited(&fz);
    fz.check(
        "invitations / unsubscribe",
        (0..4u8, lang(), segment(good), nasty()),
        |fz, (op, lang, token, junk)| match op {
            0 => fz
                .browser
                .get(fz.app.url(&format!("/{lang}/invitations/{token}"))),
            1 => fz.browser.get(fz.app.url(&format!("/unsubscribe/{token}"))),
            2 => fz
                .browser
                .post(fz.app.url(&format!("/unsubscribe/{token}")))
                .form(&[("List-Unsubscribe", "One-Click")]),
            _ => fz
                .browser
                .post(fz.app.url(&format!("/unsubscribe/{token}")))
                .body(junk),
        },
    );
}

#[test]
fn privacy_requests_and_links_never_fail() {
    let fz = Fuzzer::new();
    fz.check(
        "privacy",
        (
            0..6u8,
            lang(),
            segment(vec!["0".repeat(64)]),
            json_body(PRIVACY),
            form_fields(&[("email", &["fuzz@example.org"]), ("confirm", &["on"])]),
        ),
        |fz, (op, lang, token, body, fields)| match op {
            0 => fz.json(Method::POST, "/api/v1/privacy/requests", &body),
            1 => fz.json(Method::POST, "/api/v1/privacy/export", &body),
            2 => fz.json(Method::POST, "/api/v1/privacy/erase", &body),
            3 => fz.form(&format!("/{lang}/privacy/request"), &fields, true),
            4 => fz
                .browser
                .get(fz.app.url(&format!("/{lang}/privacy/manage/{token}"))),
            _ => fz.form(
                &format!("/{lang}/privacy/manage/{token}/erase"),
                &fields,
                true,
            ),
        },
    );
}

#[test]
fn arbitrary_paths_and_queries_never_fail() {
    let fz = Fuzzer::new();
    let prefix = proptest::sample::select(
        &[
            "/fr/",
            "/ar/",
            "/en/",
            "/api/v1/",
            "/assets/",
            "/fr/webinars/",
            "/fr/modules/",
            "/fr/lessons/",
            "/fr/certificates/",
            "/api/v1/webinars/",
            "/api/v1/sessions/",
            "/api/v1/modules/",
            "/",
        ][..],
    );
    let segments = prop::collection::vec(nasty_short(), 0..4);
    let query = prop::collection::vec((nasty_short(), nasty_short()), 0..3);
    fz.check(
        "GET arbitrary paths",
        (prefix, segments, query, any::<bool>()),
        |fz, (prefix, segments, query, head)| {
            let path: Vec<String> = segments.iter().map(|s| encode(s)).collect();
            let q: Vec<String> = query
                .iter()
                .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                .collect();
            let url = fz
                .app
                .url(&format!("{prefix}{}?{}", path.join("/"), q.join("&")));
            if head {
                fz.browser.head(url)
            } else {
                fz.browser
                    .get(url)
                    .header("accept-language", "ar;q=0.9, *;q=0.1")
            }
        },
    );
}

/// Registrations that pass the type checks (every field a string, booleans booleans),
/// so hostile text reaches validation, the database and the mail composer; the worker
/// must still send mail afterwards.
#[test]
fn plausible_registrations_with_hostile_text_never_fail() {
    let fz = Fuzzer::new();
    let text = |good: &'static [&'static str]| {
        prop_oneof![
            4 => proptest::sample::select(good).prop_map(str::to_owned),
            1 => nasty(),
        ]
    };
    let body = (
        (
            text(&["Amina Benali", "أمينة بن علي"]),
            prop_oneof![
                4 => "[a-z0-9._+-]{1,20}@(example|ville-sfax)\\.(org|tn)",
                1 => nasty(),
            ],
            text(&["Ville de Sfax"]),
            text(&["elected_official", "civil_servant", "other"]),
            text(&["Sfax", "Île-de-France"]),
        ),
        (
            text(&["TN", "MA", "FR"]),
            text(&["fr", "en", "ar"]),
            text(&["Africa/Tunis", "Europe/Paris"]),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(|((n, e, o, f, t), (c, l, z, consent, ann))| {
            Body::Json(json!({
                "full_name": n, "email": e, "organisation": o, "function": f,
                "territory": t, "country": c, "locale": l, "timezone": z,
                "consent": consent || ann, "announcements": ann,
            }))
        });
    let session = fz.session_id;
    fz.check("plausible registrations", body, move |fz, body| {
        fz.json(
            Method::POST,
            &format!("/api/v1/sessions/{session}/registrations"),
            &body,
        )
    });
    // The worker composed and sent whatever was accepted, and still works.
    fz.rt.block_on(async {
        let res = crate::helpers::registrations::post_registration(
            &fz.app,
            session,
            &crate::helpers::registrations::registration("after-fuzz@example.org", "After"),
        )
        .await;
        assert_eq!(res.status(), 202);
        fz.app.smtp.wait_for("after-fuzz@example.org", 1).await;
    });
}
