//! Pictures organisers upload: speakers' photos and webinars' share pictures. Each is
//! decoded once on upload (within size limits), cropped to the shapes pages use and
//! stored as JPEG in the media store (`photos/{key}-{size}.jpg`), so every instance
//! serves what any instance received, at `/media/photos/…`.

use std::io::Cursor;

use bytes::Bytes;
use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{ImageReader, Limits};

use crate::media::{MediaKey, MediaStore};

use super::views::PhotoUrls;

/// One stored size: the file name's suffix and the picture's width and height.
struct Size {
    suffix: &'static str,
    width: u32,
    height: u32,
}

/// A speaker's photo: the speaker list, and the speaker's card.
const SPEAKER_SIZES: [Size; 2] = [
    Size {
        suffix: "96",
        width: 96,
        height: 96,
    },
    Size {
        suffix: "320",
        width: 320,
        height: 320,
    },
];
/// A webinar's share picture, at the 1.91:1 shape share cards use.
const SHARE_SIZES: [Size; 1] = [Size {
    suffix: "share",
    width: 1200,
    height: 630,
}];
/// A picture larger than this many pixels per side is refused before decoding.
const MAX_SIDE: u32 = 8000;

/// What an uploaded picture is for, which decides the sizes it is stored in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    Speaker,
    Share,
}

impl Picture {
    fn sizes(self) -> &'static [Size] {
        match self {
            Picture::Speaker => &SPEAKER_SIZES,
            Picture::Share => &SHARE_SIZES,
        }
    }
}

/// Every size a stored key may have files in.
fn all_sizes() -> impl Iterator<Item = &'static Size> {
    SPEAKER_SIZES.iter().chain(SHARE_SIZES.iter())
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("not a JPEG, PNG or WebP picture")]
    NotAnImage,
    #[error("the picture could not be stored")]
    Storage,
}

impl PhotoError {
    pub fn message_id(&self) -> &'static str {
        match self {
            PhotoError::NotAnImage => "admin-speaker-error-photo",
            PhotoError::Storage => "error-unavailable",
        }
    }
}

/// The media key of one size of the picture `key`; `None` for a key the store never made.
fn media_key(key: &str, suffix: &str) -> Option<MediaKey> {
    valid_key(key)
        .then(|| MediaKey::parse(&format!("photos/{key}-{suffix}.jpg")))
        .flatten()
}

fn url(key: &str, suffix: &str) -> String {
    format!("/media/photos/{key}-{suffix}.jpg")
}

pub fn urls(key: &str) -> PhotoUrls {
    PhotoUrls {
        small: url(key, SPEAKER_SIZES[0].suffix),
        large: url(key, SPEAKER_SIZES[1].suffix),
    }
}

/// The path of a webinar's share picture.
pub fn share_url(key: &str) -> String {
    url(key, SHARE_SIZES[0].suffix)
}

/// The picture in every size `what` is stored in, as JPEG files: (suffix, bytes).
pub fn resize(bytes: &[u8], what: Picture) -> Result<Vec<(&'static str, Vec<u8>)>, PhotoError> {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PhotoError::NotAnImage)?;
    reader.limits(limits);
    let picture = reader.decode().map_err(|_| PhotoError::NotAnImage)?;
    what.sizes()
        .iter()
        .map(|size| {
            let fitted = picture
                .resize_to_fill(size.width, size.height, FilterType::Lanczos3)
                .to_rgb8();
            let mut out = Vec::new();
            JpegEncoder::new_with_quality(&mut out, 85)
                .encode_image(&fitted)
                .map_err(|_| PhotoError::NotAnImage)?;
            Ok((size.suffix, out))
        })
        .collect()
}

fn valid_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 64 && key.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

/// A stored file name: a key of hex digits and dashes, a size's suffix, `.jpg`.
pub fn valid_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".jpg") else {
        return false;
    };
    let Some((key, suffix)) = stem.rsplit_once('-') else {
        return false;
    };
    all_sizes().any(|s| s.suffix == suffix) && valid_key(key)
}

/// Where a stored file name is served now (pages once linked `/photos/{name}`).
pub fn moved_url(name: &str) -> Option<String> {
    valid_name(name).then(|| format!("/media/photos/{name}"))
}

