//! Browser tests: Debian's `chromium`, driven through `chromedriver` (WebDriver), against the
//! real server of `spawn_app()`.
//!
//! - `harness.rs` finds the browser (or prints once why the browser tests are skipped; with
//!   `CONVIVE_REQUIRE_BROWSER=1` a missing browser fails them), starts one `chromedriver` on
//!   a free 127.0.0.1 port and one headless Chromium with a fresh profile per test, and gives
//!   the small verbs a journey needs (`open`, `click`, `fill`, `text`, `screenshot`…).
//! - `axe.rs` injects axe-core (`npm ci` in this folder) and fails on serious or critical
//!   violations, listing them readably.
//! - `keyboard.rs` has the Tab/Enter helpers and `assert_form_works_by_keyboard`, used for
//!   the registration and sign-up forms.
//! - `pages.rs` lists the public pages (programme, registration form, lessons, account
//!   forms, a 404) and the pages reached from mail links (confirm, manage, verify, reset,
//!   invitation, unsubscribe, with real tokens); `learner.rs` makes a signed-in learner with
//!   a certificate and lists the learner pages. `accessibility.rs` walks them all in fr, en
//!   and ar and photographs the key ones.
//! - Journeys: `journey_official.rs` (register by keyboard with a mistake first, confirm
//!   from the mail, join link, cancel; ar and fr), `journey_learner.rs` (sign up, play a
//!   lesson, resume after a reload, complete the module, certificate; ar).
//! - `rtl.rs` and `rtl_pages.rs` measure the Arabic layout (header, cards, forms, progress
//!   bars by their pixels, lesson navigation) and the isolation of Latin strings;
//!   `no_javascript.rs` checks the main tasks with scripts turned off.
//! - `session_page.rs`: the webinar page with speakers, agenda, interpretation languages and
//!   the viewer's own times in fr, en and ar, the countdown, the consent box beside its label
//!   (desk and phone widths), and every public page without console errors and with its
//!   description and share tags (`Browser::console_errors` reads chromedriver's log).
//!
//! A journey is one small test function:
//!
//! ```ignore
//! #[tokio::test]
//! async fn an_official_registers_in_arabic() {
//!     let app = spawn_app().await;
//!     let Some(browser) = Browser::launch(&app).await else { return };
//!     browser.open("/ar/webinars").await;
//!     browser.click("main h2 a").await;
//!     // … fill, submit, read the mail, check the manage page …
//!     browser.assert_accessible("ar registration form").await;
//!     browser.quit().await;
//! }
//! ```

mod harness;

mod accessibility;
mod admin_pages;
mod axe;
mod campaign_progress;
mod journey_learner;
mod journey_official;
mod journey_organiser;
mod keyboard;
mod learner;
mod navigation;
mod no_javascript;
mod pages;
mod rtl;
mod rtl_pages;
mod series;
mod session_page;
