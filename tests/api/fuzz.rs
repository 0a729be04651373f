//! Generated inputs (proptest) against a running app: each property spawns one app
//! (rate limits off) and sends a few hundred generated requests; every answer must be
//! below 500 and the server must still answer afterwards. A panic in a handler drops the
//! connection, which fails the property too. `CONVIVE_FUZZ_CASES` sets the cases per
//! property (default 256).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Value, json};

use crate::helpers::{TestApp, pages::csrf_of, spawn_app_with};

/// One app for one property, with what its requests need.
pub struct Fuzzer {
    pub app: TestApp,
    pub rt: tokio::runtime::Runtime,
    /// A client with a session and its CSRF token.
    pub browser: reqwest::Client,
    pub csrf: String,
    pub session_id: i64,
    pub lesson_id: i64,
}

impl Fuzzer {
    pub fn new() -> Fuzzer {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let app = rt.block_on(spawn_app_with(|s| {
            s.rate_limits = convive::settings::RateLimits::Off;
        }));
        let browser = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap();
        let (csrf, session_id, lesson_id) = rt.block_on(async {
            let page = browser
                .get(app.url("/fr/account/signup"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let w = app.get_json("/api/v1/webinars/fight-food-waste").await;
            let (_, lessons) = crate::helpers::visitor::first_module(&app).await;
            (
                csrf_of(&page),
                w["sessions"][0]["id"].as_i64().unwrap(),
                lessons[0],
            )
        });
        Fuzzer {
            app,
            rt,
            browser,
            csrf,
            session_id,
            lesson_id,
        }
    }

    /// Runs the property: every request built from a generated value must get an
    /// answer below 500.
    pub fn check<S: Strategy>(
        &self,
        name: &str,
        strategy: S,
        request: impl Fn(&Fuzzer, S::Value) -> reqwest::RequestBuilder,
    ) -> u32 {
        let config = Config {
            cases: cases(),
            failure_persistence: None,
            max_shrink_iters: 200,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config.clone());
        let statuses = std::sync::Mutex::new(std::collections::BTreeMap::<u16, u32>::new());
        let result = runner.run(&strategy, |value| {
            let req = request(self, value);
            self.rt.block_on(async {
                let res = req
                    .send()
                    .await
                    .map_err(|e| TestCaseError::fail(format!("no answer (panic?): {e}")))?;
                let status = res.status();
                *statuses.lock().unwrap().entry(status.as_u16()).or_default() += 1;
                if status.is_server_error() {
                    let body = res.text().await.unwrap_or_default();
                    return Err(TestCaseError::fail(format!("{status}: {body}")));
                }
                Ok(())
            })
        });
        if let Err(e) = result {
            // Generated values can be huge: keep the report readable.
            let text = e.to_string();
            let cut: String = text.chars().take(3000).collect();
            panic!("{name}: {cut}");
        }
        // What the generated requests got, e.g. `{202: 40, 404: 30, 422: 186}`.
        eprintln!("{name}: {:?}", statuses.lock().unwrap());
        let alive = self
            .rt
            .block_on(self.app.client.get(self.app.url("/readyz")).send())
            .unwrap()
            .status();
        assert_eq!(alive, 200, "{name}: the server still answers");
        config.cases
    }

    pub fn json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &Body,
    ) -> reqwest::RequestBuilder {
        let req = self
            .browser
            .request(method, self.app.url(path))
            .header("content-type", "application/json");
        match body {
            Body::Json(v) => req.body(v.to_string()),
            Body::Raw(bytes) => req.body(bytes.clone()),
        }
    }

    /// The session's CSRF token as its pages carry it now (signing in or out renews it).
    pub fn csrf_now(&self) -> String {
        let page = self.rt.block_on(async {
            match self
                .browser
                .get(self.app.url("/fr/account/forgot"))
                .send()
                .await
            {
                Ok(r) => r.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            }
        });
        if page.contains("name=\"csrf\"") {
            csrf_of(&page)
        } else {
            self.csrf.clone()
        }
    }

    /// A form post with the session's CSRF token (unless `with_csrf` is false).
    pub fn form(
        &self,
        path: &str,
        fields: &[(String, String)],
        with_csrf: bool,
    ) -> reqwest::RequestBuilder {
        let mut fields = fields.to_vec();
        if with_csrf {
            // Read the token again: signing out or deleting the account renews it.
            fields.push(("csrf".to_owned(), self.csrf_now()));
        }
        self.browser.post(self.app.url(path)).form(&fields)
    }
}

pub fn cases() -> u32 {
    std::env::var("CONVIVE_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256)
}

/// Strings people and attackers type: any Unicode, control characters, injections,
/// numbers at the edges, very long text.
pub const SPECIALS: &[&str] = &[
    "",
    " ",
    "\0",
    "\r\nBcc: victim@evil.example",
    "=?utf-8?q?a=0D=0ABcc:_x@evil.example?=",
    "<script>alert(1)</script>",
    "\"'><img src=x onerror=alert(1)>",
    "'; DROP TABLE registrations; --",
    "../../../../etc/passwd",
    "%00%0d%0a",
    "\u{202e}gnp.exe",
    "\u{feff}",
    "\u{fffd}\u{fffd}",
    "🦀🇲🇦👩🏽‍🌾",
    "أمينة بن علي",
    "NaN",
    "Infinity",
    "-1",
    "0",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "null",
    "true",
    "[]",
    "{}",
    "fr",
    "ar",
    "Africa/Casablanca",
    "MA",
    "elected_official",
    "a@b.c",
    "amina@ville-sfax.tn",
    "//evil.example",
];

pub fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "[a-zA-Z0-9 @._+/-]{0,40}",
        3 => proptest::sample::select(SPECIALS).prop_map(str::to_owned),
        1 => prop_oneof![9 => 1usize..3_000, 1 => 1usize..70_000].prop_map(|n| "é".repeat(n)),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<f64>().prop_map(|f| f.to_string()),
        1 => "[a-z0-9._+-]{1,20}@[a-z0-9-]{1,20}\\.[a-z]{2,5}",
        // PostgreSQL refuses NUL in text: plausible text with one inside.
        1 => "[A-Za-z ]{0,12}".prop_map(|s| format!("{s}\0{s}")),
    ]
}