/// Resizes an upload (off the async threads: decoding is CPU work) and stores it under
/// a new key; a stored picture never changes, so it can be cached for good.
pub async fn store_new(
    media: &MediaStore,
    bytes: Vec<u8>,
    what: Picture,
) -> Result<String, PhotoError> {
    let sized = tokio::task::spawn_blocking(move || resize(&bytes, what))
        .await
        .map_err(|_| PhotoError::Storage)??;
    let key = uuid::Uuid::new_v4().simple().to_string();
    store(media, &key, sized).await.map(|()| key)
}

/// Writes every size of the picture `key`.
pub async fn store(
    media: &MediaStore,
    key: &str,
    sized: Vec<(&'static str, Vec<u8>)>,
) -> Result<(), PhotoError> {
    for (suffix, bytes) in sized {
        let at = media_key(key, suffix).ok_or(PhotoError::Storage)?;
        media
            .put(&at, Bytes::from(bytes), "image/jpeg")
            .await
            .map_err(|e| {
                tracing::warn!("picture {at}: {e}");
                PhotoError::Storage
            })?;
    }
    Ok(())
}

/// Removes every stored size of the picture `key`; one already gone is no error.
pub async fn delete(media: &MediaStore, key: &str) -> Result<(), PhotoError> {
    for size in all_sizes() {
        let Some(at) = media_key(key, size.suffix) else {
            return Ok(());
        };
        media.delete(&at).await.map_err(|_| PhotoError::Storage)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(width, height, image::Rgb([31, 107, 79]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_photo_is_cropped_square_in_every_size() {
        let sized = resize(&png(640, 480), Picture::Speaker).unwrap();
        assert_eq!(sized.len(), SPEAKER_SIZES.len());
        for ((_, jpeg), size) in sized.iter().zip(&SPEAKER_SIZES) {
            let back = image::load_from_memory(jpeg).unwrap();
            assert_eq!((back.width(), back.height()), (size.width, size.height));
        }
    }

    #[test]
    fn a_share_picture_takes_the_shape_of_share_cards() {
        let sized = resize(&png(800, 800), Picture::Share).unwrap();
        let back = image::load_from_memory(&sized[0].1).unwrap();
        assert_eq!((back.width(), back.height()), (1200, 630));
    }

    async fn exists(media: &MediaStore, key: &str, suffix: &str) -> bool {
        media.head(&media_key(key, suffix).unwrap()).await.is_ok()
    }

    #[tokio::test]
    async fn delete_removes_every_size_and_only_that_key() {
        let dir = std::env::temp_dir().join(format!("photos-{}", uuid::Uuid::new_v4()));
        let media = MediaStore::open(None, &dir).unwrap();
        let kept = store_new(&media, png(64, 64), Picture::Speaker)
            .await
            .unwrap();
        let gone = store_new(&media, png(64, 64), Picture::Speaker)
            .await
            .unwrap();
        assert!(dir.join(format!("media/photos/{gone}-96.jpg")).is_file());
        delete(&media, &gone).await.unwrap();
        assert!(!exists(&media, &gone, "96").await);
        assert!(!exists(&media, &gone, "320").await);
        assert!(exists(&media, &kept, "96").await);
        delete(&media, &gone).await.unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn what_is_not_a_picture_is_refused() {
        assert_eq!(
            resize(b"GIF89a not really", Picture::Speaker),
            Err(PhotoError::NotAnImage)
        );
        assert_eq!(
            resize(b"%PDF-1.7", Picture::Share),
            Err(PhotoError::NotAnImage)
        );
    }

    #[test]
    fn only_stored_names_are_served() {
        assert!(valid_name("0a1b-96.jpg"));
        assert!(valid_name("0a1b-share.jpg"));
        assert!(!valid_name("0a1b-97.jpg"));
        assert!(!valid_name("../etc-96.jpg"));
        assert!(!valid_name("x.jpg"));
        assert_eq!(
            moved_url("0a1b-96.jpg").as_deref(),
            Some("/media/photos/0a1b-96.jpg")
        );
        assert_eq!(moved_url("../x-96.jpg"), None);
    }
}
