//! Web hardening seen from outside: the security headers on every response (pages, API,
//! assets, errors 403/404/405/413/422/429), HSTS over HTTPS, redirects that never leave
//! the site, localised 413 and 429 pages, and login timing that does not reveal
//! whether an address has an account.

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::json;

use crate::helpers::{
    TestApp,
    pages::{csrf_of, plain},
    spawn_app, spawn_app_with,
    visitor::{Browser, PASSWORD, first_module},
};

/// Every route of the app, with concrete values (method, path, JSON body or not).
async fn every_route(app: &TestApp) -> Vec<(Method, String, bool)> {
    let w = app.get_json("/api/v1/webinars/fight-food-waste").await;
    let session = w["sessions"][0]["id"].as_i64().unwrap();
    let (module, lessons) = first_module(app).await;
    let lesson = lessons[0];
    let token = "0".repeat(64);
    let mut routes = vec![];
    for lang in ["fr", "en", "ar"] {
        for path in [
            "/".to_owned(),
            "/webinars".to_owned(),
            "/webinars/fight-food-waste".to_owned(),
            "/webinars/no-such-webinar".to_owned(),
            "/modules".to_owned(),
            format!("/modules/{module}"),
            format!("/lessons/{lesson}"),
            "/learning".to_owned(),
            format!("/sessions/{session}/register"),
            format!("/registrations/confirm/{token}"),
            format!("/registrations/{token}"),
            format!("/invitations/{token}"),
            "/certificates/NOPE-NOPE".to_owned(),
            "/certificates/NOPE-NOPE/pdf".to_owned(),
            "/account".to_owned(),
            "/account/signup".to_owned(),
            "/account/login".to_owned(),
            format!("/account/verify/{token}"),
            "/account/forgot".to_owned(),
            format!("/account/reset/{token}"),
            "/account/settings".to_owned(),
            "/privacy".to_owned(),
            "/privacy/request".to_owned(),
            format!("/privacy/manage/{token}"),
        ] {
            routes.push((Method::GET, format!("/{lang}{path}"), false));
        }
        for path in [
            format!("/sessions/{session}/register"),
            format!("/registrations/confirm/{token}"),
            format!("/registrations/{token}"),
            "/account/signup".to_owned(),
            "/account/login".to_owned(),
            "/account/logout".to_owned(),
            format!("/account/verify/{token}"),
            "/account/forgot".to_owned(),
            format!("/account/reset/{token}"),
            "/account/password".to_owned(),
            "/account/email".to_owned(),
            "/account/delete".to_owned(),
            "/privacy/request".to_owned(),
            format!("/privacy/manage/{token}/export"),
            format!("/privacy/manage/{token}/erase"),
        ] {
            routes.push((Method::POST, format!("/{lang}{path}"), false));
        }
    }
    for path in [
        "/",
        "/healthz",
        "/readyz",
        "/assets/css/app.css",
        "/assets/js/app.js",
        "/assets/no-such-file.css",
        "/no-such-page",
        "/xx/webinars",
        "/api/v1/openapi.json",
        "/api/v1/webinars",
        "/api/v1/webinars/fight-food-waste",
        "/api/v1/webinars/fight-food-waste/replays",
        "/api/v1/webinars/nope",
        "/api/v1/modules",
        "/api/v1/no-such-endpoint",
        "/api/v1/admin/organisers",
        "/api/v1/admin/campaigns/1",
    ] {
        routes.push((Method::GET, path.to_owned(), false));
    }
    routes.push((Method::GET, format!("/api/v1/sessions/{session}"), false));
    routes.push((Method::GET, format!("/api/v1/modules/{module}"), false));
    routes.push((Method::GET, format!("/api/v1/registrations/{token}"), false));
    routes.push((Method::GET, format!("/join/{token}"), false));
    routes.push((Method::GET, format!("/unsubscribe/{token}"), false));
    routes.push((Method::POST, format!("/unsubscribe/{token}"), false));
    routes.push((
        Method::DELETE,
        format!("/api/v1/registrations/{token}"),
        false,
    ));
    for path in [
        format!("/api/v1/sessions/{session}/registrations"),
        "/api/v1/registrations/confirm".to_owned(),
        format!("/api/v1/lessons/{lesson}/progress"),
        "/api/v1/auth/signup".to_owned(),
        "/api/v1/auth/verify".to_owned(),
        "/api/v1/auth/login".to_owned(),
        "/api/v1/auth/logout".to_owned(),
        "/api/v1/auth/password/forgot".to_owned(),
        "/api/v1/auth/password/reset".to_owned(),
        "/api/v1/privacy/requests".to_owned(),
        "/api/v1/privacy/export".to_owned(),
        "/api/v1/privacy/erase".to_owned(),
    ] {
        routes.push((Method::POST, path, true));
    }
    for (method, path) in convive::web::admin::API_ROUTES {
        let path = path
            .replace("{slug}", "fight-food-waste")
            .replace("{id}", "1");
        routes.push((method.parse().unwrap(), path, true));
    }
    // Wrong methods (405) and a cross-site form post (403 from the middleware).
    routes.push((Method::DELETE, "/fr/webinars".to_owned(), false));
    routes.push((Method::PUT, "/api/v1/webinars".to_owned(), true));
    routes
}

