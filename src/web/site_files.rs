//! The files a browser or a crawler asks for at the site's root: `/favicon.ico`,
//! `/robots.txt`, `/sitemap.xml` (every public page in the three languages, with its
//! alternates) and the web app manifest of each language (`/{lang}/manifest.webmanifest`).

use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::domain::Locale;
use crate::i18n::catalog;
use crate::services::content::sitemap;
use crate::services::speakers::photos;
use crate::web::assets::{self, Assets};
use crate::web::error::AppError;
use crate::web::page::PageCtx;
use crate::web::state::{AppState, Pages};

pub async fn favicon() -> Result<HttpResponse, AppError> {
    let icon = Assets::get("img/favicon.ico").ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("image/x-icon")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(icon.data.into_owned()))
}

pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let base = state.settings.public_url();
    // Personal links (manage, confirm, join, invitations) and the back office stay out.
    let body = format!(
        "User-agent: *\nDisallow: /api/\nDisallow: /join/\nDisallow: /unsubscribe/\n\
         Disallow: /*/admin\nDisallow: /*/registrations/\nDisallow: /*/invitations/\n\
         Disallow: /*/privacy/manage/\nDisallow: /*/account/\nAllow: /\n\n\
         Sitemap: {base}/sitemap.xml\n"
    );
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn sitemap_entry(base: &str, path: &str) -> String {
    let alternates: String = Locale::ALL
        .iter()
        .map(|l| {
            format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                l.code(),
                xml_escape(&format!("{base}/{}{path}", l.code()))
            )
        })
        .collect();
    Locale::ALL
        .iter()
        .map(|l| {
            let loc = xml_escape(&format!("{base}/{}{path}", l.code()));
            format!("<url><loc>{loc}</loc>{alternates}</url>\n")
        })
        .collect()
}

pub async fn sitemap_xml(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let base = state.settings.public_url();
    let paths = state.run(Pages::Unchanged, sitemap::public_paths).await?;
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset \
         xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in &paths {
        body.push_str(&sitemap_entry(&base, path));
    }
    body.push_str("</urlset>\n");
    Ok(HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body))
}

pub async fn manifest(page: PageCtx) -> HttpResponse {
    let locale = page.locale;
    let t = |id: &str| catalog().plain(locale, id, &[]);
    let icon = |path: &str, size: &str, kind: &str| serde_json::json!({ "src": assets::url(path), "sizes": size, "type": kind });
    let body = serde_json::json!({
        "name": "Convive",
        "short_name": "Convive",
        "description": t("meta-description"),
        "lang": locale.code(),
        "dir": locale.dir(),
        "start_url": format!("/{}/", locale.code()),
        "scope": "/",
        "display": "standalone",
        "background_color": "#fbfaf6",
        "theme_color": "#1f6b4f",
        "icons": [
            icon("img/icon-192.png", "192x192", "image/png"),
            icon("img/icon-512.png", "512x512", "image/png"),
            icon("img/icon.svg", "any", "image/svg+xml"),
        ],
    });
    HttpResponse::Ok()
        .content_type("application/manifest+json")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(body.to_string())
}

/// `GET /photos/{name}`: where pages once linked a photo; it lives in the media store
/// now, at `/media/photos/{name}`.
pub async fn photo(path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let moved = photos::moved_url(&path.into_inner()).ok_or(AppError::NotFound)?;
    Ok(HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, moved))
        .finish())
}
