//! The back office: who may use it, sessions, and an invitation campaign end to end
//! through the SMTP receiver with the funnel counts checked.

use chrono::Utc;
use convive::db::schema::suppressions;
use convive::web::admin::{
    API_ROUTES, CAMPAIGN_API_ROUTES, CAMPAIGN_PAGE_ROUTES, PAGE_ROUTES, registered_api_routes,
    registered_page_routes,
};
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::helpers::{
    TestApp,
    pages::csrf_of,
    registrations::Stored,
    spawn_app,
    staff::{api, create_session, log_in, staff},
};

fn concrete(path: &str) -> String {
    path.replace("{slug}", "fight-food-waste")
        .replace("{id}", "999999")
        .replace("{lang}", "fr")
}

#[test]
fn the_access_tables_list_every_registered_admin_route() {
    for (table, registered) in [
        ([API_ROUTES, &CAMPAIGN_API_ROUTES], registered_api_routes()),
        (
            [PAGE_ROUTES, &CAMPAIGN_PAGE_ROUTES],
            registered_page_routes(),
        ),
    ] {
        let mut listed: Vec<(String, String)> = table
            .iter()
            .flat_map(|t| t.iter())
            .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
            .collect();
        let mut real: Vec<(String, String)> = registered
            .into_iter()
            .map(|(m, p)| (m.to_owned(), p))
            .collect();
        listed.sort();
        real.sort();
        assert_eq!(
            listed, real,
            "a registered admin route is missing from the table"
        );
    }
}

#[tokio::test]
async fn every_admin_page_checks_the_role_on_the_server() {
    let app = spawn_app().await;
    staff(&app, "orga@convive.test", "organiser");
    staff(&app, "admin@convive.test", "admin");
    staff(&app, "learner@convive.test", "learner");
    let learner = log_in(&app, "learner@convive.test").await;
    let organiser = log_in(&app, "orga@convive.test").await;
    let admin = log_in(&app, "admin@convive.test").await;
    let anonymous = crate::helpers::visitor::Browser::new(&app);
    // A valid CSRF token for each signed-in browser, so POSTs reach the role check
    // with a well-formed form.
    let token_of = |html: String| csrf_of(&html);
    let t_org = token_of(organiser.get_text("/fr/admin/webinars").await);
    let t_adm = token_of(admin.get_text("/fr/admin/webinars").await);
    let t_learner = token_of(learner.get_text("/fr/account/settings").await);
    for (method, path) in PAGE_ROUTES {
        let url = concrete(path);
        let admin_only = path.contains("/organisers");
        let send = |b: &crate::helpers::visitor::Browser, token: &str| {
            let m: reqwest::Method = method.parse().unwrap();
            let req = b.client.request(m.clone(), app.url(&url));
            let req = if m == reqwest::Method::GET {
                req
            } else {
                req.form(&[("csrf", token)])
            };
            req.send()
        };
        let anon = send(&anonymous, "").await.unwrap();
        assert_eq!(anon.status(), 303, "anonymous {method} {path}");
        let to = anon.headers()["location"].to_str().unwrap().to_owned();
        assert!(to.starts_with("/fr/account/login?next="), "{to}");
        let l = send(&learner, &t_learner).await.unwrap().status();
        assert_eq!(l, 403, "learner {method} {path}");
        let o = send(&organiser, &t_org).await.unwrap().status();
        if admin_only {
            assert_eq!(o, 403, "organiser {method} {path}");
        } else {
            assert!(
                o != 401 && o != 403 && o != 500,
                "organiser {method} {path}: {o}"
            );
        }
        let a = send(&admin, &t_adm).await.unwrap().status();
        assert!(
            a != 401 && a != 403 && a != 500,
            "admin {method} {path}: {a}"
        );
    }
}

#[tokio::test]
async fn every_admin_route_checks_the_role_on_the_server() {
    let app = spawn_app().await;
    let organiser = staff(&app, "orga@convive.test", "organiser");
    let admin = staff(&app, "admin@convive.test", "admin");
    staff(&app, "learner@convive.test", "learner");
    let learner = log_in(&app, "learner@convive.test").await;
    let cookie_organiser = log_in(&app, "orga@convive.test").await;
    for (method, path) in API_ROUTES {
        let m: reqwest::Method = method.parse().unwrap();
        let url = concrete(path);
        let admin_only = path.contains("/organisers");
        let anon = api(&app, "", m.clone(), &url, json!({})).await;
        assert_eq!(anon.status(), 401, "anonymous {method} {path}");
        let bad = api(&app, &"0".repeat(64), m.clone(), &url, json!({})).await;
        assert_eq!(bad.status(), 401, "unknown token {method} {path}");
        let l = learner
            .client
            .request(m.clone(), app.url(&url))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(l.status(), 403, "learner {method} {path}");
        for (who, token) in [("organiser", &organiser), ("admin", &admin)] {
            let s = api(&app, token, m.clone(), &url, json!({})).await.status();
            if admin_only && who == "organiser" {
                assert_eq!(s, 403, "{who} {method} {path}");
            } else {
                assert!(s != 401 && s != 403, "{who} {method} {path}: {s}");
            }
        }
        let c = cookie_organiser
            .client
            .request(m.clone(), app.url(&url))
            .json(&json!({}))
            .send()
            .await
            .unwrap()
            .status();
        assert!(
            c != 401 && (c != 403 || admin_only),
            "cookie {method} {path}: {c}"
        );
    }
}

