//! Header injection: CR/LF, encoded words and look-alike line breaks in every field that
//! reaches a mail (name, organisation, territory, contact-list columns, announcement
//! subject). The mail read back from the SMTP receiver never carries an injected header
//! nor a second recipient.

use convive::domain::{EmailAddress, Locale};
use convive::mail::MailKind;
use serde_json::json;

use crate::helpers::{
    registrations::{post_registration, registration, sessions_of},
    smtp::ReceivedMail,
    spawn_app_with,
    staff::{api, staff},
};

/// Attempts to add a header or a recipient.
pub const INJECTIONS: [&str; 10] = [
    "Eve\r\nBcc: victim@evil.example",
    "Eve\nX-Injected: yes",
    "Eve\rX-Injected: yes",
    "Eve\r\n\r\n<html>forged body",
    "=?utf-8?q?Eve=0D=0ABcc:_victim@evil.example?=",
    "=?utf-8?b?RXZlDQpCY2M6IHZpY3RpbUBldmlsLmV4YW1wbGU=?=",
    "Eve%0d%0aBcc:%20victim@evil.example",
    "Eve\u{2028}Bcc: victim@evil.example",
    "Eve\u{85}X-Injected: yes",
    "Eve\u{0}Bcc: victim@evil.example",
];

/// The header block of a raw message, unfolded: (lower-case name, value).
fn headers(mail: &ReceivedMail) -> Vec<(String, String)> {
    let raw = String::from_utf8_lossy(&mail.raw).replace("\r\n", "\n");
    let head = raw.split("\n\n").next().unwrap();
    let mut out: Vec<(String, String)> = vec![];
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            out.last_mut().unwrap().1.push_str(line.trim());
        } else {
            let (name, value) = line.split_once(':').expect("header line");
            out.push((name.to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    out
}

fn assert_clean(mail: &ReceivedMail, to: &str) {
    let headers = headers(mail);
    for (name, value) in &headers {
        assert!(
            !matches!(name.as_str(), "bcc" | "cc" | "x-injected" | "reply-to"),
            "injected header {name}: {value}"
        );
        assert!(
            name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
            "odd header name {name:?}"
        );
    }
    let tos: Vec<_> = headers.iter().filter(|(n, _)| n == "to").collect();
    assert_eq!(tos.len(), 1);
    assert_eq!(tos[0].1, to);
    assert_eq!(mail.to, vec![to.to_owned()], "one envelope recipient");
    let parsed = mail.parsed();
    assert!(parsed.bcc().is_none() && parsed.cc().is_none());
    assert!(parsed.header("X-Injected").is_none());
}

#[tokio::test]
async fn registration_fields_cannot_inject_mail_headers() {
    let app = spawn_app_with(|s| s.rate_limits = convive::settings::RateLimits::Off).await;
    let (_, session) = sessions_of(&app).await;
    let mut delivered = 0;
    for (i, payload) in INJECTIONS.iter().enumerate() {
        for field in ["full_name", "organisation", "territory"] {
            let email = format!("inj{i}-{field}@example.org");
            let mut body = registration(&email, "Eve");
            body[field] = json!(payload);
            let res = post_registration(&app, session, &body).await;
            match res.status().as_u16() {
                422 => continue,
                202 => {
                    let mail = app.smtp.wait_for(&email, 1).await.pop().unwrap();
                    assert_clean(&mail, &email);
                    delivered += 1;
                }
                s => panic!("{field}={payload:?}: {s}"),
            }
        }
    }
    assert!(
        delivered >= 6,
        "the printable payloads were accepted and mailed"
    );
    // A second recipient in the address itself is refused outright.
    let mut body = registration("a@example.org\r\nBcc: victim@evil.example", "Eve");
    let res = post_registration(&app, session, &body).await;
    assert_eq!(res.status(), 422);
    body["email"] = json!("a@example.org, victim@evil.example");
    assert_eq!(post_registration(&app, session, &body).await.status(), 422);
    assert!(app.smtp.to("victim@evil.example").is_empty());
}

#[tokio::test]
async fn contact_lists_and_announcement_subjects_cannot_inject_headers() {
    let app = spawn_app_with(|s| s.rate_limits = convive::settings::RateLimits::Off).await;
    let token = staff(&app, "orga@convive.test", "organiser");
    let (_, session) = sessions_of(&app).await;
    let mut csv = String::from("email;name;organisation;language\n");
    for (i, payload) in INJECTIONS.iter().enumerate() {
        let quoted = payload.replace('"', "\"\"");
        csv.push_str(&format!("c{i}@example.org;\"{quoted}\";\"{quoted}\";en\n"));
    }
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/campaigns",
        json!({ "session_id": session, "contacts_csv": csv }),
    )
    .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let id = res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/admin/campaigns/{id}/send"),
        json!({}),
    )
    .await;
    assert_eq!(res.status(), 200);
    let queued = res.json::<serde_json::Value>().await.unwrap()["queued"]
        .as_u64()
        .unwrap() as usize;
    assert!(queued >= 5, "the printable payloads were kept: {queued}");
    let mails = app
        .smtp
        .wait_for_total(queued, std::time::Duration::from_secs(20))
        .await;
    assert_eq!(mails.len(), queued);
    for mail in &mails {
        let to = mail.to[0].clone();
        assert!(to.starts_with('c') && to.ends_with("@example.org"), "{to}");
        assert_clean(mail, &to);
    }
    assert!(app.smtp.to("victim@evil.example").is_empty());

    // Announcement subjects are written by organisers: queued as the service does.
    let reg = "listener@example.org";
    post_registration(&app, session, &registration(reg, "Listener")).await;
    app.smtp.wait_for(reg, 1).await;
    let registration_id: i64 = {
        use convive::db::schema::registrations;
        use diesel::prelude::*;
        let mut conn = app.db.conn().unwrap();
        registrations::table
            .filter(registrations::email.eq(reg))
            .select(registrations::id)
            .first(&mut *conn)
            .unwrap()
    };
    {
        let mut conn = app.db.conn().unwrap();
        for payload in INJECTIONS {
            convive::mail::kinds::enqueue(
                &mut conn,
                &EmailAddress::parse(reg).unwrap(),
                Locale::En,
                &MailKind::Announcement {
                    registration_id,
                    subject: payload.to_owned(),
                    body: format!("Body\r\nBcc: victim@evil.example\r\n{payload}"),
                    unsubscribe_token: None,
                },
            )
            .unwrap();
        }
    }
    let mails = app.smtp.wait_for(reg, 1 + INJECTIONS.len()).await;
    for mail in &mails {
        assert_clean(mail, reg);
    }
    assert!(app.smtp.to("victim@evil.example").is_empty());
}
