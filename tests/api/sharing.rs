//! What search engines and messaging apps read: a description and share tags on every
//! public page in each language, hreflang alternates, the favicon, the web app manifest,
//! robots.txt and sitemap.xml.

use crate::helpers::pages::{csrf_of, plain, post_multipart};
use crate::helpers::spawn_app;
use crate::helpers::speakers::png;
use crate::helpers::staff::{log_in, staff};
use crate::helpers::visitor::Browser;

const PAGES: [&str; 6] = [
    "/",
    "/webinars",
    "/webinars/fight-food-waste",
    "/modules",
    "/privacy",
    "/account/login",
];

/// The `content` of the first `<meta {attr}="{name}">` of a page.
fn meta<'a>(html: &'a str, attr: &str, name: &str) -> Option<&'a str> {
    let tag = format!("<meta {attr}=\"{name}\" content=\"");
    html.split(&tag).nth(1)?.split('"').next()
}

#[tokio::test]
async fn every_public_page_has_its_description_and_share_card() {
    let app = spawn_app().await;
    for lang in ["fr", "en", "ar"] {
        for path in PAGES {
            let url = format!("/{lang}{}", if path == "/" { "/" } else { path });
            let html = plain(&app.get_text(&url).await);
            let description = meta(&html, "name", "description").unwrap_or_default();
            assert!(description.len() > 40, "{url}: description `{description}`");
            for (attr, name) in [
                ("property", "og:title"),
                ("property", "og:description"),
                ("property", "og:image"),
                ("property", "og:url"),
                ("name", "twitter:card"),
                ("name", "twitter:title"),
            ] {
                assert!(
                    meta(&html, attr, name).is_some_and(|c| !c.is_empty()),
                    "{url}: {name}"
                );
            }
            let og_locale = meta(&html, "property", "og:locale").unwrap();
            assert_eq!(&og_locale[..2], lang, "{url}: og:locale");
            assert_eq!(html.matches("og:locale:alternate").count(), 2, "{url}");
            for alt in ["fr", "en", "ar", "x-default"] {
                assert!(
                    html.contains(&format!("hreflang=\"{alt}\" href=\"http")),
                    "{url}: hreflang {alt}"
                );
            }
            assert!(
                meta(&html, "property", "og:image")
                    .unwrap()
                    .starts_with("http"),
                "absolute image"
            );
        }
    }
    // A webinar's card carries its own title and summary.
    let html = plain(&app.get_text("/en/webinars/fight-food-waste").await);
    assert_eq!(
        meta(&html, "property", "og:title"),
        Some("Fight against food waste")
    );
    assert!(meta(&html, "name", "description").unwrap().len() > 80);
    let image = meta(&html, "property", "og:image").unwrap();
    let path = image
        .split_once("://")
        .unwrap()
        .1
        .split_once('/')
        .unwrap()
        .1;
    let res = app.get(&format!("/{path}")).await;
    assert_eq!(res.status(), 200, "{image}");
    assert_eq!(res.headers()["content-type"], "image/png");
}

#[tokio::test]
async fn the_favicon_manifest_robots_and_sitemap_are_served() {
    let app = spawn_app().await;
    let icon = app.get("/favicon.ico").await;
    assert_eq!(icon.status(), 200);
    assert_eq!(icon.headers()["content-type"], "image/x-icon");
    assert_eq!(
        &icon.bytes().await.unwrap()[..4],
        &[0, 0, 1, 0],
        "an ICO file"
    );

    let manifest = app.get_json("/ar/manifest.webmanifest").await;
    assert_eq!(manifest["dir"], "rtl");
    assert_eq!(manifest["start_url"], "/ar/");
    for icon in manifest["icons"].as_array().unwrap() {
        let src = icon["src"].as_str().unwrap();
        assert_eq!(app.get(src).await.status(), 200, "{src}");
    }
    let html = app.get_text("/en/").await;
    assert!(html.contains("rel=\"manifest\" href=\"/en/manifest.webmanifest\""));

    let robots = app.get_text("/robots.txt").await;
    assert!(robots.contains("Sitemap: http") && robots.contains("Disallow: /*/admin"));
    assert!(
        robots.contains("Disallow: /*/registrations/"),
        "personal links stay out"
    );

    let res = app.get("/sitemap.xml").await;
    assert_eq!(res.status(), 200);
    let xml = res.text().await.unwrap();
    assert!(xml.starts_with("<?xml") && xml.contains("<urlset"));
    for lang in ["fr", "en", "ar"] {
        assert!(
            xml.contains(&format!("/{lang}/webinars/fight-food-waste</loc>")),
            "{lang}"
        );
    }
    assert!(xml.contains("hreflang=\"ar\""));
    assert!(!xml.contains("/admin"), "no back office page");
}