/// Any JSON value, nested a little.
pub fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        nasty().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,12}", inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// A request body: usually an object with the endpoint's fields (plausible or not),
/// sometimes any JSON, sometimes bytes that are not JSON at all.
#[derive(Clone, Debug)]
pub enum Body {
    Json(Value),
    Raw(Vec<u8>),
}

/// Fields with plausible values written as JSON text.
pub type Spec = &'static [(&'static str, &'static [&'static str])];

pub fn json_body(spec: Spec) -> impl Strategy<Value = Body> {
    let fields: Vec<_> = spec
        .iter()
        .map(|(name, good)| {
            let good: Vec<Value> = good
                .iter()
                .map(|g| serde_json::from_str(g).expect("plausible values are JSON"))
                .collect();
            let value = prop_oneof![
                8 => proptest::sample::select(good),
                1 => nasty().prop_map(Value::String),
                1 => json_value(),
            ];
            (Just(*name), prop::option::weighted(0.95, value))
        })
        .collect();
    let object = (
        fields,
        prop::collection::vec(("[a-z_]{1,10}", json_value()), 0..2),
    )
        .prop_map(|(fields, extra)| {
            let mut map = serde_json::Map::new();
            for (name, value) in fields {
                if let Some(v) = value {
                    map.insert(name.to_owned(), v);
                }
            }
            for (k, v) in extra {
                map.entry(k).or_insert(v);
            }
            Body::Json(Value::Object(map))
        });
    prop_oneof![
        8 => object,
        1 => json_value().prop_map(Body::Json),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(Body::Raw),
    ]
}

/// Form fields: each present or not, plausible or not, plus stray fields.
pub fn form_fields(spec: Spec) -> impl Strategy<Value = Vec<(String, String)>> {
    let fields: Vec<_> = spec
        .iter()
        .map(|(name, good)| {
            let good: Vec<String> = good.iter().map(|g| (*g).to_owned()).collect();
            let value = prop_oneof![8 => proptest::sample::select(good), 2 => nasty()];
            (
                Just((*name).to_owned()),
                prop::option::weighted(0.95, value),
            )
        })
        .collect();
    (
        fields,
        prop::collection::vec(("[a-z_]{1,10}", nasty()), 0..2),
    )
        .prop_map(|(fields, extra)| {
            fields
                .into_iter()
                .filter_map(|(n, v)| v.map(|v| (n, v)))
                .chain(extra)
                .collect()
        })
}

/// Like `nasty`, but short enough for a URL (long text is tried in bodies).
pub fn nasty_short() -> impl Strategy<Value = String> {
    nasty().prop_map(|s| s.chars().take(300).collect())
}

/// A path segment: plausible, random, or hostile; always percent-encoded.
pub fn segment(good: Vec<String>) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(good),
        2 => nasty_short(),
        1 => "[0-9a-f]{64}",
    ]
    .prop_map(|s| encode(&s))
}

pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn lang() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(&["fr", "en", "ar"][..])
}
