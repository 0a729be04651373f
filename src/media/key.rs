//! What names a stored object: a few lowercase path segments and a known extension,
//! so a key from a URL can never climb out of the store or name a file type the
//! service does not serve.

use std::fmt;

/// Extensions the store accepts, with the content type each is served as.
const TYPES: &[(&str, &str)] = &[
    ("webm", "video/webm"),
    ("mp4", "video/mp4"),
    ("vtt", "text/vtt; charset=utf-8"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("png", "image/png"),
    ("webp", "image/webp"),
];

const MAX_LEN: usize = 160;

/// A valid object key, e.g. `0b7c…5b.webm` or `speakers/0b7c…5b.jpg`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MediaKey(String);

impl MediaKey {
    /// Reads a key from a URL path; `None` for anything the store would not have made.
    pub fn parse(raw: &str) -> Option<MediaKey> {
        let (path, ext) = raw.rsplit_once('.')?;
        let segments_ok = path.split('/').all(|s| {
            !s.is_empty()
                && s.len() <= 64
                && s.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        });
        (raw.len() <= MAX_LEN && segments_ok && content_type_of(ext).is_some())
            .then(|| MediaKey(raw.to_owned()))
    }

    /// A fresh random key under `folder` (empty for the top level) with extension `ext`.
    pub fn random(folder: &str, ext: &str) -> Option<MediaKey> {
        let name = format!("{}.{ext}", uuid::Uuid::new_v4());
        if folder.is_empty() {
            MediaKey::parse(&name)
        } else {
            MediaKey::parse(&format!("{folder}/{name}"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The content type its extension stands for.
    pub fn content_type(&self) -> &'static str {
        let ext = self.0.rsplit_once('.').map_or("", |(_, e)| e);
        content_type_of(ext).unwrap_or("application/octet-stream")
    }
}

fn content_type_of(ext: &str) -> Option<&'static str> {
    TYPES.iter().find(|(e, _)| *e == ext).map(|(_, t)| *t)
}

impl fmt::Display for MediaKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_keys_the_store_makes_are_read() {
        assert!(MediaKey::parse("0b7c3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b.webm").is_some());
        assert!(MediaKey::parse("speakers/0b7c3f0e.jpg").is_some());
        for bad in [
            "../convive.db",
            "x.html",
            "a//b.jpg",
            "/a.jpg",
            "A.webm",
            "a.b/c.vtt",
            "",
        ] {
            assert!(MediaKey::parse(bad).is_none(), "{bad}");
        }
        let key = MediaKey::random("speakers", "png").unwrap();
        assert!(key.as_str().starts_with("speakers/"));
        assert_eq!(key.content_type(), "image/png");
        assert!(MediaKey::random("", "exe").is_none());
    }
}
