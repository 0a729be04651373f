//! Journey 2, in Arabic: a learner signs up (the verification mail comes through the SMTP
//! server), watches part of a lesson in the page's player, which reports the seconds
//! played; a reload resumes at the same second; the module is completed and the
//! certificate opened.

use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{Value, json};

use super::harness::{Browser, t};
use super::pages::samples;
use crate::helpers::spawn_app;

/// The lesson's `<video>` as the page sees it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Video {
    ready_state: u32,
    current_time: f64,
    duration: f64,
    paused: bool,
    ended: bool,
    resume: Option<String>,
}

const VIDEO: &str = r#"
const v = document.querySelector("main video");
return { readyState: v.readyState, currentTime: v.currentTime, duration: v.duration,
  paused: v.paused, ended: v.ended, resume: v.getAttribute("data-resume") };
"#;

/// Plays the video muted at `arguments[0]` times normal speed; answers once it plays.
const PLAY: &str = r#"
const done = arguments[arguments.length - 1];
const v = document.querySelector("main video");
v.muted = true;
v.playbackRate = arguments[0];
v.play().then(() => done("playing"), e => done("refused: " + e));
"#;

impl Browser {
    async fn video(&self) -> Video {
        self.eval(VIDEO, vec![]).await
    }

    /// Waits up to `within` for the video to satisfy `test`.
    async fn wait_video(
        &self,
        what: &str,
        within: Duration,
        test: impl Fn(&Video) -> bool,
    ) -> Video {
        let deadline = Instant::now() + within;
        loop {
            let v = self.video().await;
            if test(&v) {
                return v;
            }
            assert!(Instant::now() < deadline, "video never {what}: {v:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn play(&self, rate: f64) {
        let answer = self
            .execute_async(PLAY, vec![json!(rate)])
            .await
            .expect("play() answers");
        assert_eq!(answer.json(), &json!("playing"));
    }

    /// The learner's progress in a module, read from the API with the page's cookies.
    async fn module_progress(&self, slug: &str) -> Value {
        let ret = self
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 fetch('/api/v1/modules/' + arguments[0], { credentials: 'same-origin' }) \
                   .then(r => r.json()).then(done, e => done({ error: String(e) }));",
                vec![json!(slug)],
            )
            .await
            .expect("module progress");
        ret.json().clone()
    }
}

#[tokio::test]
async fn a_learner_watches_resumes_completes_a_module_and_opens_the_certificate() {
    let app = spawn_app().await;
    let Some(browser) = Browser::launch(&app).await else {
        return;
    };
    let module = samples(&app).await.module;
    let (name, email) = ("Youssef Amrani", "youssef.amrani@example.org");

    // Sign up; the address is confirmed from the mail, with a button (which signs in).
    browser.open("/ar/").await;
    browser
        .click(".site-header a[href='/ar/account/signup']")
        .await;
    browser.fill("#f-full_name", name).await;
    browser.fill("#f-email", email).await;
    browser
        .fill("#f-password", "une phrase de passe assez longue")
        .await;
    browser.click("#f-consent").await;
    browser.click("main form button[type=submit]").await;
    browser
        .wait_for_text("main h1", &t("ar", "account-signup-sent-title"))
        .await;
    let mails = app.smtp.wait_for(email, 1).await;
    let verify = mails[0]
        .link_containing("/ar/account/verify/")
        .expect("verification link in Arabic");
    browser.open_link(&verify).await;
    browser.click("main form button[type=submit]").await;
    browser
        .wait_for_text("main h1", &t("ar", "account-verified-title"))
        .await;

    // Signed in from then on; the module's first lesson.
    browser.open("/ar/modules").await;
    browser.element(".site-header a[href='/ar/learning']").await;
    browser
        .click(&format!("main a[href='/ar/modules/{module}']"))
        .await;
    browser.click("main .lessons li:first-child a").await;
    let lesson_path = browser.current_path().await;
    assert!(lesson_path.starts_with("/ar/lessons/"), "{lesson_path}");
    let v = browser
        .wait_video("loaded", Duration::from_secs(10), |v| v.ready_state >= 1)
        .await;
    assert!(
        (v.duration - 60.0).abs() < 1.0,
        "the sample lasts 60 s: {v:?}"
    );

    // Part of it, at twice the speed, then a pause: the player reports what was played.
    browser.play(2.0).await;
    browser
        .wait_video("reached 8 s", Duration::from_secs(20), |v| {
            v.current_time >= 8.0
        })
        .await;
    browser
        .execute("document.querySelector('main video').pause();", vec![])
        .await
        .expect("paused");
    let paused_at = browser.video().await.current_time;
    let deadline = Instant::now() + Duration::from_secs(10);
    let watched = loop {
        let progress = browser.module_progress(&module).await;
        let watched = progress["lessons"][0]["watched_s"].as_f64().unwrap_or(0.0);
        if watched >= paused_at - 2.0 {
            break watched;
        }
        assert!(
            Instant::now() < deadline,
            "progress not reported: {progress} (paused at {paused_at})"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(
        watched <= paused_at + 1.0,
        "only what was played counts: {watched} s watched, paused at {paused_at}"
    );

    // A reload resumes at the same second.
    browser.refresh().await.expect("reload");
    let v = browser
        .wait_video("resumed", Duration::from_secs(10), |v| {
            v.ready_state >= 1 && v.current_time > 0.0
        })
        .await;
    assert!(
        (v.current_time - paused_at).abs() <= 1.0,
        "resumes at {paused_at}: {v:?}"
    );
    let saved: f64 = v
        .resume
        .as_deref()
        .and_then(|r| r.parse().ok())
        .unwrap_or(-1.0);
    assert!(
        (saved - paused_at).abs() <= 1.0,
        "the server kept the position: {v:?}"
    );
    assert!(v.paused, "a reload does not start the video by itself");

    // The rest, faster (normal playback still: timeupdate moves by under 2 s), to the end.
    browser.play(4.0).await;
    browser
        .wait_video("ended", Duration::from_secs(40), |v| v.ended)
        .await;
    // The last report leaves on `ended`; a busy machine running the whole suite in
    // parallel can take a while to answer it.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let progress = browser.module_progress(&module).await;
        if progress["lessons"][0]["completed"] == json!(true) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the lesson played to its end is not complete: {progress}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    browser
        .wait_for_text("[data-lesson-status]", &t("ar", "lesson-completed"))
        .await;

    // Lessons 2 and 3: the next-lesson link, and the same report the player sends.
    for _ in 0..2 {
        browser.click("main .lesson-nav a[rel=next]").await;
        browser
            .wait_video("loaded", Duration::from_secs(10), |v| v.ready_state >= 1)
            .await;
        let answer = browser
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 const v = document.querySelector('main video'); \
                 fetch(v.dataset.progressUrl, { method: 'POST', credentials: 'same-origin', \
                   headers: { 'Content-Type': 'application/json' }, \
                   body: JSON.stringify({ watched: [[0, v.duration]], position_s: v.duration }) }) \
                 .then(r => r.json()).then(done, e => done({ error: String(e) }));",
                vec![],
            )
            .await
            .expect("progress sent");
        assert_eq!(
            answer.json()["completed"],
            json!(true),
            "{:?}",
            answer.json()
        );
        browser.refresh().await.expect("reload");
        browser
            .wait_for_text("[data-lesson-status]", &t("ar", "lesson-completed"))
            .await;
    }

    // Back to the module: all done, a certificate.
    browser.click("main .lesson-nav a:not([rel])").await;
    assert_eq!(
        browser.current_path().await,
        format!("/ar/modules/{module}")
    );
    let badges: usize = browser
        .eval(
            "return document.querySelectorAll('main .lessons .badge-done').length;",
            vec![],
        )
        .await;
    assert_eq!(badges, 3, "three lessons marked done");
    let percent: f64 = browser
        .eval(
            "return document.querySelector('main progress').value;",
            vec![],
        )
        .await;
    assert_eq!(percent, 100.0);
    browser.click("main .module-progress a.button").await;
    let certificate = browser.current_path().await;
    assert!(
        certificate.starts_with("/ar/certificates/"),
        "{certificate}"
    );
    browser
        .wait_for_text("main .certificate h1", &t("ar", "certificate-title"))
        .await;
    assert_eq!(browser.text("main .certificate-name").await, name);
    browser.assert_isolated(name).await;
    let code = certificate.trim_start_matches("/ar/certificates/");
    assert!(browser.text("main .certificate-code").await.contains(code));
    browser.screenshot("ar-certificate-journey").await;

    // Anyone can verify it; the PDF is there too.
    let pdf = app.get(&format!("{certificate}/pdf")).await;
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    browser.quit().await;
}