#[tokio::test]
async fn admins_manage_organiser_accounts() {
    let app = spawn_app().await;
    let admin = staff(&app, "admin@convive.test", "admin");
    let count = |v: Value| v.as_array().unwrap().len();
    let before = count(
        api(
            &app,
            &admin,
            reqwest::Method::GET,
            "/api/v1/admin/organisers",
            json!({}),
        )
        .await
        .json()
        .await
        .unwrap(),
    );
    let res = api(
        &app,
        &admin,
        reqwest::Method::POST,
        "/api/v1/admin/organisers",
        json!({"email": "new@convive.test", "full_name": "Nadia"}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["role"], "organiser");
    assert!(body["password"].as_str().unwrap().len() >= 10);
    let id = body["id"].as_i64().unwrap();
    let list: Value = api(
        &app,
        &admin,
        reqwest::Method::GET,
        "/api/v1/admin/organisers",
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(count(list), before + 1);
    let res = api(
        &app,
        &admin,
        reqwest::Method::POST,
        &format!("/api/v1/admin/organisers/{id}/role"),
        json!({"role": "learner"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let list: Value = api(
        &app,
        &admin,
        reqwest::Method::GET,
        "/api/v1/admin/organisers",
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(count(list), before);
    let mut conn = app.db.conn().unwrap();
    let audit = convive::db::admin::recent_audit(&mut conn, 10).unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.action == "user.role" && a.detail == "learner")
    );
}

#[tokio::test]
async fn sessions_are_created_in_their_zone_and_bad_input_is_explained() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let id = create_session(&app, &token).await;
    let s = app.get_json(&format!("/api/v1/sessions/{id}")).await;
    assert_eq!(s["timezone"], "Africa/Casablanca");
    assert_eq!(s["capacity"], 2);
    assert!(
        s["starts_at"]
            .as_str()
            .unwrap()
            .starts_with("2030-03-14T09:00:00")
    );
    assert!(s.get("meeting_url").is_none());

    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars/fight-food-waste/sessions?lang=fr",
        json!({"starts_at": "tomorrow", "timezone": "Mars/Olympus", "duration_minutes": 0,
               "capacity": -1, "meeting_url": "javascript:alert(1)"}),
    )
    .await;
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    for field in [
        "starts_at",
        "timezone",
        "duration_minutes",
        "capacity",
        "meeting_url",
    ] {
        assert!(body["fields"][field].is_string(), "{field}: {body}");
    }
    assert!(
        body["fields"]["timezone"]
            .as_str()
            .unwrap()
            .contains("fuseau")
    );

    let res = api(
        &app,
        &token,
        reqwest::Method::PATCH,
        &format!("/api/v1/admin/sessions/{id}"),
        json!({"capacity": 30, "meeting_url": "https://meet.example.org/new"}),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.get_json(&format!("/api/v1/sessions/{id}")).await["capacity"],
        30
    );
}

const CONTACTS: &str = "\u{feff}Langue;Email;Nom;Organisation;Pays\n\
fr;claire@ville.example.fr;Claire Martin;Ville de Montpellier;FR\n\
ar;amina@fes.example.ma;أمينة العلوي;جماعة فاس;MA\n\
en;sami@sfax.example.tn;Sami Ben Ali;City of Sfax;TN\n\
fr;pas-une-adresse;Jean;X;FR\n\
en;CLAIRE@ville.example.fr;Claire M.;;\n\
en;gone@example.org;Gone;X;FR\n\
xx;who@example.org;Who;X;FR\n";

fn register(app: &TestApp, session_id: i64, email: &str, status: &str, attended: bool) {
    Stored {
        attended,
        ..Stored::new(session_id, email, status)
    }
    .insert(app);
}

fn path_of(link: &str, from: &str) -> String {
    link[link.find(from).expect("link path")..].to_owned()
}

#[tokio::test]
async fn a_campaign_end_to_end_through_the_smtp_receiver() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    {
        let mut conn = app.db.conn().unwrap();
        convive::db::suppressions::add(
            &mut conn,
            "gone@example.org",
            "bounce",
            Utc::now().naive_utc(),
        )
        .unwrap();
    }
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/campaigns?lang=fr",
        json!({"session_id": session, "contacts_csv": CONTACTS}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    let id = body["id"].as_i64().unwrap();
    let report = &body["report"];
    assert_eq!(report["valid"], 4, "{report}");
    assert_eq!(report["duplicates"], 1);
    assert_eq!(report["suppressed"], 1);
    let invalid = report["invalid"].as_array().unwrap();
    assert_eq!(invalid.len(), 2);
    assert_eq!(invalid[0]["line"], 5);
    assert!(invalid[0]["reason"].as_str().unwrap().contains("adresse"));
    assert_eq!(invalid[1]["line"], 8);

    let send = format!("/api/v1/admin/campaigns/{id}/send");
    let res = api(&app, &token, reqwest::Method::POST, &send, json!({})).await;
    assert_eq!(res.json::<Value>().await.unwrap()["queued"], 3);
    let again = api(&app, &token, reqwest::Method::POST, &send, json!({})).await;
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["queued"], 0, "{again}");

    let amina = app.smtp.wait_for("amina@fes.example.ma", 1).await;
    let claire = app.smtp.wait_for("claire@ville.example.fr", 1).await;
    app.smtp.wait_for("sami@sfax.example.tn", 1).await;
    assert!(
        amina[0].subject().starts_with("دعوة"),
        "{}",
        amina[0].subject()
    );
    assert!(claire[0].subject().starts_with("Invitation : "));
    assert!(claire[0].text().contains("2030"));
    assert!(amina[0].header("List-Unsubscribe").is_some());
    assert!(amina[0].header("List-Unsubscribe-Post").is_some());
    assert!(
        amina[0].attachment("text/calendar").is_none(),
        "no .ics before registering"
    );

    // The personal link opens a page leading to the pre-filled form.
    let link = amina[0].link_containing("/ar/invitations/").unwrap();
    let path = path_of(&link, "/ar/invitations/");
    let page = app.get_text(&path).await;
    let tok = path.rsplit('/').next().unwrap();
    assert!(page.contains(&format!("/ar/sessions/{session}/register?invitation={tok}")));
    assert!(page.contains("dir=\"rtl\""));
    assert_eq!(app.get(&path).await.status(), 200);
    assert_eq!(app.get("/ar/invitations/nope").await.status(), 404);

    // Claire unsubscribes in one click (RFC 8058).
    let unsub = claire[0].link_containing("/unsubscribe/").unwrap();
    let upath = path_of(&unsub, "/unsubscribe/");
    assert!(app.get_text(&upath).await.contains("<form"));
    let res = app
        .client
        .post(app.url(&upath))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    {
        let mut conn = app.db.conn().unwrap();
        let n: i64 = suppressions::table
            .filter(suppressions::reason.eq("unsubscribe"))
            .count()
            .get_result(&mut *conn)
            .unwrap();
        assert_eq!(n, 1);
    }

    // Amina registers (matched by address), is confirmed and attends.
    register(&app, session, "amina@fes.example.ma", "confirmed", true);
    let campaign: Value = api(
        &app,
        &token,
        reqwest::Method::GET,
        &format!("/api/v1/admin/campaigns/{id}"),
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap();
    let f = &campaign["funnel"];
    assert_eq!(f["queued"], 3, "{f}");
    assert_eq!(f["sent"], 3, "{f}");
    assert_eq!(f["failed"], 0);
    assert_eq!(f["unsubscribed"], 1);
    assert_eq!(f["clicked"], 1);
    assert_eq!(f["registered"], 1);
    assert_eq!(f["confirmed"], 1);
    assert_eq!(f["attended"], 1);
    assert_eq!(f["watched"], 0);
    let stages: Vec<&str> = campaign["invitees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["stage"].as_str().unwrap())
        .collect();
    assert_eq!(
        stages,
        vec!["unsubscribed", "attended", "sent", "suppressed"]
    );

    // Only Sami has not answered: the reminder goes to him alone, with the same link.
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/admin/campaigns/{id}/remind"),
        json!({}),
    )
    .await;
    assert_eq!(res.json::<Value>().await.unwrap()["queued"], 1);
    let sami = app.smtp.wait_for("sami@sfax.example.tn", 2).await;
    assert!(sami[1].subject().starts_with("Reminder"));
    assert_eq!(
        sami[0].link_containing("/invitations/"),
        sami[1].link_containing("/invitations/")
    );
}