/// The site path of an absolute URL.
fn path_of(url: &str) -> String {
    let rest = url.split_once("://").unwrap().1;
    format!("/{}", rest.split_once('/').unwrap().1)
}

async fn upload_share_image(b: &Browser<'_>, bytes: &[u8]) -> reqwest::Response {
    let page = "/fr/admin/webinars/fight-food-waste";
    let csrf = csrf_of(&b.get_text(page).await);
    let parts: Vec<(&str, Option<&str>, &[u8])> = vec![
        ("csrf", None, csrf.as_bytes()),
        ("share_image", Some("banner.png"), bytes),
    ];
    post_multipart(b, &format!("{page}/share-image"), &parts).await
}

#[tokio::test]
async fn a_webinar_share_picture_uploaded_in_the_back_office_is_its_share_card() {
    let app = spawn_app().await;
    staff(&app, "share@convive.test", "organiser");
    let organiser = log_in(&app, "share@convive.test").await;
    let page = "/webinars/fight-food-waste";
    let before = plain(&app.get_text(&format!("/en{page}")).await);
    let site = meta(&before, "property", "og:image").unwrap();
    assert!(
        site.contains("/img/share"),
        "the site picture before: {site}"
    );

    // Not a picture: refused next to the field, in the organiser's language.
    let refused = upload_share_image(&organiser, b"%PDF-1.7 not a picture").await;
    assert_eq!(refused.status(), 422);
    assert!(
        plain(&refused.text().await.unwrap()).contains("n’est pas une image JPEG, PNG ou WebP")
    );

    let res = upload_share_image(&organiser, &png(900, 700)).await;
    assert_eq!(res.status(), 303);
    let mut first = String::new();
    for lang in ["fr", "en", "ar"] {
        let html = plain(&app.get_text(&format!("/{lang}{page}")).await);
        let og = meta(&html, "property", "og:image").unwrap();
        assert_eq!(meta(&html, "name", "twitter:image"), Some(og), "{lang}");
        assert!(
            og.starts_with("http") && og.ends_with("-share.jpg"),
            "{lang}: {og}"
        );
        let res = app.get(&path_of(og)).await;
        assert_eq!(res.status(), 200, "{og}");
        assert_eq!(res.headers()["content-type"], "image/jpeg");
        let img = image::load_from_memory(&res.bytes().await.unwrap()).unwrap();
        assert_eq!((img.width(), img.height()), (1200, 630));
        first = path_of(og);
    }
    let admin = plain(
        &organiser
            .get_text("/fr/admin/webinars/fight-food-waste")
            .await,
    );
    assert!(admin.contains(&format!("src=\"{first}\"")), "preview shown");

    // The registration page of one of its sessions shares the webinar with its picture.
    let w = app
        .get_json("/api/v1/webinars/fight-food-waste?lang=en")
        .await;
    let session = w["sessions"][0]["id"].as_i64().unwrap();
    let form = plain(
        &app.get_text(&format!("/en/sessions/{session}/register"))
            .await,
    );
    let og = meta(&form, "property", "og:image").unwrap();
    assert_eq!(
        path_of(og),
        first,
        "the register page shares the webinar's picture"
    );
    let title = meta(&form, "property", "og:title").unwrap();
    assert_eq!(title, w["title"].as_str().unwrap());

    // A new picture replaces the old one, whose file is removed.
    assert_eq!(
        upload_share_image(&organiser, &png(640, 640))
            .await
            .status(),
        303
    );
    let html = plain(&app.get_text(&format!("/en{page}")).await);
    let second = path_of(meta(&html, "property", "og:image").unwrap());
    assert_ne!(second, first);
    assert_eq!(app.get(&second).await.status(), 200);
    assert_eq!(app.get(&first).await.status(), 404, "old picture removed");
}
