//! Right-to-left, measured in the rendered page: Arabic mirrors the layout, and Latin
//! strings inside Arabic text are isolated.

use serde::Deserialize;
use serde_json::json;

use super::harness::Browser;
use super::pages::samples;
use crate::helpers::spawn_app;

#[derive(Debug, Deserialize, Clone, Copy)]
struct Box_ {
    left: f64,
    right: f64,
}

impl Box_ {
    fn center(&self) -> f64 {
        (self.left + self.right) / 2.0
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Layout {
    direction: String,
    /// Horizontal scrolling the page needs (0: none).
    overflow: f64,
    viewport: f64,
    brand: Box_,
    main_nav: Box_,
    lang_switch: Box_,
    /// Content box of `main h1` and the box of its first line of text.
    heading: Box_,
    heading_line: Box_,
    /// The first two cards of the page's card grid.
    cards: Vec<Box_>,
}

const MEASURE: &str = r#"
const box = e => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right }; };
const q = s => document.querySelector(s);
const h1 = q("main h1");
const hs = getComputedStyle(h1);
const hb = h1.getBoundingClientRect();
const range = document.createRange();
range.selectNodeContents(h1);
return {
  direction: getComputedStyle(document.body).direction,
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  viewport: document.documentElement.clientWidth,
  brand: box(q(".site-header .brand")),
  mainNav: box(q(".site-header nav:not(.lang-switch)")),
  langSwitch: box(q(".site-header .lang-switch")),
  heading: { left: hb.left + parseFloat(hs.paddingLeft), right: hb.right - parseFloat(hs.paddingRight) },
  headingLine: (r => ({ left: r.left, right: r.right }))(range.getClientRects()[0] || hb),
  cards: [...document.querySelectorAll("main .cards > li")].slice(0, 2).map(box),
};
"#;

/// Within a couple of pixels.
fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 2.0
}

#[tokio::test]
async fn arabic_mirrors_the_layout_and_latin_languages_do_not() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let webinar = samples(&app).await.webinar;
    for lang in ["fr", "en", "ar"] {
        let rtl = lang == "ar";
        let path = format!("/{lang}/webinars");
        browser.open(&path).await;
        let l: Layout = browser.eval(MEASURE, vec![]).await;
        let ctx = format!("{path}: {l:?}");
        let (edge, half) = (48.0, l.viewport / 2.0);

        assert_eq!(l.direction, if rtl { "rtl" } else { "ltr" }, "{ctx}");
        assert_eq!(l.overflow, 0.0, "no horizontal scrolling: {ctx}");
        if rtl {
            // Brand at the right edge, navigation to its left, languages on the left.
            assert!(
                l.viewport - l.brand.right <= edge,
                "brand at the right: {ctx}"
            );
            assert!(l.main_nav.right < l.brand.left, "nav left of brand: {ctx}");
            assert!(
                l.lang_switch.center() < half,
                "languages on the left: {ctx}"
            );
            assert!(
                l.lang_switch.left <= edge,
                "languages at the left edge: {ctx}"
            );
            assert!(
                near(l.heading_line.right, l.heading.right),
                "h1 right-aligned: {ctx}"
            );
            assert!(
                l.heading_line.left > l.heading.left + 50.0,
                "short h1: {ctx}"
            );
            assert!(
                l.cards[1].right < l.cards[0].left,
                "cards flow leftwards: {ctx}"
            );
        } else {
            assert!(l.brand.left <= edge, "brand at the left: {ctx}");
            assert!(l.main_nav.left > l.brand.right, "nav right of brand: {ctx}");
            assert!(
                l.lang_switch.center() > half,
                "languages on the right: {ctx}"
            );
            assert!(
                l.viewport - l.lang_switch.right <= edge,
                "at the right edge: {ctx}"
            );
            assert!(
                near(l.heading_line.left, l.heading.left),
                "h1 left-aligned: {ctx}"
            );
            assert!(
                l.heading_line.right < l.heading.right - 50.0,
                "short h1: {ctx}"
            );
            assert!(
                l.cards[1].left > l.cards[0].right,
                "cards flow rightwards: {ctx}"
            );
        }

        // The accent bar of a session sits on the start side: right in Arabic.
        browser.open(&format!("/{lang}/webinars/{webinar}")).await;
        let (left, right): (f64, f64) = browser
            .eval(
                "const s = getComputedStyle(document.querySelector('.session')); \
                 return [parseFloat(s.borderLeftWidth), parseFloat(s.borderRightWidth)];",
                vec![],
            )
            .await;
        let start = if rtl { (0.0, 4.0) } else { (4.0, 0.0) };
        assert_eq!(
            (left, right),
            start,
            "{lang}: session border on the start side"
        );
    }
    browser.quit().await;
}

