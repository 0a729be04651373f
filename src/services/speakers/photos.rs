//! Speakers' photos: decoded once on upload (within size limits), cropped square and
//! resized to the sizes pages use, stored as JPEG under one key. Where the files live is
//! `store`/`load` alone, so moving them to the shared media storage touches nothing else.

use std::io::Cursor;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{ImageReader, Limits};

use super::views::PhotoUrls;

/// Side of each stored size, in pixels: the speaker list, and the speaker's card.
pub const SIZES: [u32; 2] = [96, 320];
/// A photo larger than this many pixels per side is refused before decoding.
const MAX_SIDE: u32 = 8000;

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

fn file_name(key: &str, side: u32) -> String {
    format!("{key}-{side}.jpg")
}

pub fn urls(key: &str) -> PhotoUrls {
    PhotoUrls {
        small: format!("/photos/{}", file_name(key, SIZES[0])),
        large: format!("/photos/{}", file_name(key, SIZES[1])),
    }
}

/// The picture in every size of `SIZES`, as JPEG files.
pub fn resize(bytes: &[u8]) -> Result<Vec<(u32, Vec<u8>)>, PhotoError> {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PhotoError::NotAnImage)?;
    reader.limits(limits);
    let picture = reader.decode().map_err(|_| PhotoError::NotAnImage)?;
    SIZES
        .iter()
        .map(|side| {
            let square = picture
                .resize_to_fill(*side, *side, FilterType::Lanczos3)
                .to_rgb8();
            let mut out = Vec::new();
            JpegEncoder::new_with_quality(&mut out, 85)
                .encode_image(&square)
                .map_err(|_| PhotoError::NotAnImage)?;
            Ok((*side, out))
        })
        .collect()
}

/// A stored file name: a key of hex digits and dashes, a size, `.jpg`.
pub fn valid_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".jpg") else {
        return false;
    };
    let Some((key, side)) = stem.rsplit_once('-') else {
        return false;
    };
    SIZES.iter().any(|s| s.to_string() == side)
        && !key.is_empty()
        && key.len() <= 64
        && key.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

/// Writes every size of the photo `key` (the one place that knows where photos live).
pub fn store(dir: &Path, key: &str, sized: &[(u32, Vec<u8>)]) -> Result<(), PhotoError> {
    std::fs::create_dir_all(dir).map_err(|_| PhotoError::Storage)?;
    for (side, bytes) in sized {
        let path = dir.join(file_name(key, *side));
        let tmp = path.with_extension("part");
        std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|_| PhotoError::Storage)?;
    }
    Ok(())
}

/// One stored size of a photo, by its file name.
pub fn load(dir: &Path, name: &str) -> Option<Vec<u8>> {
    valid_name(name)
        .then(|| std::fs::read(dir.join(name)).ok())
        .flatten()
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
        let sized = resize(&png(640, 480)).unwrap();
        assert_eq!(sized.len(), SIZES.len());
        for (side, jpeg) in sized {
            let back = image::load_from_memory(&jpeg).unwrap();
            assert_eq!((back.width(), back.height()), (side, side));
        }
    }

    #[test]
    fn what_is_not_a_picture_is_refused() {
        assert_eq!(resize(b"GIF89a not really"), Err(PhotoError::NotAnImage));
        assert_eq!(resize(b"%PDF-1.7"), Err(PhotoError::NotAnImage));
    }

    #[test]
    fn only_stored_names_are_served() {
        assert!(valid_name("0a1b-96.jpg"));
        assert!(!valid_name("0a1b-97.jpg"));
        assert!(!valid_name("../etc-96.jpg"));
        assert!(!valid_name("x.jpg"));
    }
}
