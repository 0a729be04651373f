//! Right-to-left beyond the programme: the registration form, the learner's progress bars
//! and lesson navigation mirror in Arabic, and the learner's Latin name and address stay
//! isolated on the learner pages.

use serde::Deserialize;
use serde_json::json;

use super::harness::Browser;
use super::learner::signed_in_learner;
use super::pages::samples;
use crate::helpers::spawn_app;

#[derive(Debug, Deserialize, Clone, Copy)]
struct Box_ {
    left: f64,
    right: f64,
}

/// Within a couple of pixels.
fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 2.0
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FormLayout {
    label: Box_,
    input: Box_,
    check: Box_,
    check_label: Box_,
    button: Box_,
    email_direction: String,
}

const FORM: &str = r##"
const box = e => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right }; };
const q = s => document.querySelector(s);
return {
  label: box(q("label[for=f-full_name]")), input: box(q("#f-full_name")),
  check: box(q("#f-consent")), checkLabel: box(q("label[for=f-consent]")),
  button: box(q("main form button[type=submit]")),
  emailDirection: getComputedStyle(q("#f-email")).direction,
};
"##;

/// Brightness of a rendered element's middle row at 10 % and 90 % of its width, from a
/// screenshot of the element (base64 PNG) decoded by the page's canvas.
const BRIGHTNESS: &str = r#"
const done = arguments[arguments.length - 1];
const img = new Image();
img.onload = () => {
  const c = document.createElement("canvas");
  c.width = img.width; c.height = img.height;
  const g = c.getContext("2d");
  g.drawImage(img, 0, 0);
  const y = Math.floor(img.height / 2);
  const lum = x => { const d = g.getImageData(Math.floor(x), y, 1, 1).data;
    return 0.2126 * d[0] + 0.7152 * d[1] + 0.0722 * d[2]; };
  done([lum(img.width * 0.1), lum(img.width * 0.9)]);
};
img.onerror = () => done(null);
img.src = "data:image/png;base64," + arguments[0];
"#;

impl Browser {
    /// Brightness at the left and right ends of the element matching `css`.
    async fn ends_brightness(&self, css: &str) -> (f64, f64) {
        let png = self
            .element(css)
            .await
            .screenshot_as_png_base64()
            .await
            .expect("element screenshot");
        let ret = self
            .execute_async(BRIGHTNESS, vec![json!(png)])
            .await
            .expect("screenshot decoded");
        ret.convert().expect("two brightness values")
    }
}

#[tokio::test]
async fn arabic_mirrors_the_registration_form() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let session = samples(&app).await.session;
    for lang in ["fr", "ar"] {
        let path = format!("/{lang}/sessions/{session}/register");
        browser.open(&path).await;
        let f: FormLayout = browser.eval(FORM, vec![]).await;
        let ctx = format!("{path}: {f:?}");
        if lang == "ar" {
            assert!(
                near(f.label.right, f.input.right),
                "label over the input's right edge: {ctx}"
            );
            assert!(
                f.check_label.right < f.check.left,
                "checkbox right of its label: {ctx}"
            );
            assert!(
                near(f.button.right, f.input.right),
                "button on the right: {ctx}"
            );
        } else {
            assert!(
                near(f.label.left, f.input.left),
                "label over the input's left edge: {ctx}"
            );
            assert!(
                f.check.right < f.check_label.left,
                "checkbox left of its label: {ctx}"
            );
            assert!(
                near(f.button.left, f.input.left),
                "button on the left: {ctx}"
            );
        }
        // An e-mail address is typed and shown left to right in every language.
        assert_eq!(f.email_direction, "ltr", "{ctx}");
    }
    browser.quit().await;
}

#[tokio::test]
async fn arabic_mirrors_progress_bars_and_lesson_navigation() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    // The account's language is French; the page's language decides the layout.
    let learner = signed_in_learner(&app, &browser, "fr").await;
    for lang in ["fr", "ar"] {
        // A third of the module done: the bar fills from the start side.
        let path = format!("/{lang}/modules/{}", learner.module_in_progress);
        browser.open(&path).await;
        let value: f64 = browser
            .eval(
                "return document.querySelector('main progress').position;",
                vec![],
            )
            .await;
        assert!(
            (value - 1.0 / 3.0).abs() < 0.02,
            "{path}: a third done ({value})"
        );
        let (left, right) = browser
            .ends_brightness("main .module-progress progress")
            .await;
        let filled_side = if left < right { "left" } else { "right" };
        assert!(
            (left - right).abs() > 40.0,
            "{path}: filled and empty ends differ: {left} {right}"
        );
        assert_eq!(
            filled_side,
            if lang == "ar" { "right" } else { "left" },
            "{path}: the bar fills from the start side"
        );

        // Previous lesson on the start side, next lesson on the end side.
        let path = format!("/{lang}/lessons/{}", learner.lesson_in_progress);
        browser.open(&path).await;
        let (prev, next): (Box_, Box_) = browser
            .eval(
                "const b = s => { const r = document.querySelector(s).getBoundingClientRect(); \
                   return { left: r.left, right: r.right }; }; \
                 return [b('.lesson-nav a[rel=prev]'), b('.lesson-nav a[rel=next]')];",
                vec![],
            )
            .await;
        if lang == "ar" {
            assert!(
                next.right < prev.left,
                "{path}: next on the left: {prev:?} {next:?}"
            );
        } else {
            assert!(
                prev.right < next.left,
                "{path}: next on the right: {prev:?} {next:?}"
            );
        }
    }
    browser.quit().await;
}

#[tokio::test]
async fn latin_names_and_addresses_on_arabic_learner_pages_are_isolated() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let learner = signed_in_learner(&app, &browser, "ar").await;
    browser.open("/ar/learning").await;
    browser.assert_isolated(learner.name).await;
    browser.open("/ar/account/settings").await;
    browser.assert_isolated(learner.name).await;
    browser.assert_isolated(learner.email).await;
    browser
        .open(&format!("/ar/certificates/{}", learner.certificate))
        .await;
    browser.assert_isolated(learner.name).await;
    let module_title: String = browser.text("main .certificate-module").await;
    browser
        .open(&format!("/ar/modules/{}", learner.module))
        .await;
    assert_eq!(browser.text("main h1").await, module_title);
    browser.quit().await;
}
