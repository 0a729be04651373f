//! Journey 1: a local official finds a session from the home page, registers with the
//! keyboard only (a mistake first: the error shows next to the field and nothing typed is
//! lost), confirms from the mail the SMTP server received, sees the join link on the manage
//! page, then cancels. In Arabic and in French.

use serde::Deserialize;
use serde_json::json;
use thirtyfour::Key;

use super::harness::{Browser, t};
use super::keyboard::assert_form_works_by_keyboard;
use super::pages::samples;
use crate::helpers::{TestApp, spawn_app};

/// What one person types, in the language of the journey.
struct Official {
    lang: &'static str,
    name: &'static str,
    /// The address as first typed, with a mistake.
    typo: &'static str,
    email: &'static str,
    organisation: &'static str,
    /// Typed on the select: the start of the option, as keyboard users pick one.
    function: &'static str,
    function_value: &'static str,
    territory: &'static str,
    country: &'static str,
    country_code: &'static str,
}

/// The registration form's fields as the page shows them.
#[derive(Debug, Deserialize, PartialEq)]
struct Fields {
    full_name: String,
    email: String,
    organisation: String,
    function: String,
    territory: String,
    country: String,
    timezone: String,
    consent: bool,
}

const FIELDS: &str = r#"
const f = document.querySelector("main form.form");
const v = n => f.elements[n].value;
return { full_name: v("full_name"), email: v("email"), organisation: v("organisation"),
  function: v("function"), territory: v("territory"), country: v("country"),
  timezone: v("timezone"), consent: f.elements["consent"].checked };
"#;

/// Where the error of a field sits against the field, measured in the page.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ErrorPlace {
    text: String,
    /// Same `.field` wrapper as the input.
    same_field: bool,
    /// The input names the error through `aria-describedby`, and is `aria-invalid`.
    described: bool,
    invalid: bool,
    /// Vertical gap from the input's bottom to the error's top (px).
    gap: f64,
    /// Horizontal offset between the start edges (px; 0 when aligned).
    start_offset: f64,
}

const ERROR_PLACE: &str = r##"
const input = document.querySelector("#f-" + arguments[0]);
const error = document.querySelector("#f-" + arguments[0] + "-error");
if (!input || !error) return null;
const rtl = getComputedStyle(input).direction === "rtl";
const a = input.getBoundingClientRect(), b = error.getBoundingClientRect();
return { text: error.textContent.trim(),
  sameField: input.closest(".field") === error.closest(".field"),
  described: (input.getAttribute("aria-describedby") || "").split(" ").includes(error.id),
  invalid: input.getAttribute("aria-invalid") === "true",
  gap: b.top - a.bottom,
  startOffset: rtl ? Math.abs(a.right - b.right) : Math.abs(a.left - b.left) };
"##;

async fn seats_left(app: &TestApp, session: &str) -> i64 {
    app.get_json(&format!("/api/v1/sessions/{session}")).await["seats_left"]
        .as_i64()
        .expect("seats_left")
}