fn check_headers(what: &str, res: &reqwest::Response, https: bool) {
    let h = res.headers();
    let csp = h
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no CSP"))
        .to_str()
        .unwrap();
    for part in [
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "script-src 'self'",
        "default-src 'self'",
    ] {
        assert!(csp.contains(part), "{what}: CSP lacks {part}: {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    assert!(!csp.contains("unsafe-eval"), "{what}: {csp}");
    assert_eq!(h["x-content-type-options"], "nosniff", "{what}");
    assert!(h.contains_key("referrer-policy"), "{what}");
    assert_eq!(
        h.contains_key("strict-transport-security"),
        https,
        "{what}: HSTS only over HTTPS"
    );
}

/// Inline scripts or styles would be blocked by the CSP (and are a sign of injection).
fn check_no_inline_code(what: &str, html: &str) {
    for (i, _) in html.match_indices("<script") {
        let tag = &html[i..i + html[i..].find('>').unwrap()];
        assert!(tag.contains(" src="), "{what}: inline script {tag}");
    }
    assert!(!html.contains("<style"), "{what}: inline style element");
    assert!(
        !html.contains(" style=\""),
        "{what}: inline style attribute"
    );
    assert!(!html.contains(" onclick="), "{what}: inline handler");
}

async fn walk(app: &TestApp, https: bool) -> usize {
    let mut seen = 0;
    let mut statuses = std::collections::BTreeSet::new();
    for (method, path, json_body) in every_route(app).await {
        let mut req = app.client.request(method.clone(), app.url(&path));
        if json_body {
            req = req.json(&json!({}));
        } else if method == Method::POST {
            req = req.form(&[("x", "y")]);
        }
        let res = req.send().await.unwrap();
        let what = format!("{method} {path} → {}", res.status());
        assert!(res.status().as_u16() < 500, "{what}");
        statuses.insert(res.status().as_u16());
        check_headers(&what, &res, https);
        let is_html = res
            .headers()
            .get("content-type")
            .is_some_and(|c| c.to_str().unwrap().starts_with("text/html"));
        if is_html {
            check_no_inline_code(&what, &res.text().await.unwrap());
        }
        seen += 1;
    }
    // Oversized bodies (413), a cross-site post (403) and a flood (429).
    let big = "x".repeat(300 * 1024);
    for (path, is_json) in [("/api/v1/auth/signup", true), ("/fr/account/signup", false)] {
        let req = app.client.post(app.url(path));
        let req = if is_json {
            req.header("content-type", "application/json")
                .body(big.clone())
        } else {
            req.form(&[("email", big.as_str())])
        };
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 413, "{path}");
        check_headers(path, &res, https);
        statuses.insert(413);
    }
    let res = app
        .client
        .post(app.url("/fr/account/login"))
        .header("origin", "https://evil.example")
        .form(&[("email", "a@b.example")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    check_headers("cross-site post", &res, https);
    for i in 0..12 {
        let res = app
            .client
            .post(app.url("/api/v1/auth/password/forgot"))
            .json(&json!({ "email": format!("flood{i}@example.org") }))
            .send()
            .await
            .unwrap();
        check_headers("flood", &res, https);
        statuses.insert(res.status().as_u16());
    }
    for s in [200, 303, 400, 401, 403, 404, 405, 413, 422, 429] {
        assert!(statuses.contains(&s), "no {s} seen: {statuses:?}");
    }
    seen
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    let n = walk(&app, false).await;
    assert!(n > 150, "{n} routes walked");
}

#[tokio::test]
async fn over_https_responses_add_hsts_and_secure_host_cookies() {
    let app = spawn_app_with(|s| s.public_url = Some("https://convive.example".into())).await;
    walk(&app, true).await;
    let res = app.get("/fr/account/login").await;
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("__Host-convive="))
        .expect("a __Host- session cookie");
    for attr in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attr), "{cookie}");
    }
}

