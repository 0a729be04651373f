//! `GET` and `HEAD /media/{key}`: what the media store holds (replays, captions,
//! images), with its ETag and content type, one byte range at a time when asked
//! (`Range`, answered 206, or 416 outside the object). Every instance serves every
//! object: it is read from the store, not from this machine's disk.

use actix_web::http::header::{self, ContentEncoding, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder, body::SizedStream, web};
use futures_util::TryStreamExt;

use crate::media::{MediaError, MediaKey, MediaMeta};
use crate::web::error::AppError;
use crate::web::state::AppState;

pub async fn serve(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let key = MediaKey::parse(&path.into_inner()).ok_or(AppError::NotFound)?;
    let meta = state.media.head(&key).await.map_err(store_error)?;
    let mut res = headers(&meta);
    if fresh(&req, &meta) {
        return Ok(res.status(StatusCode::NOT_MODIFIED).finish());
    }
    let range = match requested_range(&req, meta.size) {
        Ok(range) => range,
        Err(()) => {
            return Ok(res
                .status(StatusCode::RANGE_NOT_SATISFIABLE)
                .insert_header((header::CONTENT_RANGE, format!("bytes */{}", meta.size)))
                .finish());
        }
    };
    if let Some(r) = &range {
        res.status(StatusCode::PARTIAL_CONTENT).insert_header((
            header::CONTENT_RANGE,
            format!("bytes {}-{}/{}", r.start, r.end - 1, meta.size),
        ));
    }
    let length = range.as_ref().map_or(meta.size, |r| r.end - r.start);
    if req.method() == Method::HEAD {
        let nothing = futures_util::stream::empty::<Result<bytes::Bytes, AppError>>();
        return Ok(res.body(SizedStream::new(length, nothing)));
    }
    let body = state.media.get(&key, range).await.map_err(store_error)?;
    let stream = body.stream.map_err(|e| AppError::Internal(e.into()));
    Ok(res.body(SizedStream::new(length, stream)))
}

fn headers(meta: &MediaMeta) -> HttpResponseBuilder {
    let mut res = HttpResponse::Ok();
    // Stored media is already compressed (or small); ranges address the stored bytes.
    res.insert_header(ContentEncoding::Identity)
        .insert_header((header::CONTENT_TYPE, meta.content_type.as_str()))
        .insert_header((header::ETAG, meta.etag.as_str()))
        .insert_header((header::ACCEPT_RANGES, "bytes"))
        .insert_header((
            header::LAST_MODIFIED,
            meta.last_modified
                .format("%a, %d %b %Y %H:%M:%S GMT")
                .to_string(),
        ))
        // Keys are never reused for other content.
        .insert_header((
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ));
    res
}

/// `If-None-Match` names the stored version.
fn fresh(req: &HttpRequest, meta: &MediaMeta) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| {
            tags.split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == meta.etag || t == "*")
        })
}

/// The first range of a `Range` header; `Ok(None)` for the whole object (no header, or
/// one that is not about bytes); `Err` when it lies outside the object.
fn requested_range(req: &HttpRequest, size: u64) -> Result<Option<std::ops::Range<u64>>, ()> {
    let Some(value) = req.headers().get(header::RANGE) else {
        return Ok(None);
    };
    let Some(value) = value.to_str().ok().filter(|v| v.starts_with("bytes=")) else {
        return Ok(None);
    };
    let ranges = http_range::HttpRange::parse(value, size).map_err(|_| ())?;
    Ok(ranges.first().map(|r| r.start..r.start + r.length))
}

fn store_error(e: MediaError) -> AppError {
    match e {
        MediaError::NotFound => AppError::NotFound,
        other => AppError::Internal(other.into()),
    }
}
