//! "Register for the whole series": one form, one confirmation mail for every webinar's
//! next session (each then with its own seat or waitlist place), one manage page that
//! cancels one session or all.

use mail_parser::MimeHeaders;
use serde_json::Value;

use crate::helpers::{
    TestApp,
    mailbox::path_of,
    pages::{csrf_of, post},
    registrations::{body, confirm, register_and_get_token, small_session, status_of},
    spawn_app,
};

fn calendars(mail: &crate::helpers::smtp::ReceivedMail) -> Vec<String> {
    mail.parsed()
        .attachments()
        .filter(|a| a.is_content_type("text", "calendar"))
        .map(|a| String::from_utf8_lossy(a.contents()).into_owned())
        .collect()
}

/// The next session of each webinar, as the programme API lists them.
async fn next_sessions(app: &TestApp) -> Vec<i64> {
    app.get_json("/api/v1/webinars")
        .await
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["sessions"].as_array().unwrap().first().cloned())
        .map(|s| s["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn one_form_and_one_mail_register_for_every_webinar_of_the_series() {
    let app = spawn_app().await;
    let sessions = next_sessions(&app).await;
    assert_eq!(sessions.len(), 5);
    // The small session (2 seats) is full: that one will be waitlisted.
    let small = small_session(&app).await;
    assert!(sessions.contains(&small));
    for who in ["a@full.example", "b@full.example"] {
        let t = register_and_get_token(&app, small, who, "en").await;
        confirm(&app, &t).await;
    }

    let home = app.get_text("/fr/").await;
    assert!(home.contains("href=\"/fr/series/register\""));
    let page = app.get_text("/fr/series/register").await;
    for id in &sessions {
        let s = app.get_json(&format!("/api/v1/sessions/{id}")).await;
        assert!(page.contains(s["webinar_slug"].as_str().unwrap()));
    }
    let form = [
        ("csrf", csrf_of(&page)),
        ("full_name", "Karim Mansour".into()),
        ("email", "karim@tunis.example.tn".into()),
        ("organisation", "Ville de Tunis".into()),
        ("function", "civil_servant".into()),
        ("territory", "Tunis".into()),
        ("country", "TN".into()),
        ("locale", "fr".into()),
        ("timezone", "Africa/Tunis".into()),
        ("consent", "on".into()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // Without consent: the error is next to the field, nothing typed is lost.
    let res = post(&app, "/fr/series/register", &form[..form.len() - 1]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Votre accord est nécessaire pour vous inscrire."));
    assert!(
        html.contains("value=\"Karim Mansour\"") && html.contains("<option value=\"TN\" selected>")
    );
    let res = post(&app, "/fr/series/register", &form).await;
    assert_eq!(res.status(), 200);
    // A double submit: still one mail.
    post(&app, "/fr/series/register", &form).await;

    let request = &app.smtp.wait_for("karim@tunis.example.tn", 1).await[0];
    assert!(
        request
            .subject()
            .starts_with("Confirmez votre inscription à la série")
    );
    let text = request.text();
    for title in ["Lutter contre le gaspillage alimentaire", "Produire"] {
        assert!(text.contains(title), "{title} missing in\n{text}");
    }
    let confirm_path = path_of(&request.link_containing("/registrations/confirm/").unwrap());
    let page = app.get_text(&confirm_path).await;
    let res = post(&app, &confirm_path, &[("csrf", &csrf_of(&page))]).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("confirmée"), "{html}");

    let mails = app.smtp.wait_for("karim@tunis.example.tn", 2).await;
    assert_eq!(mails.len(), 2, "one mail confirms them all");
    let outcome = &mails[1];
    let ics = calendars(outcome);
    assert_eq!(ics.len(), 4, "one invitation per confirmed seat");
    assert!(ics.iter().all(|c| c.contains("METHOD:REQUEST")));
    assert!(outcome.text().contains("liste d’attente, position 1"));
    assert_eq!(
        outcome.text().matches("/join/").count(),
        4,
        "a join link per seat"
    );

    // The manage page lists the five; cancel one, then all.
    let manage = path_of(&outcome.link_containing("/registrations/").unwrap());
    let token = manage.rsplit('/').next().unwrap().to_owned();
    let view = app
        .get_json(&format!("/api/v1/registrations/{token}"))
        .await;
    assert_eq!(view["series"], true);
    let regs = view["registrations"].as_array().unwrap();
    assert_eq!(regs.len(), 5);
    assert_eq!(
        regs.iter().filter(|r| r["status"] == "confirmed").count(),
        4
    );
    assert!(regs.iter().all(|r| r["manage_url"].is_string()));
    let page = app.get_text(&manage).await;
    assert_eq!(page.matches("name=\"session_id\"").count(), 5);
    let first = regs[0]["session"]["id"].as_i64().unwrap();
    let res = post(
        &app,
        &manage,
        &[
            ("csrf", &csrf_of(&page)),
            ("action", "cancel"),
            ("session_id", &first.to_string()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let mails = app.smtp.wait_for("karim@tunis.example.tn", 3).await;
    assert_eq!(calendars(&mails[2]).len(), 1);
    assert!(calendars(&mails[2])[0].contains("METHOD:CANCEL"));
    let view = app
        .get_json(&format!("/api/v1/registrations/{token}"))
        .await;
    assert_eq!(view["registrations"][0]["status"], "cancelled");

    let res = app
        .client
        .delete(app.url(&format!("/api/v1/registrations/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let mails = app.smtp.wait_for("karim@tunis.example.tn", 4).await;
    let cancels = calendars(&mails[3]);
    assert_eq!(cancels.len(), 4, "the four left, in one mail");
    assert!(cancels.iter().all(|c| c.contains("METHOD:CANCEL")));
    let view = app
        .get_json(&format!("/api/v1/registrations/{token}"))
        .await;
    assert!(
        view["registrations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "cancelled")
    );
    assert_eq!(status_of(&app, "a@full.example"), "confirmed");
}

#[tokio::test]
async fn the_series_api_registers_confirms_and_cancels_one_session() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/api/v1/series/registrations"))
        .json(&body("rana@amman.example.jo", "ar"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "pending");
    let mail = &app.smtp.wait_for("rana@amman.example.jo", 1).await[0];
    assert!(mail.html().contains("dir=\"rtl\""));
    let token = mail
        .link_containing("/registrations/confirm/")
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let c = confirm(&app, &token).await;
    assert_eq!(c["status"], "confirmed");
    assert_eq!(c["sessions"].as_array().unwrap().len(), 5);
    assert_eq!(
        confirm(&app, &token).await["status"],
        "confirmed",
        "idempotent"
    );
    let mails = app.smtp.wait_for("rana@amman.example.jo", 2).await;
    let manage = mails[1]
        .link_containing("/registrations/")
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let session = c["sessions"][2]["session_id"].as_i64().unwrap();
    let res = app
        .client
        .delete(app.url(&format!(
            "/api/v1/registrations/{manage}?session_id={session}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let view = app
        .get_json(&format!("/api/v1/registrations/{manage}"))
        .await;
    let statuses: Vec<&str> = view["registrations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == "cancelled").count(), 1);
    let unknown = app
        .client
        .delete(app.url(&format!("/api/v1/registrations/{manage}?session_id=999999")))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
    let doc = app.get_json("/api/v1/openapi.json").await;
    assert!(doc["paths"]["/api/v1/series/registrations"]["post"].is_object());
}

#[tokio::test]
async fn a_whole_series_invitation_leads_to_the_prefilled_series_form() {
    let app = spawn_app().await;
    let token = crate::helpers::staff::staff(&app, "orga@convive.test", "organiser");
    let csv = "email,name,language,organisation,country\n\
               omar@sousse.example.tn,Omar Trabelsi,en,City of Sousse,TN\n";
    let res = crate::helpers::staff::api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/campaigns",
        serde_json::json!({"series": true, "contacts_csv": csv}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    crate::helpers::staff::api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/admin/campaigns/{id}/send"),
        serde_json::json!({}),
    )
    .await;
    let mail = &app.smtp.wait_for("omar@sousse.example.tn", 1).await[0];
    let page = app
        .get_text(&path_of(&mail.link_containing("/invitations/").unwrap()))
        .await;
    let form_path = page
        .split("href=\"")
        .map(|s| s.split('"').next().unwrap())
        .find(|h| h.starts_with("/en/series/register?invitation="))
        .expect("a link to the series form");
    let form = app.get_text(form_path).await;
    for expected in [
        "value=\"Omar Trabelsi\"",
        "value=\"omar@sousse.example.tn\"",
        "value=\"City of Sousse\"",
        "<option value=\"TN\" selected>",
    ] {
        assert!(form.contains(expected), "{expected} missing");
    }
}
