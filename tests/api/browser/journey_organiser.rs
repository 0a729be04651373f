//! Journey 3, in French: an organiser signs in, creates a session, uploads a contact list
//! for it, sends the campaign, and watches the funnel move as an invitee registers from the
//! invitation mail and confirms.

use std::time::{Duration, Instant};

use thirtyfour::By;

use super::harness::{Browser, plain_text, t, tn};
use super::pages::samples;
use crate::helpers::spawn_app;
use crate::helpers::staff;
use crate::helpers::visitor::PASSWORD;

impl Browser {
    /// The number the campaign page's funnel shows for `stage`.
    async fn funnel(&self, stage: &str) -> i64 {
        self.text(&format!("[data-funnel={stage}]"))
            .await
            .trim()
            .parse()
            .unwrap_or(-1)
    }

    /// Waits up to `within` for the funnel to show `count` for `stage`, without reloading.
    async fn wait_funnel(&self, stage: &str, count: i64, within: Duration) {
        let deadline = Instant::now() + within;
        loop {
            let now = self.funnel(stage).await;
            if now == count {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "funnel `{stage}` shows {now}, not {count}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Sets a field's value as a date or time picker would (their typing depends on the
    /// browser's locale), firing the `input` and `change` events.
    async fn set_value(&self, css: &str, value: &str) {
        self.execute(
            "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
             e.dispatchEvent(new Event('input', { bubbles: true })); \
             e.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![css.into(), value.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("cannot set {css}: {e}"));
    }
}

/// Signs `browser` in as a new organiser through the login form; returns the address.
pub async fn signed_in_organiser(
    app: &crate::helpers::TestApp,
    browser: &Browser,
    lang: &str,
    role: &str,
) -> String {
    let email = format!("{role}.{lang}@convive.test");
    staff::staff(app, &email, role);
    browser.sign_in(lang, &email, PASSWORD).await;
    email
}

/// Fills the new-session form of `webinar`; returns the new session's id.
async fn create_session_in_the_back_office(browser: &Browser, webinar: &str) -> i64 {
    browser.open(&format!("/fr/admin/webinars/{webinar}")).await;
    browser.click("main a[href$='/sessions/new']").await;
    browser.set_value("#f-timezone", "Africa/Tunis").await;
    browser.set_value("#f-date", "2030-03-14").await;
    browser.set_value("#f-time", "10:00").await;
    browser.fill("#f-duration_minutes", "90").await;
    browser.fill("#f-capacity", "40").await;
    browser
        .fill("#f-meeting_url", "https://meet.example.org/coopalim-2030")
        .await;
    browser.click("main form.form button[type=submit]").await;
    page_id(browser, "/fr/admin/sessions/").await
}

/// Waits up to 10 s for the page `{prefix}{id}` (after a form is sent); returns the id.
async fn page_id(browser: &Browser, prefix: &str) -> i64 {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let path = browser.current_path().await;
        let id = path
            .strip_prefix(prefix)
            .and_then(|rest| rest.split(['?', '#']).next())
            .and_then(|id| id.parse().ok());
        if let Some(id) = id {
            return id;
        }
        assert!(Instant::now() < deadline, "not on {prefix}…: {path}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn an_organiser_invites_contacts_and_watches_the_funnel_move() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let webinar = samples(&app).await.webinar;
    signed_in_organiser(&app, &browser, "fr", "organiser").await;

    // A new session of the webinar, from its back-office page.
    let session = create_session_in_the_back_office(&browser, &webinar).await;
    let api = app.get_json(&format!("/api/v1/sessions/{session}")).await;
    assert_eq!(api["timezone"], "Africa/Tunis");
    assert_eq!(api["starts_at"], "2030-03-14T09:00:00Z", "10:00 in Tunis");
    assert_eq!(api["capacity"], 40);

    // The contact list: two good rows, a duplicate, a bad address.
    let csv = browser.scratch_dir().join("contacts.csv");
    std::fs::write(
        &csv,
        "courriel;nom;langue;organisme;pays\n\
         amina@fes.example.ma;Amina Alaoui;ar;Commune de Fès;MA\n\
         claire@ville.example.fr;Claire Martin;fr;Ville de Lyon;FR\n\
         CLAIRE@ville.example.fr;Claire M.;fr;;FR\n\
         pas-une-adresse;Sans Adresse;fr;;\n",
    )
    .expect("contact list written");
    browser.open("/fr/admin/campaigns").await;
    browser
        .click("main a[href='/fr/admin/campaigns/new']")
        .await;
    browser
        .execute(
            "const s = document.querySelector('#f-target'); s.value = arguments[0];",
            vec![session.to_string().into()],
        )
        .await
        .expect("target chosen");
    browser
        .element("#f-contacts")
        .await
        .send_keys(csv.display().to_string())
        .await
        .expect("file chosen");
    browser.click("main form.form button[type=submit]").await;
    // The campaign's own page once the upload is read.
    let campaign = page_id(&browser, "/fr/admin/campaigns/").await;
    let campaign_page = format!("/fr/admin/campaigns/{campaign}");
    let report = plain_text(&browser.text("main .report-totals").await);
    for (id, count) in [
        ("admin-campaign-report-valid", 2),
        ("admin-campaign-report-invalid", 1),
        ("admin-campaign-report-duplicates", 1),
    ] {
        let line = tn("fr", id, count);
        assert!(report.contains(&line), "{line:?} not in {report:?}");
    }
    let invalid_rows = browser
        .find_all(By::Css(
            "main section[aria-labelledby=report-title] tbody tr",
        ))
        .await
        .expect("invalid rows");
    assert_eq!(
        invalid_rows.len(),
        1,
        "the bad address is listed with its line"
    );
    assert!(invalid_rows[0].text().await.unwrap().starts_with('5'));

    // Send: the page follows the sending by itself.
    browser
        .click("section[aria-labelledby=send-title] form button[type=submit]")
        .await;
    app.smtp.wait_for("amina@fes.example.ma", 1).await;
    app.smtp.wait_for("claire@ville.example.fr", 1).await;
    browser
        .wait_funnel("sent", 2, Duration::from_secs(15))
        .await;
    assert_eq!(browser.funnel("registered").await, 0);
    browser.screenshot("fr-admin-campaign-sent").await;

    // Amina registers from her invitation (the form comes pre-filled), then confirms.
    let mail = &app.smtp.to("amina@fes.example.ma")[0];
    let invitation = mail
        .link_containing("/ar/invitations/")
        .expect("invitation link in Arabic");
    browser.open_link(&invitation).await;
    browser
        .click(&format!(
            "main a[href^='/ar/sessions/{session}/register?invitation=']"
        ))
        .await;
    let name = browser
        .element("#f-full_name")
        .await
        .value()
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(name, "Amina Alaoui", "pre-filled from the contact list");
    browser
        .click("#f-function option[value='elected_official']")
        .await;
    browser.fill("#f-territory", "Fès").await;
    browser.click("#f-consent").await;
    browser.click("main form button[type=submit]").await;
    browser
        .wait_for_text("main h1", &t("ar", "registration-sent-title"))
        .await;
    let mails = app.smtp.wait_for("amina@fes.example.ma", 2).await;
    let confirm = mails[1]
        .link_containing("/registrations/confirm/")
        .expect("confirm link");

    browser.open(&campaign_page).await;
    assert_eq!(browser.funnel("clicked").await, 1);
    assert_eq!(browser.funnel("registered").await, 1);
    assert_eq!(browser.funnel("confirmed").await, 0);

    browser.open_link(&confirm).await;
    browser.click("main form button[type=submit]").await;
    browser
        .wait_for_text("main h1", &t("ar", "registration-confirmed-title"))
        .await;
    browser.open(&campaign_page).await;
    assert_eq!(browser.funnel("confirmed").await, 1);
    assert_eq!(browser.funnel("registered").await, 1);
    browser.screenshot("fr-admin-campaign-funnel").await;
    browser.quit().await;
}