/// Payloads that try to send a signed-in person to another site.
pub const REDIRECT_PAYLOADS: [&str; 16] = [
    "//evil.example",
    "//evil.example/fr/learning",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "%2F%2Fevil.example",
    "/\t/evil.example",
    "/ /evil.example",
    "//%65vil.example",
    "/fr/learning\r\nLocation: https://evil.example",
    "https:/\\evil.example",
    "\u{3002}/evil.example",
];

fn stays_on_site(location: &str) -> bool {
    location.starts_with('/')
        && !location.starts_with("//")
        && !location.contains('\\')
        && !location.chars().any(char::is_control)
        && !location.to_ascii_lowercase().starts_with("/%2f")
        && !location.to_ascii_lowercase().starts_with("/%5c")
}

#[tokio::test]
async fn login_redirects_only_to_this_site() {
    let app = spawn_app_with(|s| s.rate_limits = convive::settings::RateLimits::Off).await;
    let me = Browser::new(&app);
    me.sign_up("redirect@example.org", "Rita", "fr").await;
    for payload in REDIRECT_PAYLOADS {
        let b = Browser::new(&app);
        // The login page keeps `next` only when it is a path of this site.
        let res = b
            .client
            .get(app.url("/fr/account/login"))
            .query(&[("next", payload)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{payload:?}");
        let page = res.text().await.unwrap();
        assert!(
            !page.contains("evil.example"),
            "{payload:?} kept in the page"
        );
        let res = b
            .post_form(
                "/fr/account/login",
                &[
                    ("email", "redirect@example.org"),
                    ("password", PASSWORD),
                    ("csrf", &csrf_of(&page)),
                    ("next", payload),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "{payload:?}");
        let location = res.headers()["location"].to_str().unwrap();
        assert!(stays_on_site(location), "{payload:?} → {location}");
        assert_eq!(location, "/fr/learning", "{payload:?}");
    }
    // A path of this site is followed.
    let b = Browser::new(&app);
    let page = b.get_text("/fr/account/login?next=/fr/modules").await;
    let res = b
        .post_form(
            "/fr/account/login",
            &[
                ("email", "redirect@example.org"),
                ("password", PASSWORD),
                ("csrf", &csrf_of(&page)),
                ("next", "/fr/modules"),
            ],
        )
        .await;
    assert_eq!(res.headers()["location"], "/fr/modules");
    // The other redirects: `/` by language, and paths that look like another host.
    for payload in REDIRECT_PAYLOADS {
        let res = app
            .client
            .get(app.url("/"))
            .header("accept-language", payload.replace(['\r', '\n', '\t'], ""))
            .send()
            .await
            .unwrap();
        let to = res.headers()["location"].to_str().unwrap();
        assert!(["/fr/", "/en/", "/ar/"].contains(&to), "{payload:?} → {to}");
    }
    for path in [
        "//evil.example/fr/learning",
        "/%2F%2Fevil.example",
        "/\\evil.example",
    ] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        if let Some(to) = res.headers().get("location") {
            let to = to.to_str().unwrap();
            assert!(stays_on_site(to), "{path} → {to}");
        }
    }
    // Pages that require sign-in send back to themselves only.
    let res = Browser::new(&app).get("/fr/learning").await;
    let to = res.headers()["location"].to_str().unwrap();
    assert!(
        to.starts_with("/fr/account/login?next=/fr/learning"),
        "{to}"
    );
}

#[tokio::test]
async fn oversized_requests_and_floods_get_localised_pages() {
    let app = spawn_app().await;
    let big = "x".repeat(300 * 1024);
    let res = app
        .client
        .post(app.url("/ar/account/signup"))
        .form(&[("full_name", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let html = plain(&res.text().await.unwrap());
    assert!(html.contains(r#"dir="rtl""#));
    assert!(html.contains("حجم ما تم إرساله كبير جدًا"), "{html}");
    let res = app
        .client
        .post(app.url("/api/v1/auth/signup?lang=fr"))
        .header("content-type", "application/json")
        .body(format!("{{\"full_name\": \"{big}\"}}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"], "payload_too_large");
    assert_eq!(body["message"], "L’envoi est trop volumineux.");

    // Login: ten tries a minute per client address, then a French page saying so.
    let b = Browser::new(&app);
    let mut last = None;
    for i in 0..12 {
        let page = b.get_text("/fr/account/login").await;
        last = Some(
            b.post_form(
                "/fr/account/login",
                &[
                    ("email", format!("who{i}@example.org").as_str()),
                    ("password", "wrong password"),
                    ("csrf", &csrf_of(&page)),
                ],
            )
            .await,
        );
    }
    let res = last.unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    let html = plain(&res.text().await.unwrap());
    assert!(html.contains("Trop de tentatives"), "{html}");
    assert!(html.contains(r#"lang="fr""#));
}

/// Time of one failed login through the API.
async fn failed_login(app: &TestApp, email: &str) -> Duration {
    let started = Instant::now();
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({ "email": email, "password": "not the password at all" }))
        .send()
        .await
        .unwrap();
    let took = started.elapsed();
    assert_eq!(res.status(), 401);
    took
}

#[tokio::test]
async fn login_takes_about_as_long_for_unknown_and_known_addresses() {
    let app = spawn_app_with(|s| s.rate_limits = convive::settings::RateLimits::Off).await;
    Browser::new(&app)
        .sign_up("known@example.org", "Known", "en")
        .await;
    // Warm up (the dummy hash is computed once).
    failed_login(&app, "warm@example.org").await;
    // Interleaved rounds; the fastest of each kind is compared, since a busy machine only
    // ever adds time (without argon2 an unknown address would answer ten times faster).
    let kinds = ["known@example.org", "unknown@example.org", "not-an-address"];
    let mut times: Vec<Vec<Duration>> = vec![vec![]; kinds.len()];
    for round in 0..15 {
        for k in 0..kinds.len() {
            let k = (k + round) % kinds.len();
            times[k].push(failed_login(&app, kinds[k]).await);
        }
    }
    let fastest = |t: &Vec<Duration>| *t.iter().min().unwrap();
    let known = fastest(&times[0]);
    for k in 1..kinds.len() {
        let t = fastest(&times[k]);
        let ratio = t.as_secs_f64() / known.as_secs_f64();
        assert!(
            (0.5..2.0).contains(&ratio),
            "{}: {t:?} against {known:?} for a known address",
            kinds[k]
        );
    }
    assert!(known > Duration::from_millis(5), "argon2 runs: {known:?}");
}
