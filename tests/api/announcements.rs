//! Announcements to a session's registrants, each in their language (or the nearest one
//! written), through the SMTP receiver; a double submission sends nothing more.

use serde_json::{Value, json};

use crate::helpers::{
    pages::{csrf_of, has_arabic, plain},
    registrations::registrant_speaking,
    spawn_app,
    staff::{api, create_session, log_in, staff},
};

#[tokio::test]
async fn an_announcement_reaches_each_registrant_in_their_language() {
    let app = spawn_app().await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let session = create_session(&app, &token).await;
    registrant_speaking(&app, session, "fr@ville.example", "fr", "confirmed");
    registrant_speaking(&app, session, "en@city.example", "en", "confirmed");
    registrant_speaking(&app, session, "ar@madina.example", "ar", "confirmed");
    registrant_speaking(&app, session, "wait@ville.example", "fr", "waitlisted");
    registrant_speaking(&app, session, "gone@ville.example", "fr", "cancelled");
    let orga = log_in(&app, "orga@convive.test").await;

    let form = plain(
        &orga
            .get_text(&format!("/en/admin/announcements/new?session={session}"))
            .await,
    );
    assert!(
        form.contains(&format!("<option value=\"{session}\" selected")),
        "{form}"
    );
    assert!(
        form.contains("Registrants who read Arabic get the Arabic text"),
        "fallbacks shown"
    );
    let key = form
        .split("name=\"idempotency_key\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let csrf = csrf_of(&form);
    let session_id = session.to_string();
    let fields = [
        ("csrf", csrf.as_str()),
        ("idempotency_key", key.as_str()),
        ("session_id", session_id.as_str()),
        ("subject_fr", "Nouveau lien de réunion"),
        ("body_fr", "Bonjour,\r\n\r\nLe lien de la réunion change."),
        ("subject_en", ""),
        ("body_en", ""),
        ("subject_ar", "رابط اجتماع جديد"),
        ("body_ar", "تغيّر رابط الاجتماع."),
    ];

    // A half-written language is explained next to its field; nothing typed is lost.
    let mut half = fields.to_vec();
    half[5] = ("subject_en", "New meeting link");
    let res = orga.post_form("/en/admin/announcements", &half).await;
    assert_eq!(res.status(), 422);
    let html = plain(&res.text().await.unwrap());
    assert!(
        html.contains("Write the message in this language too"),
        "{html}"
    );
    assert!(html.contains("value=\"New meeting link\"") && html.contains("تغيّر رابط الاجتماع."));
    assert!(
        html.contains("As written now: the French text"),
        "fallback with the texts typed"
    );

    let res = orga.post_form("/en/admin/announcements", &fields).await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.contains("queued=3"), "{location}");

    let fr = app.smtp.wait_for("fr@ville.example", 1).await;
    let en = app.smtp.wait_for("en@city.example", 1).await;
    let ar = app.smtp.wait_for("ar@madina.example", 1).await;
    assert_eq!(fr[0].subject(), "Nouveau lien de réunion");
    assert_eq!(
        en[0].subject(),
        "Nouveau lien de réunion",
        "English falls back to French"
    );
    assert_eq!(ar[0].subject(), "رابط اجتماع جديد");
    assert!(fr[0].text().contains("Le lien de la réunion change."));
    assert!(has_arabic(&ar[0].text()) && ar[0].html().contains("dir=\"rtl\""));
    for m in [&fr[0], &en[0], &ar[0]] {
        assert!(m.header("List-Unsubscribe").is_some(), "List-Unsubscribe");
        assert_eq!(
            m.header("List-Unsubscribe-Post").as_deref(),
            Some("List-Unsubscribe=One-Click")
        );
    }
    assert!(
        app.smtp.to("wait@ville.example").is_empty(),
        "waitlisted left out unless asked"
    );
    assert!(app.smtp.to("gone@ville.example").is_empty());

    // Submitting the same form again sends nothing more.
    let res = orga.post_form("/en/admin/announcements", &fields).await;
    assert_eq!(res.status(), 303);
    let again = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(again.contains("duplicate=true"), "{again}");
    let page = plain(&orga.get_text(&again.replace(&app.address, "")).await);
    assert!(page.contains("had already been sent"));
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(app.smtp.messages().len(), 3);

    // One-click unsubscribe from the announcement.
    let link = ar[0].link_containing("/unsubscribe/").unwrap();
    let path = &link[link.find("/unsubscribe/").unwrap()..];
    let question = plain(&app.get_text(path).await);
    assert!(question.contains("dir=\"rtl\"") && question.contains("إيقاف إرسال الإعلانات"));
    let res = app
        .client
        .post(app.url(path))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(plain(&res.text().await.unwrap()).contains("لن يتلقى ar@madina.example إعلاناتنا"));

    // Through the API, with the waiting list: the unsubscribed address is skipped.
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/admin/sessions/{session}/announcements"),
        json!({"subject": {"en": "Slides online"}, "body": {"en": "The slides are online."}, "include_waitlisted": true}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let sent: Value = res.json().await.unwrap();
    assert_eq!(sent["queued"], 3, "{sent}");
    assert_eq!(sent["skipped"], 1);
    assert_eq!(sent["by_locale"]["en"], 3);
    let w = app.smtp.wait_for("wait@ville.example", 1).await;
    assert_eq!(w[0].subject(), "Slides online");
    let list: Value = api(
        &app,
        &token,
        reqwest::Method::GET,
        "/api/v1/admin/announcements",
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
    let first = list[1]["id"].as_i64().unwrap();
    let detail: Value = api(
        &app,
        &token,
        reqwest::Method::GET,
        &format!("/api/v1/admin/announcements/{first}"),
        json!({}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(detail["by_locale"]["fr"], 2, "{detail}");
    assert_eq!(detail["by_locale"]["ar"], 1);
    assert_eq!(detail["unsubscribed"], 1);
    let unknown = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/sessions/999999/announcements",
        json!({"subject": {"fr": "x"}, "body": {"fr": "y"}}),
    )
    .await;
    assert_eq!(unknown.status(), 404);
    let empty = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/admin/sessions/{session}/announcements?lang=fr"),
        json!({}),
    )
    .await;
    assert_eq!(empty.status(), 422);
    let body: Value = empty.json().await.unwrap();
    assert!(
        body["fields"]["subject_fr"]
            .as_str()
            .unwrap()
            .contains("au moins une langue")
    );

    let list_page = plain(&orga.get_text("/ar/admin/announcements").await);
    assert!(list_page.contains("رابط اجتماع جديد"));
    let mut conn = app.db.conn().unwrap();
    let audit = convive::db::admin::recent_audit(&mut conn, 10).unwrap();
    assert_eq!(
        audit
            .iter()
            .filter(|a| a.action == "announcement.send")
            .count(),
        2
    );
}

/// The menu of the admin shell on `html`: every entry an organiser may use, `current`
/// marked (and only it), no admins-only entry.
fn assert_admin_menu(html: &str, current: &str, label: &str) {
    for href in [
        "/ar/admin/",
        "/ar/admin/webinars",
        "/ar/admin/registrants",
        "/ar/admin/campaigns",
        "/ar/admin/announcements",
        "/ar/admin/mail",
        "/ar/admin/audit",
    ] {
        assert!(
            html.contains(&format!("<a href=\"{href}\"")),
            "{href}: {html}"
        );
    }
    assert!(
        html.contains(&format!(
            "<a href=\"{current}\" aria-current=\"page\">{label}</a>"
        )),
        "{current} marked: {html}"
    );
    assert_eq!(html.matches("aria-current=\"page\"").count(), 1);
    assert!(!html.contains("/ar/admin/organisers"), "admins only");
    assert!(html.contains("class=\"admin-main\""));
}

#[tokio::test]
async fn campaign_announcement_and_mail_pages_share_the_admin_menu() {
    let app = spawn_app().await;
    staff(&app, "orga@convive.test", "organiser");
    let orga = log_in(&app, "orga@convive.test").await;
    for (path, current, label) in [
        ("/ar/admin/campaigns", "/ar/admin/campaigns", "الحملات"),
        ("/ar/admin/campaigns/new", "/ar/admin/campaigns", "الحملات"),
        (
            "/ar/admin/announcements",
            "/ar/admin/announcements",
            "الإعلانات",
        ),
        (
            "/ar/admin/announcements/new",
            "/ar/admin/announcements",
            "الإعلانات",
        ),
        ("/ar/admin/mail", "/ar/admin/mail", "البريد"),
    ] {
        let html = plain(&orga.get_text(path).await);
        assert!(html.contains("dir=\"rtl\""), "{path}");
        assert_admin_menu(&html, current, label);
    }

    // A form sent back with an error keeps the shell too.
    let form = orga.get_text("/ar/admin/announcements/new").await;
    let csrf = csrf_of(&form);
    let res = orga
        .post_form(
            "/ar/admin/announcements",
            &[
                ("csrf", csrf.as_str()),
                ("session_id", "x"),
                ("subject_ar", "موضوع"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = plain(&res.text().await.unwrap());
    assert!(html.contains("موضوع"), "nothing typed is lost");
    assert_admin_menu(&html, "/ar/admin/announcements", "الإعلانات");
}