/// How one occurrence of a string is isolated from the text around it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Isolation {
    #[allow(dead_code)] // shown in failure messages (Debug)
    pub context: String,
    /// Between FSI/LRI/RLI and PDI marks (Fluent's placeables).
    pub by_marks: bool,
    /// The whole text of an element whose `unicode-bidi` isolates (`<bdi>`, `dir=auto`…).
    pub by_element: bool,
    /// Computed `direction` of that element.
    pub direction: String,
}

const ISOLATION: &str = r#"
const needle = arguments[0];
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const n = walker.currentNode;
  const i = n.data.indexOf(needle);
  if (i < 0) continue;
  const before = n.data.slice(0, i), after = n.data.slice(i + needle.length);
  const byMarks = /[\u2066\u2067\u2068]$/.test(before) && after.startsWith("\u2069");
  const el = n.parentElement;
  const cs = getComputedStyle(el);
  const own = el.textContent.replace(/[\u2066-\u2069]/g, "").trim() === needle.trim();
  const byElement = own && ["isolate", "isolate-override", "plaintext"].includes(cs.unicodeBidi);
  const block = el.closest("p, li, h1, h2, h3, td, dd, div") || el;
  out.push({ context: block.textContent.trim().slice(0, 160), byMarks, byElement,
             direction: cs.direction });
}
return out;
"#;

impl Browser {
    /// Every occurrence of `text` (a Latin name, an e-mail address, a time zone) on the page
    /// is isolated from the Arabic around it and laid out left-to-right.
    pub async fn assert_isolated(&self, text: &str) {
        let found: Vec<Isolation> = self.eval(ISOLATION, vec![json!(text)]).await;
        let path = self.current_path().await;
        assert!(!found.is_empty(), "`{text}` not on {path}");
        for f in found {
            assert!(
                f.by_marks || (f.by_element && f.direction == "ltr"),
                "`{text}` is not isolated as left-to-right text on {path}: {f:?}"
            );
        }
    }
}

#[tokio::test]
async fn latin_strings_inside_arabic_text_are_isolated() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let webinar = samples(&app).await.webinar;
    let path = format!("/ar/webinars/{webinar}");
    browser.open(&path).await;
    // The session's zone, named in Arabic ("توقيت باريس"), never its IANA id.
    let zones: Vec<String> = browser
        .eval(
            "return [...document.querySelectorAll('.session .zone bdi')].map(z => z.textContent.trim());",
            vec![],
        )
        .await;
    assert!(!zones.is_empty(), "{path} lists sessions");
    for zone in &zones {
        assert!(zone.starts_with("توقيت") && !zone.contains('/'), "{zone}");
    }
    // The languages of each session read as an Arabic sentence.
    let lines: Vec<String> = browser
        .eval(
            "return [...document.querySelectorAll('.session-languages')].map(m => m.innerText);",
            vec![],
        )
        .await;
    assert!(
        !lines.is_empty() && lines.iter().all(|l| l.contains("بال")),
        "{lines:?}"
    );
    assert!(lines.iter().all(|l| !l.contains(',')), "{lines:?}");

    // The viewer's own zone, shown once the browser's zone is known (cookie), first.
    browser
        .add_cookie(thirtyfour::Cookie::new(
            "tz",
            "America/Argentina/Buenos_Aires",
        ))
        .await
        .expect("cookie set");
    browser.open(&path).await;
    let own: Vec<String> = browser
        .eval(
            "return [...document.querySelectorAll('.session-own')].map(m => m.innerText);",
            vec![],
        )
        .await;
    assert!(
        !own.is_empty() && own.iter().all(|o| o.contains("توقيت")),
        "{own:?}"
    );
    let first = browser.text(".session .session-when").await;
    assert!(
        !first.contains("Buenos_Aires") && first.contains("توقيت"),
        "{first}"
    );

    browser.quit().await;
}
