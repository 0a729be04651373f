//! Finding the browser, starting `chromedriver` and headless Chromium, and the verbs tests use.

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Once, OnceLock};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde_json::Value;
use thirtyfour::prelude::*;

use crate::helpers::TestApp;

/// `1` (or `true`, `yes`): a missing browser or axe-core fails the tests instead of skipping
/// them. `.ci/run` sets it.
const REQUIRE_VAR: &str = "CONVIVE_REQUIRE_BROWSER";
/// Paths overriding the search of `PATH` for the driver and the browser.
const CHROMEDRIVER_VAR: &str = "CONVIVE_CHROMEDRIVER";
const CHROMIUM_VAR: &str = "CONVIVE_CHROMIUM";

/// Window size of every test: layout measurements and screenshots are comparable run to run.
pub const WINDOW: (u32, u32) = (1280, 900);

const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--force-device-scale-factor=1",
    "--hide-scrollbars",
    // The lesson player is driven from the test (`video.play()` without a user gesture).
    "--autoplay-policy=no-user-gesture-required",
    "--mute-audio",
];

struct Tools {
    chromedriver: PathBuf,
    chromium: PathBuf,
}

pub fn browser_required() -> bool {
    std::env::var(REQUIRE_VAR)
        .map(|v| matches!(v.trim(), "1" | "true" | "yes"))
        .unwrap_or(false)
}

/// Writes straight to the process's stderr, past the test harness's output capture, so the
/// notice shows in a plain `cargo test` run.
pub fn notice(message: &str) {
    let _ = writeln!(std::io::stderr(), "\n{message}\n");
}

/// `Some` when the browser tests can run; otherwise prints once why they are skipped (or
/// panics when `CONVIVE_REQUIRE_BROWSER=1`).
fn tools_or_skip() -> Option<&'static Tools> {
    static TOOLS: OnceLock<Result<Tools, String>> = OnceLock::new();
    static SKIP_NOTICE: Once = Once::new();
    match TOOLS.get_or_init(find_tools) {
        Ok(tools) => Some(tools),
        Err(why) if browser_required() => {
            panic!("{REQUIRE_VAR}=1 but the browser tests cannot run: {why}")
        }
        Err(why) => {
            SKIP_NOTICE.call_once(|| {
                notice(&format!(
                    "note: browser tests SKIPPED (they pass without running): {why}.\n\
                     Install Debian's `chromium` and `chromium-driver` (or point {CHROMEDRIVER_VAR} \
                     and {CHROMIUM_VAR} at them) to run them; {REQUIRE_VAR}=1 makes this a failure."
                ))
            });
            None
        }
    }
}

fn find_tools() -> Result<Tools, String> {
    let chromedriver = locate(CHROMEDRIVER_VAR, &["chromedriver"])?;
    let chromium = locate(
        CHROMIUM_VAR,
        &[
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ],
    )?;
    Ok(Tools {
        chromedriver,
        chromium,
    })
}

/// The file named by `var`, or the first of `names` found in `PATH`.
fn locate(var: &str, names: &[&str]) -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os(var).filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!("{var}={} is not a file", path.display()))
        };
    }
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    names
        .iter()
        .flat_map(|name| dirs.iter().map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| format!("no `{}` in PATH", names.join("` or `")))
}

/// One `chromedriver` process, killed when dropped. Measured here: it answers within ~30 ms,
/// against ~1.1 s for Chromium to start, so each test gets its own (no process outlives the
/// test binary, even when a test panics).
struct ChromeDriver {
    child: Child,
    url: String,
}

