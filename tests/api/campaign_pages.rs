//! The campaign back office from the browser's side: every new admin route against each
//! role, and a campaign end to end from the pages through the SMTP receiver.

use convive::web::admin::{CAMPAIGN_API_ROUTES, CAMPAIGN_PAGE_ROUTES};
use serde_json::{Value, json};

use crate::helpers::{
    TestApp,
    campaigns::{campaign_id, upload},
    pages::{csrf_of, has_arabic, multipart, plain},
    spawn_app,
    staff::{api, create_session, log_in, staff},
    visitor::Browser,
};

fn concrete(path: &str) -> String {
    path.replace("{lang}", "fr")
        .replace("{id}", "999999")
        .replace("{locale}", "fr")
}

#[tokio::test]
async fn every_campaign_route_checks_the_role_on_the_server() {
    let app = spawn_app().await;
    let organiser = staff(&app, "orga@convive.test", "organiser");
    let admin = staff(&app, "admin@convive.test", "admin");
    staff(&app, "learner@convive.test", "learner");
    let learner = log_in(&app, "learner@convive.test").await;
    let cookie = log_in(&app, "orga@convive.test").await;
    let anonymous = Browser::new(&app);
    for (method, path) in CAMPAIGN_API_ROUTES {
        let m: reqwest::Method = method.parse().unwrap();
        let url = concrete(path);
        assert_eq!(
            api(&app, "", m.clone(), &url, json!({})).await.status(),
            401,
            "anonymous {method} {path}"
        );
        let l = learner
            .client
            .request(m.clone(), app.url(&url))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(l.status(), 403, "learner {method} {path}");
        for token in [&organiser, &admin] {
            let s = api(&app, token, m.clone(), &url, json!({})).await.status();
            assert!(
                s != 401 && s != 403 && s.as_u16() < 500,
                "staff {method} {path}: {s}"
            );
        }
        let c = cookie
            .client
            .request(m.clone(), app.url(&url))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert!(
            c.status() != 401 && c.status() != 403,
            "cookie {method} {path}: {}",
            c.status()
        );
    }
    let csrf = cookie.csrf("/fr/admin/campaigns/new").await;
    for (method, path) in CAMPAIGN_PAGE_ROUTES {
        let m: reqwest::Method = method.parse().unwrap();
        let url = app.url(&concrete(path));
        let send = |b: &Browser, with_csrf: bool| {
            let mut req = b.client.request(m.clone(), &url);
            if m == reqwest::Method::POST {
                let token = if with_csrf {
                    csrf.clone()
                } else {
                    String::new()
                };
                req = req.form(&[("csrf", token)]);
            }
            req.send()
        };
        let anon = send(&anonymous, false).await.unwrap();
        assert_eq!(anon.status(), 303, "anonymous {method} {path}");
        assert!(
            anon.headers()["location"]
                .to_str()
                .unwrap()
                .contains("/account/login"),
            "anonymous {method} {path} goes to the login page"
        );
        let l = send(&learner, false).await.unwrap();
        assert_eq!(l.status(), 403, "learner {method} {path}");
        let o = send(&cookie, true).await.unwrap().status();
        assert!(o != 401 && o != 403, "organiser {method} {path}: {o}");
        assert!(o.as_u16() < 500, "organiser {method} {path}: {o}");
        if m == reqwest::Method::GET {
            assert_ne!(
                o, 303,
                "organiser {method} {path} is not sent to the login page"
            );
        }
    }
}

const CONTACTS: &str = "\u{feff}email;nom;langue;organisme;pays\n\
claire@ville.example.fr;Claire Martin;fr;Ville de Montpellier;FR\n\
amina@fes.example.ma;أمينة العلوي;ar;جماعة فاس;MA\n\
sami@sfax.example.tn;Sami Ben Ali;en;City of Sfax;TN\n\
pas-une-adresse;Jean;fr;X;FR\n\
gone@example.org;Gone;fr;X;FR\n";

