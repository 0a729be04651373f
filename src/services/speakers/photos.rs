//! Pictures organisers upload: speakers' photos and webinars' share pictures. Each is
//! decoded once on upload (within size limits), cropped to the shapes pages use and
//! stored as JPEG under one key. Where the files live is `store`/`load`/`delete` alone,
//! so moving them to the shared media storage touches nothing else.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{ImageReader, Limits};

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

/// Where pictures live under the data directory.
pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("media").join("photos")
}

fn file_name(key: &str, suffix: &str) -> String {
    format!("{key}-{suffix}.jpg")
}

pub fn urls(key: &str) -> PhotoUrls {
    PhotoUrls {
        small: format!("/photos/{}", file_name(key, SPEAKER_SIZES[0].suffix)),
        large: format!("/photos/{}", file_name(key, SPEAKER_SIZES[1].suffix)),
    }
}

/// The path of a webinar's share picture.
pub fn share_url(key: &str) -> String {
    format!("/photos/{}", file_name(key, SHARE_SIZES[0].suffix))
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

/// Resizes an upload and stores it under a new key (a stored file never changes, so
/// it can be cached for good); the key.
pub fn store_new(dir: &Path, bytes: &[u8], what: Picture) -> Result<String, PhotoError> {
    let sized = resize(bytes, what)?;
    let key = uuid::Uuid::new_v4().simple().to_string();
    store(dir, &key, &sized).map(|()| key)
}

/// Writes every size of the picture `key` (the one place that knows where pictures live).
pub fn store(dir: &Path, key: &str, sized: &[(&str, Vec<u8>)]) -> Result<(), PhotoError> {
    std::fs::create_dir_all(dir).map_err(|_| PhotoError::Storage)?;
    for (suffix, bytes) in sized {
        let path = dir.join(file_name(key, suffix));
        let tmp = path.with_extension("part");
        std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|_| PhotoError::Storage)?;
    }
    Ok(())
}

/// One stored size of a picture, by its file name.
pub fn load(dir: &Path, name: &str) -> Option<Vec<u8>> {
    valid_name(name)
        .then(|| std::fs::read(dir.join(name)).ok())
        .flatten()
}

/// Removes every stored size of the picture `key`; a file already gone is no error.
pub fn delete(dir: &Path, key: &str) -> Result<(), PhotoError> {
    if !valid_key(key) {
        return Ok(());
    }
    for size in all_sizes() {
        match std::fs::remove_file(dir.join(file_name(key, size.suffix))) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(PhotoError::Storage),
            _ => {}
        }
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

    #[test]
    fn delete_removes_every_size_and_only_that_key() {
        let dir = std::env::temp_dir().join(format!("photos-{}", uuid::Uuid::new_v4()));
        let kept = store_new(&dir, &png(64, 64), Picture::Speaker).unwrap();
        let gone = store_new(&dir, &png(64, 64), Picture::Speaker).unwrap();
        delete(&dir, &gone).unwrap();
        assert!(load(&dir, &format!("{gone}-96.jpg")).is_none());
        assert!(load(&dir, &format!("{gone}-320.jpg")).is_none());
        assert!(load(&dir, &format!("{kept}-96.jpg")).is_some());
        delete(&dir, &gone).unwrap();
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
    }
}
