//! Keyboard-only use: the skip link, and the forms through `assert_form_works_by_keyboard`.

use serde::Deserialize;
use serde_json::json;
use thirtyfour::Key;

use super::harness::{Browser, WINDOW};
use super::pages::samples;
use crate::helpers::spawn_app;

/// What has the focus, as measured in the page.
#[derive(Debug, Deserialize)]
pub struct Focused {
    pub tag: String,
    pub id: String,
    pub name: Option<String>,
    pub class: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    #[allow(dead_code)] // shown in failure messages (Debug)
    pub text: String,
    /// Index among the focusable controls of the container passed to `focused_in`, or -1.
    pub index: i64,
    pub labelled: bool,
    /// A visible focus indicator: an outline or a box shadow.
    pub ring: bool,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

const FOCUSED: &str = r#"
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
const scope = arguments[0] ? document.querySelector(arguments[0]) : null;
let index = -1;
if (scope && scope.contains(el)) {
  const controls = [...scope.querySelectorAll(arguments[1])].filter(c =>
    !c.disabled && c.type !== "hidden" && c.getClientRects().length > 0);
  // A radio group is one Tab stop: keep its first button only.
  const seen = new Set();
  const stops = controls.filter(c => {
    if (c.type !== "radio") return true;
    if (seen.has(c.name)) return false;
    seen.add(c.name); return true;
  });
  index = stops.findIndex(c => c === el || (c.type === "radio" && el.type === "radio" && c.name === el.name));
}
const cs = getComputedStyle(el);
const r = el.getBoundingClientRect();
const labelled = !!(el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")
  || (el.labels && el.labels.length) || (el.tagName !== "INPUT" && el.textContent.trim())
  || (el.type === "submit" && el.value));
return {
  tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name"),
  class: el.getAttribute("class") || "", type: el.getAttribute("type"),
  text: (el.innerText || el.value || "").trim().slice(0, 80), index, labelled,
  ring: (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none",
  left: r.left, right: r.right, top: r.top, bottom: r.bottom,
};
"#;

const CONTROLS: &str = "a[href], input, select, textarea, button";

impl Browser {
    /// Presses one key on whatever has the focus, as a keyboard would.
    pub async fn press(&self, key: Key) {
        match self.action_chain().send_keys(key).perform().await {
            Ok(()) => {}
            // The key was delivered and started a navigation (Enter on a form) that was
            // still loading when chromedriver gave up waiting: the next step waits for
            // the new page itself.
            Err(e) if e.to_string().contains("aborted by navigation") => {}
            Err(e) => panic!("key pressed: {e:?}"),
        }
    }

    /// The element with the focus (`None`: the document itself).
    pub async fn focused(&self) -> Option<Focused> {
        self.focused_in(None).await
    }

    async fn focused_in(&self, scope: Option<&str>) -> Option<Focused> {
        self.eval(FOCUSED, vec![json!(scope), json!(CONTROLS)])
            .await
    }

    async fn focus_is_inside(&self, css: &str) -> bool {
        self.eval(
            "const s = document.querySelector(arguments[0]); \
             return !!s && s.contains(document.activeElement);",
            vec![json!(css)],
        )
        .await
    }
}

/// For the registration journey: from the top of the page shown, Tab reaches `form`, then
/// visits each of its controls once in document order (one stop per radio group), each with a
/// label and a visible focus ring; `values` are typed by field `name` as they are reached
/// (`"[x]"` ticks a checkbox with Space); Enter on the submit button sends the form.
pub async fn assert_form_works_by_keyboard(browser: &Browser, form: &str, values: &[(&str, &str)]) {
    let mut tabs = 0;
    while !browser.focus_is_inside(form).await {
        tabs += 1;
        assert!(tabs < 100, "Tab never reaches {form}");
        browser.press(Key::Tab).await;
    }
    let mut expected = 0;
    let mut submitted = false;
    while browser.focus_is_inside(form).await {
        let f = browser
            .focused_in(Some(form))
            .await
            .expect("focus inside the form");
        assert_eq!(
            f.index, expected,
            "Tab order in {form}: expected control #{expected}, got {f:?}"
        );
        assert!(f.labelled, "control without a label: {f:?}");
        assert!(f.ring, "no visible focus indicator on {f:?}");
        if let Some((_, value)) = values.iter().find(|(n, _)| f.name.as_deref() == Some(*n)) {
            if *value == "[x]" {
                browser.press(Key::Space).await;
            } else {
                browser
                    .action_chain()
                    .send_keys(*value)
                    .perform()
                    .await
                    .expect("typed");
            }
        }
        if f.kind.as_deref() == Some("submit") || (f.tag == "button" && f.kind.is_none()) {
            browser.press(Key::Enter).await;
            submitted = true;
            break;
        }
        expected += 1;
        browser.press(Key::Tab).await;
    }
    assert!(
        submitted,
        "Tab left {form} without reaching its submit button"
    );
}

#[tokio::test]
async fn tab_reaches_the_skip_link_first_and_it_moves_focus_to_main() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let (width, height) = (WINDOW.0 as f64, WINDOW.1 as f64);
    for lang in ["fr", "ar"] {
        let path = format!("/{lang}/webinars");
        browser.open(&path).await;
        assert!(browser.focused().await.is_none(), "{path}: nothing focused");

        browser.press(Key::Tab).await;
        let skip = browser.focused().await.expect("Tab focuses something");
        assert!(
            skip.class.contains("skip-link") && skip.tag == "a",
            "{path}: first Tab stop is {skip:?}"
        );
        assert!(
            skip.left >= 0.0 && skip.right <= width && skip.top >= 0.0 && skip.bottom <= height,
            "{path}: the focused skip link is on screen: {skip:?}"
        );
        let on_the_right = skip.left > width / 2.0;
        assert_eq!(
            on_the_right,
            lang == "ar",
            "{path}: the skip link sits at the start side: {skip:?}"
        );

        browser.press(Key::Enter).await;
        let main = browser.focused().await.expect("focus after the skip link");
        assert_eq!(
            (main.tag.as_str(), main.id.as_str()),
            ("main", "main"),
            "{path}"
        );
        assert!(browser.current_path().await.ends_with("#main"));

        browser.press(Key::Tab).await;
        assert!(
            browser.focus_is_inside("main").await,
            "{path}: the next Tab stop is inside main, past the header: {:?}",
            browser.focused().await
        );
    }
    browser.quit().await;
}

#[tokio::test]
async fn the_registration_form_works_by_keyboard_in_french() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let session = samples(&app).await.session;
    browser
        .open(&format!("/fr/sessions/{session}/register"))
        .await;
    // Selects are chosen by typing the start of an option, as keyboard users do; the time
    // zone keeps what the page's script detected.
    assert_form_works_by_keyboard(
        &browser,
        "main form",
        &[
            ("full_name", "Nadia Benali"),
            ("email", "nadia.benali@example.org"),
            ("organisation", "Ville de Sfax"),
            ("function", "Agent"),
            ("territory", "Sfax"),
            ("country", "Tunisie"),
            ("consent", "[x]"),
        ],
    )
    .await;
    browser
        .wait_for_text("main h1", "Consultez votre messagerie")
        .await;
    browser.quit().await;
}