async fn campaign_json(app: &TestApp, token: &str, id: i64) -> Value {
    api(
        app,
        token,
        reqwest::Method::GET,
        &format!("/api/v1/admin/campaigns/{id}"),
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap()
}

#[tokio::test]
async fn a_campaign_from_the_pages_end_to_end() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    {
        let mut conn = app.db.conn().unwrap();
        convive::db::suppressions::add(
            &mut conn,
            "gone@example.org",
            "bounce",
            chrono::Utc::now().naive_utc(),
        )
        .unwrap();
    }
    let orga = log_in(&app, "orga@convive.test").await;

    // The form lists the session; a missing file is explained next to the field.
    let form = plain(&orga.get_text("/fr/admin/campaigns/new").await);
    assert!(form.contains(&format!("<option value=\"{session}\"")));
    assert!(form.contains("enctype=\"multipart/form-data\""));
    let csrf = csrf_of(&form);
    let target = session.to_string();
    let (ctype, body) = multipart(&[
        ("csrf", None, csrf.as_bytes()),
        ("name", None, b"Maires"),
        ("target", None, target.as_bytes()),
    ]);
    let res = orga
        .client
        .post(app.url("/fr/admin/campaigns"))
        .header("Content-Type", ctype)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = plain(&res.text().await.unwrap());
    assert!(html.contains("Choisissez la liste de contacts"), "{html}");
    assert!(html.contains("value=\"Maires\""), "the name typed is kept");

    // Upload: the report shows every row.
    let res = upload(
        &orga,
        "fr",
        &session.to_string(),
        "contacts.csv",
        CONTACTS.as_bytes(),
    )
    .await;
    let id = campaign_id(&res);
    let page = plain(&orga.get_text(&format!("/fr/admin/campaigns/{id}")).await);
    assert!(page.contains("Contacts valides : 4"), "{page}");
    assert!(page.contains("Lignes non retenues : 1"));
    assert!(
        page.contains("<td>5</td><td>L&#39;adresse")
            || page.contains("<td>5</td><td>L’adresse")
            || page.contains("<td>5</td>"),
        "line 5 listed"
    );
    assert!(
        page.contains("gone@example.org"),
        "suppressed address listed"
    );
    assert!(
        page.contains("Envoyer l&#39;invitation à 3 personnes") || page.contains("à 3 personnes"),
        "{page}"
    );

    // Preview in the three languages, by the real composer.
    let preview = plain(
        &orga
            .get_text(&format!("/fr/admin/campaigns/{id}/preview"))
            .await,
    );
    assert!(preview.contains("Invitation : "), "{preview}");
    assert!(preview.contains("Invitation: "));
    assert!(has_arabic(&preview) && preview.contains("dir=\"rtl\""));
    assert!(preview.contains("Claire Martin") && preview.contains("أمينة العلوي"));
    let html = orga
        .get(&format!("/fr/admin/campaigns/{id}/preview/ar"))
        .await;
    assert_eq!(html.status(), 200);
    let csp = html.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.starts_with("sandbox"), "{csp}");
    assert!(
        html.text()
            .await
            .unwrap()
            .contains("<html lang=\"ar\" dir=\"rtl\">")
    );
    let json: Value = api(
        &app,
        &token,
        reqwest::Method::GET,
        &format!("/api/v1/admin/campaigns/{id}/preview"),
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert!(
        json["en"]["subject"]
            .as_str()
            .unwrap()
            .starts_with("Invitation: ")
    );
    assert!(has_arabic(json["ar"]["text"].as_str().unwrap()));

    // Send from the page; the progress figures are on the page and in the API.
    let csrf = csrf_of(&page);
    let res = orga
        .post_form(
            &format!("/fr/admin/campaigns/{id}/send"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .ends_with("?sent=3")
    );
    let amina = app.smtp.wait_for("amina@fes.example.ma", 1).await;
    app.smtp.wait_for("claire@ville.example.fr", 1).await;
    app.smtp.wait_for("sami@sfax.example.tn", 1).await;
    assert!(amina[0].subject().starts_with("دعوة"));

    // Sending again sends nothing more.
    let res = orga
        .post_form(
            &format!("/fr/admin/campaigns/{id}/send"),
            &[("csrf", &csrf)],
        )
        .await;
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .ends_with("?sent=0")
    );

    // Amina opens her link and registers with the form; she confirms from the mail.
    let link = amina[0].link_containing("/ar/invitations/").unwrap();
    let path = &link[link.find("/ar/invitations/").unwrap()..];
    let invitation = app.get_text(path).await;
    assert!(invitation.contains(&format!("/ar/sessions/{session}/register?invitation=")));
    let visitor = Browser::new(&app);
    let form = visitor
        .get_text(&format!("/ar/sessions/{session}/register"))
        .await;
    let res = visitor
        .post_form(
            &format!("/ar/sessions/{session}/register"),
            &[
                ("csrf", &csrf_of(&form)),
                ("full_name", "أمينة العلوي"),
                ("email", "amina@fes.example.ma"),
                ("organisation", "جماعة فاس"),
                ("function", "elected_official"),
                ("territory", "فاس"),
                ("country", "MA"),
                ("locale", "ar"),
                ("timezone", "Africa/Casablanca"),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let mails = app.smtp.wait_for("amina@fes.example.ma", 2).await;
    let confirm = mails[1]
        .link_containing("/registrations/confirm/")
        .expect("confirm link");
    let confirm_token = confirm.rsplit('/').next().unwrap();
    let res = app
        .client
        .post(app.url("/api/v1/registrations/confirm"))
        .json(&json!({"token": confirm_token}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // The funnel, in the API and on the page (a refresh shows current figures).
    let c = campaign_json(&app, &token, id).await;
    let f = &c["funnel"];
    assert_eq!(
        (
            f["queued"].as_i64(),
            f["sent"].as_i64(),
            f["failed"].as_i64()
        ),
        (Some(3), Some(3), Some(0)),
        "{f}"
    );
    assert_eq!(
        (
            f["clicked"].as_i64(),
            f["registered"].as_i64(),
            f["confirmed"].as_i64()
        ),
        (Some(1), Some(1), Some(1)),
        "{f}"
    );
    assert_eq!(c["in_flight"], 0);
    let light: Value = api(
        &app,
        &token,
        reqwest::Method::GET,
        &format!("/api/v1/admin/campaigns/{id}?invitees=false"),
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert!(light.get("invitees").is_none() && light["funnel"]["sent"] == 3);
    let page = plain(&orga.get_text(&format!("/fr/admin/campaigns/{id}")).await);
    assert!(page.contains("data-funnel=\"confirmed\">1<"), "{page}");
    assert!(page.contains("data-funnel=\"sent\">3<"));
    assert!(page.contains("max=\"3\" value=\"3\""), "progress bar full");
    assert!(page.contains("js/admin-campaign.js"));
    let confirmed = plain(
        &orga
            .get_text(&format!("/fr/admin/campaigns/{id}?stage=confirmed"))
            .await,
    );
    assert!(
        confirmed.contains("amina@fes.example.ma") && !confirmed.contains("sami@sfax.example.tn")
    );

    // The list shows the campaign with its totals; the API lists it too.
    let list = plain(&orga.get_text("/fr/admin/campaigns").await);
    assert!(list.contains(&format!("/fr/admin/campaigns/{id}\"")));
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
    assert_eq!(all[0]["id"], id);
    assert_eq!(all[0]["report"]["valid"], 4);

    // Remind those who have not answered: Claire and Sami, not Amina (who got her
    // invitation, the confirmation request and the confirmation).
    let amina_before = app.smtp.wait_for("amina@fes.example.ma", 3).await.len();
    let res = orga
        .post_form(
            &format!("/fr/admin/campaigns/{id}/remind"),
            &[("csrf", &csrf)],
        )
        .await;
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .ends_with("?reminded=2")
    );
    let sami = app.smtp.wait_for("sami@sfax.example.tn", 2).await;
    assert!(
        sami[1].subject().starts_with("Reminder"),
        "{}",
        sami[1].subject()
    );
    app.smtp.wait_for("claire@ville.example.fr", 2).await;
    assert_eq!(
        app.smtp.to("amina@fes.example.ma").len(),
        amina_before,
        "no reminder for Amina"
    );

    // A campaign that has been sent cannot be deleted.
    let res = api(
        &app,
        &token,
        reqwest::Method::DELETE,
        &format!("/api/v1/admin/campaigns/{id}"),
        json!({}),
    )
    .await;
    assert_eq!(res.status(), 409);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "campaign_sent");

    // Every action is in the audit log.
    let mut conn = app.db.conn().unwrap();
    let actions: Vec<String> = convive::db::admin::recent_audit(&mut conn, 20)
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    for a in ["campaign.create", "campaign.send", "campaign.remind"] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
}

#[tokio::test]
async fn a_list_past_the_size_limit_is_refused_clearly() {
    let app = spawn_app().await;
    staff(&app, "orga@convive.test", "organiser");
    let orga = log_in(&app, "orga@convive.test").await;
    let big = vec![b'a'; convive::web::admin::upload::MAX_FILE_BYTES + 1024];
    let res = upload(&orga, "en", "series", "huge.csv", &big).await;
    assert_eq!(res.status(), 413);
    let html = plain(&res.text().await.unwrap());
    assert!(html.contains("The file is too large"), "{html}");
    assert!(
        html.contains("value=\"Test campaign\""),
        "the name typed is kept"
    );
    assert!(html.contains("<option value=\"series\" selected>"));
}
