//! Static files embedded in the binary, served with long-lived cache headers. URLs carry
//! a content hash (`?v=`) so a new release is fetched at once. Videos answer HTTP range
//! requests so players can seek.

use std::borrow::Cow;
use std::sync::OnceLock;

use actix_web::http::header::{self, ContentEncoding, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

use super::error::AppError;

#[derive(RustEmbed)]
#[folder = "assets/"]
#[exclude = "*.md"]
pub struct Assets;

/// One hash of every asset, computed once: any change gives every URL a new version.
fn version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        let mut hasher = Sha256::new();
        let mut names: Vec<_> = Assets::iter().collect();
        names.sort();
        for name in names {
            if let Some(file) = Assets::get(&name) {
                hasher.update(name.as_bytes());
                hasher.update(file.metadata.sha256_hash());
            }
        }
        hex::encode(&hasher.finalize()[..6])
    })
}

/// The URL of an asset, e.g. `url("css/app.css")`.
pub fn url(path: &str) -> String {
    format!("/assets/{path}?v={}", version())
}

pub async fn serve_asset(
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let file = Assets::get(&path).ok_or(AppError::NotFound)?;
    let etag = format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..8]));
    let mime = file.metadata.mimetype();
    let mut res = HttpResponse::Ok();
    res.insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        .insert_header((header::ETAG, etag.clone()))
        .insert_header((header::CONTENT_TYPE, content_type(mime)));
    if req
        .headers()
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return Ok(res
            .status(actix_web::http::StatusCode::NOT_MODIFIED)
            .finish());
    }
    let data = file.data;
    if mime.starts_with("video/") || mime.starts_with("audio/") {
        // Already compressed; ranges must address the bytes as stored.
        res.insert_header(ContentEncoding::Identity)
            .insert_header((header::ACCEPT_RANGES, "bytes"));
        if let Some(range) = req.headers().get(header::RANGE) {
            return Ok(partial(res, range, &data));
        }
    }
    Ok(res.body(match data {
        Cow::Borrowed(embedded) => Bytes::from_static(embedded),
        Cow::Owned(read) => Bytes::from(read),
    }))
}

fn content_type(mime: &str) -> String {
    if mime.starts_with("text/") || mime.ends_with("javascript") {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_owned()
    }
}

/// A 206 answer for the first range asked, or 416 when it lies outside the file.
fn partial(
    mut res: actix_web::HttpResponseBuilder,
    range: &HeaderValue,
    data: &[u8],
) -> HttpResponse {
    let total = data.len() as u64;
    let parsed = range
        .to_str()
        .ok()
        .and_then(|r| http_range::HttpRange::parse(r, total).ok())
        .and_then(|ranges| ranges.first().copied());
    match parsed {
        Some(r) => {
            let (start, end) = (r.start as usize, (r.start + r.length) as usize);
            res.status(actix_web::http::StatusCode::PARTIAL_CONTENT)
                .insert_header((
                    header::CONTENT_RANGE,
                    format!("bytes {}-{}/{}", start, end - 1, total),
                ))
                .body(data[start..end].to_vec())
        }
        None => res
            .status(actix_web::http::StatusCode::RANGE_NOT_SATISFIABLE)
            .insert_header((header::CONTENT_RANGE, format!("bytes */{total}")))
            .finish(),
    }
}