impl ChromeDriver {
    async fn start(tools: &Tools, log: &Path) -> ChromeDriver {
        let mut last_error = String::new();
        // The free port is found by binding port 0 and releasing it; another process could
        // take it in between, hence the retries.
        for _ in 0..3 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free local port")
                .port();
            let log_file = std::fs::File::create(log).expect("chromedriver log file");
            let mut child = Command::new(&tools.chromedriver)
                .arg(format!("--port={port}"))
                .arg("--allowed-ips=127.0.0.1")
                .stdin(Stdio::null())
                .stdout(log_file.try_clone().expect("log file handle"))
                .stderr(log_file)
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", tools.chromedriver.display()));
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return ChromeDriver {
                        child,
                        url: format!("http://127.0.0.1:{port}"),
                    };
                }
                if let Ok(Some(status)) = child.try_wait() {
                    last_error = format!("chromedriver exited with {status}");
                    break;
                }
                if Instant::now() > deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    last_error = "chromedriver did not listen within 10 s".into();
                    break;
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
        let log = std::fs::read_to_string(log).unwrap_or_default();
        panic!("{last_error}; its log:\n{log}");
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The browser's profile directory. Dropped last: it kills whatever process still names it
/// on its command line (the browser of a test that panicked before `quit`), then removes it.
struct Profile {
    dir: tempfile::TempDir,
}

impl Profile {
    fn chromium_dir(&self) -> PathBuf {
        self.dir.path().join("chromium")
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        let needle = self.chromium_dir().display().to_string();
        let Ok(procs) = std::fs::read_dir("/proc") else {
            return;
        };
        let pids: Vec<String> = procs
            .flatten()
            .filter_map(|p| {
                let pid: u32 = p.file_name().to_str()?.parse().ok()?;
                let cmdline = std::fs::read(p.path().join("cmdline")).ok()?;
                (pid != std::process::id() && String::from_utf8_lossy(&cmdline).contains(&needle))
                    .then(|| pid.to_string())
            })
            .collect();
        if !pids.is_empty() {
            let _ = Command::new("kill")
                .arg("-KILL")
                .args(&pids)
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// chromedriver's console log (`POST /session/{id}/se/log`).
#[derive(Debug)]
struct BrowserLog;

impl thirtyfour::common::command::ExtensionCommand for BrowserLog {
    fn parameters_json(&self) -> Option<Value> {
        Some(serde_json::json!({ "type": "browser" }))
    }

    fn method(&self) -> reqwest::Method {
        reqwest::Method::POST
    }

    fn endpoint(&self) -> std::sync::Arc<str> {
        "/se/log".into()
    }
}

/// A headless Chromium pointed at one `TestApp`. `quit` closes it; a test that panics first
/// drops it: chromedriver is killed, then the browser processes (thirtyfour's own fallback
/// would block the test's runtime for minutes and still leave the browser running).
pub struct Browser {
    driver: Option<WebDriver>,
    base: String,
    _chromedriver: ChromeDriver,
    profile: Profile,
}

impl std::ops::Deref for Browser {
    type Target = WebDriver;
    fn deref(&self) -> &WebDriver {
        self.driver.as_ref().expect("browser still open")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(driver) = self.driver.take() {
            // Not quit (the test panicked): skip the session's blocking teardown.
            let _ = driver.leak();
        }
    }
}

impl Browser {
    /// A fresh browser (new profile: no cookies) for `app`, or `None` when the browser tests
    /// are skipped on this machine. Use as
    /// `let Some(browser) = Browser::launch(&app).await else { return };`.
    pub async fn launch(app: &TestApp) -> Option<Browser> {
        Self::launch_with(app, true).await
    }

    /// The same with JavaScript turned off in the browser's settings (the test's own
    /// WebDriver commands still work), to check that pages work without their scripts.
    pub async fn launch_without_javascript(app: &TestApp) -> Option<Browser> {
        Self::launch_with(app, false).await
    }

    async fn launch_with(app: &TestApp, javascript: bool) -> Option<Browser> {
        let tools = tools_or_skip()?;
        let profile = Profile {
            dir: tempfile::tempdir().expect("profile dir"),
        };
        let log = profile.dir.path().join("chromedriver.log");
        let chromedriver = ChromeDriver::start(tools, &log).await;

        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(&tools.chromium.to_string_lossy())
            .expect("binary capability");
        // The console is kept, for `console_errors`.
        caps.set("goog:loggingPrefs", serde_json::json!({ "browser": "ALL" }))
            .expect("logging capability");
        for flag in CHROMIUM_FLAGS {
            caps.add_arg(flag).expect("chromium flag");
        }
        let (width, height) = WINDOW;
        caps.add_arg(&format!("--window-size={width},{height}"))
            .expect("window size");
        caps.add_arg(&format!(
            "--user-data-dir={}",
            profile.chromium_dir().display()
        ))
        .expect("user data dir");
        if !javascript {
            caps.add_experimental_option(
                "prefs",
                serde_json::json!({ "profile.managed_default_content_settings.javascript": 2 }),
            )
            .expect("prefs");
        }

        let driver = match WebDriver::new(chromedriver.url.clone(), caps).await {
            Ok(driver) => driver,
            Err(e) => {
                let log = std::fs::read_to_string(&log).unwrap_or_default();
                panic!("Chromium did not start: {e}\nchromedriver log:\n{log}");
            }
        };
        driver
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(30)),
                Some(Duration::from_secs(30)),
                Some(Duration::ZERO),
            ))
            .await
            .expect("timeouts set");
        Some(Browser {
            driver: Some(driver),
            base: app.address.clone(),
            _chromedriver: chromedriver,
            profile,
        })
    }

