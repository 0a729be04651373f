//! Reading uploads: a multipart form with one file (contact lists), and JSON bodies larger
//! than the API's default limit. Past the limit the rest of the body is read and thrown
//! away (up to a hard cap), so the browser gets our answer rather than a reset
//! connection, and the form can be shown again with the error next to the file field.

use actix_multipart::Multipart;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, web};
use futures_util::StreamExt;

use crate::web::error::{AppError, ErrorInfo};

/// Largest contact list accepted (CSV or XLSX).
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// Largest JSON body of the campaign API (a base64 workbook is 4/3 of its size).
pub const MAX_JSON_BYTES: usize = 12 * 1024 * 1024;
/// Largest text field of a form.
const MAX_TEXT_BYTES: usize = 64 * 1024;
/// Past this much discarded data the connection is given up.
const MAX_DRAIN_BYTES: usize = 64 * 1024 * 1024;

/// A submitted multipart form: its text fields and its file.
#[derive(Default, Debug)]
pub struct Upload {
    pub fields: Vec<(String, String)>,
    /// (file name, content) of the file field, when a file was chosen.
    pub file: Option<(String, Vec<u8>)>,
    /// The file was larger than `MAX_FILE_BYTES` (and was not kept).
    pub too_large: bool,
}

impl Upload {
    pub fn field(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }
}

fn bad_request() -> AppError {
    AppError::BadRequest {
        code: "bad_request",
        message_id: "error-bad-request",
    }
}

/// A 413 answer with a clear message (a page or the API's JSON error shape).
pub fn too_large() -> HttpResponse {
    let mut res = HttpResponse::PayloadTooLarge().finish();
    res.extensions_mut().insert(ErrorInfo {
        code: "payload_too_large",
        message_id: "admin-campaigns-error-too-large",
        fields: vec![],
    });
    res
}

/// Reads a multipart form whose file field is `file_field`.
pub async fn read_form(mut payload: Multipart, file_field: &str) -> Result<Upload, AppError> {
    let mut upload = Upload::default();
    let mut drained = 0usize;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|_| bad_request())?;
        let name = field.name().unwrap_or_default().to_owned();
        let is_file = name == file_field;
        let filename = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .unwrap_or_default()
            .to_owned();
        let limit = if is_file {
            MAX_FILE_BYTES
        } else {
            MAX_TEXT_BYTES
        };
        let mut buf = Vec::new();
        let mut over = false;
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| bad_request())?;
            if over || buf.len() + chunk.len() > limit {
                over = true;
                drained += chunk.len();
                if drained > MAX_DRAIN_BYTES {
                    return Err(bad_request());
                }
                continue;
            }
            buf.extend_from_slice(&chunk);
        }
        match (is_file, over) {
            (true, true) => upload.too_large = true,
            (false, true) => return Err(bad_request()),
            (true, false) => {
                if !buf.is_empty() {
                    upload.file = Some((filename, buf));
                }
            }
            (false, false) => upload
                .fields
                .push((name, String::from_utf8_lossy(&buf).into_owned())),
        }
    }
    Ok(upload)
}

/// Reads a request body up to `limit` bytes; `None` when it is larger (the rest is read
/// and discarded up to the hard cap).
pub async fn read_body(mut payload: web::Payload, limit: usize) -> Result<Option<Bytes>, AppError> {
    let mut buf = web::BytesMut::new();
    let mut over = false;
    let mut drained = 0usize;
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| bad_request())?;
        if over || buf.len() + chunk.len() > limit {
            over = true;
            drained += chunk.len();
            if drained > MAX_DRAIN_BYTES {
                break;
            }
            continue;
        }
        buf.extend_from_slice(&chunk);
    }
    Ok((!over).then(|| buf.freeze()))
}