#[tokio::test]
async fn the_signup_form_works_by_keyboard_in_arabic() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    browser.open("/ar/account/signup").await;
    assert_form_works_by_keyboard(
        &browser,
        "main form",
        &[
            ("full_name", "Nadia Benali"),
            ("email", "nadia.benali@example.org"),
            ("password", "a long enough passphrase"),
            ("consent", "[x]"),
        ],
    )
    .await;
    browser
        .wait_for_text("main h1", "تفقّد بريدك الإلكتروني")
        .await;
    browser.quit().await;
}

/// The form helper on a stand-in form with a select and radio buttons, which the site's
/// forms do not have yet.
#[tokio::test]
async fn the_form_keyboard_helper_fills_and_submits_a_form() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let page = format!(
        r#"<!doctype html><html lang="en"><title>form</title><main>
        <a href="{base}/en/">home</a>
        <form action="{base}/healthz" method="get">
          <label>Name <input name="full_name" autocomplete="name"></label>
          <label for="f">Function</label>
          <select id="f" name="function"><option>other</option><option>civil_servant</option></select>
          <fieldset><legend>Announcements</legend>
            <label><input type="radio" name="a" value="yes"> yes</label>
            <label><input type="radio" name="a" value="no"> no</label></fieldset>
          <label><input type="checkbox" name="consent" value="1"> I agree</label>
          <button>Send</button>
        </form></main></html>"#,
        base = app.address
    );
    browser
        .goto(&format!(
            "data:text/html;charset=utf-8,{}",
            urlencode(&page)
        ))
        .await
        .expect("sample form opens");
    assert_form_works_by_keyboard(
        &browser,
        "form",
        &[
            ("full_name", "Nadia Benali"),
            ("function", "civil"),
            ("consent", "[x]"),
        ],
    )
    .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let mut path = browser.current_path().await;
    while !path.starts_with("/healthz") && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        path = browser.current_path().await;
    }
    assert_eq!(
        path,
        "/healthz?full_name=Nadia+Benali&function=civil_servant&consent=1"
    );
    browser.quit().await;
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