    /// Errors the page's console received since the last call (scripts that failed,
    /// resources that did not load), as chromedriver reports them.
    pub async fn console_errors(&self) -> Vec<String> {
        let answer = self
            .handle()
            .cmd(thirtyfour::common::command::Command::ExtensionCommand(
                Box::new(BrowserLog),
            ))
            .await
            .expect("browser log");
        let entries = answer.value_json().expect("log entries");
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Closes the browser. Call it at the end of every test (a panicking test's browser is
    /// killed on drop).
    pub async fn quit(mut self) {
        if let Some(driver) = self.driver.take() {
            driver.quit().await.expect("browser closes");
        }
    }

    /// Loads `path` (e.g. `/ar/webinars`) of the app and waits for the page's `load` event.
    pub async fn open(&self, path: &str) {
        let url = format!("{}{path}", self.base);
        self.goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// Opens a link of the app found elsewhere (in a mail): `url` must point at the app.
    pub async fn open_link(&self, url: &str) {
        let path = url
            .strip_prefix(&self.base)
            .unwrap_or_else(|| panic!("{url} does not point at the app ({})", self.base));
        self.open(path).await;
    }

    /// Path (and query, fragment) of the page shown, without the app's address.
    pub async fn current_path(&self) -> String {
        let url = self.current_url().await.expect("current URL");
        let mut path = url.path().to_string();
        if let Some(q) = url.query() {
            path.push('?');
            path.push_str(q);
        }
        if let Some(f) = url.fragment() {
            path.push('#');
            path.push_str(f);
        }
        path
    }

    /// Runs `script` (a function body: `return …;`, the arguments in `arguments`) in the page
    /// and converts its result.
    pub async fn eval<T: DeserializeOwned>(&self, script: &str, args: Vec<Value>) -> T {
        let ret = self
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"));
        ret.convert()
            .unwrap_or_else(|e| panic!("unexpected script result {:?}: {e}", ret.json()))
    }

    /// The element matching `css`, waiting up to 5 s for it to appear.
    pub async fn element(&self, css: &str) -> WebElement {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match self.find(By::Css(css)).await {
                Ok(el) => return el,
                Err(e) if Instant::now() > deadline => {
                    let path = self.current_path().await;
                    panic!("no element `{css}` on {path}: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// Signs in through the login page in `lang` and waits until the page it sends the
    /// account to shows it signed in (opening another page sooner could cut the login short).
    pub async fn sign_in(&self, lang: &str, email: &str, password: &str) {
        self.open(&format!("/{lang}/account/login")).await;
        self.fill("#f-email", email).await;
        self.fill("#f-password", password).await;
        self.click("main form button[type=submit]").await;
        self.element(&format!(".site-header a[href='/{lang}/account/settings']"))
            .await;
    }

    /// Clicks the element matching `css` (waiting for it) and lets any navigation finish.
    pub async fn click(&self, css: &str) {
        let el = self.element(css).await;
        el.click()
            .await
            .unwrap_or_else(|e| panic!("cannot click `{css}`: {e}"));
    }

    /// Replaces the value of the field matching `css` by typing `text`.
    #[allow(dead_code)] // for the journeys' forms
    pub async fn fill(&self, css: &str, text: &str) {
        let el = self.element(css).await;
        el.clear().await.expect("field cleared");
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("cannot type into `{css}`: {e}"));
    }

    /// Waits up to 5 s for the element matching `css` to show a text containing `needle`
    /// (after a form is sent, a script runs…).
    pub async fn wait_for_text(&self, css: &str, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let text = match self.find(By::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if text.contains(needle) {
                return;
            }
            if Instant::now() > deadline {
                let path = self.current_path().await;
                panic!("`{css}` on {path} shows {text:?}, not {needle:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The rendered text of the element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        self.element(css).await.text().await.expect("element text")
    }

    /// Saves a full-page PNG as `target/screenshots/{name}.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let path = dir.join(format!("{name}.png"));
        // WebDriver photographs the viewport: grow the window to the page's height first.
        let window = self.get_window_rect().await.expect("window size");
        let (width, height) = (window.width as u32, window.height as u32);
        let inner: u32 = self.eval("return window.innerHeight;", vec![]).await;
        let full: u32 = self
            .eval(
                "return Math.ceil(document.documentElement.scrollHeight);",
                vec![],
            )
            .await;
        let grow = full > inner;
        if grow {
            let taller = (height + full - inner).min(8000);
            self.set_window_rect(0, 0, width, taller)
                .await
                .expect("window grows");
        }
        std::ops::Deref::deref(self)
            .screenshot(&path)
            .await
            .unwrap_or_else(|e| panic!("screenshot {}: {e}", path.display()));
        if grow {
            self.set_window_rect(0, 0, width, height)
                .await
                .expect("window restored");
        }
        path
    }

    /// Where a test may write scratch files (removed with the browser).
    #[allow(dead_code)] // for the journeys (e.g. a contact list to upload)
    pub fn scratch_dir(&self) -> &Path {
        self.profile.dir.path()
    }
}

/// `target/screenshots/`, wherever the target directory is.
pub fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target dir")
        .join("screenshots")
}

/// The text of Fluent message `id` in `lang` (`fr`, `en`, `ar`), without isolation marks:
/// what a page shows for a message without arguments.
pub fn t(lang: &str, id: &str) -> String {
    let locale: convive::domain::Locale = lang.parse().expect("fr, en or ar");
    assert!(
        convive::i18n::catalog().has(locale, id),
        "no message {id} in {lang}"
    );
    convive::i18n::catalog().plain(locale, id, &[])
}

/// The text of Fluent message `id` in `lang` with a `count` argument, as a page shows it
/// once the isolation marks are removed (see `plain_text`).
#[allow(dead_code)] // for the journeys' counted messages
pub fn tn(lang: &str, id: &str, count: i64) -> String {
    let locale: convive::domain::Locale = lang.parse().expect("fr, en or ar");
    assert!(
        convive::i18n::catalog().has(locale, id),
        "no message {id} in {lang}"
    );
    convive::i18n::catalog().plain(locale, id, &[("count", count.into())])
}

/// Page text without Fluent's invisible isolation marks.
#[allow(dead_code)]
pub fn plain_text(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}