async fn official_registers_confirms_and_cancels(who: Official) {
    let lang = who.lang;
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let sample = samples(&app).await;
    let seats_before = seats_left(&app, &sample.session).await;

    // From the home page to the webinar, then to the registration form of its first session.
    browser.open(&format!("/{lang}/")).await;
    browser
        .click(&format!(
            "main .cards a[href='/{lang}/webinars/{}']",
            sample.webinar
        ))
        .await;
    assert_eq!(
        browser.current_path().await,
        format!("/{lang}/webinars/{}", sample.webinar)
    );
    browser.click("main .session a.button").await;
    let form_path = browser.current_path().await;
    assert_eq!(
        form_path,
        format!("/{lang}/sessions/{}/register", sample.session)
    );

    // Keyboard only: every field, a mistake in the address, Enter on the button.
    assert_form_works_by_keyboard(
        &browser,
        "main form",
        &[
            ("full_name", who.name),
            ("email", who.typo),
            ("organisation", who.organisation),
            ("function", who.function),
            ("territory", who.territory),
            ("country", who.country),
            ("consent", "[x]"),
        ],
    )
    .await;

    // The form comes back with the error beside the address, everything else as typed.
    browser
        .wait_for_text(".form-errors", &t(lang, "error-validation"))
        .await;
    assert_eq!(browser.current_path().await, form_path);
    let place: ErrorPlace = browser.eval(ERROR_PLACE, vec![json!("email")]).await;
    assert_eq!(place.text, t(lang, "field-email-invalid"), "{place:?}");
    assert!(
        place.same_field && place.described && place.invalid,
        "{place:?}"
    );
    assert!(
        (0.0..=16.0).contains(&place.gap) && place.start_offset <= 2.0,
        "the error sits right under the field, aligned on its start side: {place:?}"
    );
    let errors: usize = browser
        .eval(
            "return document.querySelectorAll('.field-error').length;",
            vec![],
        )
        .await;
    assert_eq!(errors, 1, "only the address is wrong");
    let kept: Fields = browser.eval(FIELDS, vec![]).await;
    assert_eq!(
        (kept.full_name.as_str(), kept.email.as_str()),
        (who.name, who.typo)
    );
    assert_eq!(kept.organisation, who.organisation);
    assert_eq!(kept.function, who.function_value);
    assert_eq!(kept.territory, who.territory);
    assert_eq!(kept.country, who.country_code);
    assert!(kept.consent, "consent stays ticked");
    assert!(!kept.timezone.is_empty(), "time zone kept");
    browser.screenshot(&format!("{lang}-register-error")).await;
    browser
        .assert_accessible(&format!("{lang} registration form with an error"))
        .await;

    // The focus is on the wrong field: select what was typed, type the right address, Enter.
    let focused = browser.focused().await.expect("focus after the error");
    assert_eq!(focused.name.as_deref(), Some("email"), "{focused:?}");
    browser
        .action_chain()
        .key_down(Key::Control)
        .send_keys("a")
        .key_up(Key::Control)
        .send_keys(who.email)
        .send_keys(Key::Enter)
        .perform()
        .await
        .expect("typed");
    browser
        .wait_for_text("main h1", &t(lang, "registration-sent-title"))
        .await;
    assert_eq!(
        seats_left(&app, &sample.session).await,
        seats_before,
        "nothing reserved before confirmation"
    );

    // The mail, in the person's language, links to a page with a button.
    let mails = app.smtp.wait_for(who.email, 1).await;
    let confirm = mails[0]
        .link_containing("/registrations/confirm/")
        .expect("confirm link in the mail");
    assert!(
        confirm.contains(&format!("/{lang}/registrations/confirm/")),
        "{confirm}"
    );
    browser.open_link(&confirm).await;
    assert_eq!(
        browser.text("main h1").await,
        t(lang, "registration-confirm-title")
    );
    browser
        .assert_accessible(&format!("{lang} confirmation page"))
        .await;
    browser.click("main form button[type=submit]").await;
    browser
        .wait_for_text("main h1", &t(lang, "registration-confirmed-title"))
        .await;
    assert_eq!(seats_left(&app, &sample.session).await, seats_before - 1);

    // The confirmation mail (with the calendar invitation) leads to the manage page.
    let mails = app.smtp.wait_for(who.email, 2).await;
    let manage = mails[1]
        .link_containing("/registrations/")
        .filter(|l| !l.contains("/confirm/"))
        .expect("manage link in the confirmation mail");
    assert!(
        mails[1]
            .attachment("text/calendar")
            .is_some_and(|ics| ics.contains("METHOD:REQUEST")),
        "calendar invitation attached"
    );
    browser.open_link(&manage).await;
    browser
        .wait_for_text(
            "main .status-confirmed",
            &t(lang, "registration-status-confirmed"),
        )
        .await;
    let join: String = browser
        .eval(
            "const a = document.querySelector('main a[href*=\"/join/\"]'); \
             return a ? a.href : '';",
            vec![],
        )
        .await;
    assert!(
        join.starts_with(&format!("{}/join/", app.address)),
        "personal join link on the manage page: {join:?}"
    );
    assert_eq!(
        browser.text("main a[href*='/join/']").await,
        t(lang, "registration-join")
    );
    if lang == "ar" {
        browser.assert_isolated(who.name).await;
    }
    browser.screenshot(&format!("{lang}-journey-manage")).await;
    browser
        .assert_accessible(&format!("{lang} manage page"))
        .await;

    // Cancelling gives the seat back and says so, on the page and by mail.
    browser
        .click("section[aria-labelledby=cancel-title] button[type=submit]")
        .await;
    browser
        .wait_for_text(
            "main .status-cancelled",
            &t(lang, "registration-status-cancelled"),
        )
        .await;
    assert_eq!(
        browser.current_path().await,
        format!("/{lang}{}", {
            let i = manage.find("/registrations/").unwrap();
            &manage[i..]
        })
    );
    let join_links: usize = browser
        .eval(
            "return document.querySelectorAll('main a[href*=\"/join/\"]').length;",
            vec![],
        )
        .await;
    assert_eq!(join_links, 0, "no join link once cancelled");
    browser
        .assert_accessible(&format!("{lang} manage page, cancelled"))
        .await;
    assert_eq!(seats_left(&app, &sample.session).await, seats_before);
    let mails = app.smtp.wait_for(who.email, 3).await;
    assert!(
        mails[2]
            .attachment("text/calendar")
            .is_some_and(|ics| ics.contains("METHOD:CANCEL")),
        "the calendar entry is withdrawn"
    );
    browser.quit().await;
}

#[tokio::test]
async fn an_official_registers_confirms_and_cancels_in_arabic() {
    official_registers_confirms_and_cancels(Official {
        lang: "ar",
        name: "Nadia Benali",
        typo: "nadia.benali.example.org",
        email: "nadia.benali@example.org",
        organisation: "Commune de Sfax",
        function: "موظف",
        function_value: "civil_servant",
        territory: "صفاقس",
        country: "تونس",
        country_code: "TN",
    })
    .await;
}

#[tokio::test]
async fn an_official_registers_confirms_and_cancels_in_french() {
    official_registers_confirms_and_cancels(Official {
        lang: "fr",
        name: "Karim El Idrissi",
        typo: "karim@",
        email: "karim.elidrissi@example.org",
        organisation: "Ville de Fès",
        function: "Élu",
        function_value: "elected_official",
        territory: "Fès",
        country: "Maroc",
        country_code: "MA",
    })
    .await;
}
