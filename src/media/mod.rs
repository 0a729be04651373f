//! Uploaded media (replays, captions, images) in one store that every instance reads:
//! a folder of the data dir by default, an S3-compatible bucket when
//! `CONVIVE_MEDIA_URL=s3://bucket?endpoint=…&region=…` (credentials from the usual
//! `AWS_*` variables). The only place that names `object_store`.
//!
//! The interface is small on purpose:
//! - [`MediaStore::put`] stores bytes already in memory (an image);
//! - [`MediaStore::put_stream`] stores a body as it arrives, refusing it past a size;
//! - [`MediaStore::head`] and [`MediaStore::get`] (whole or one byte range) read it back
//!   with its size, ETag and content type;
//! - [`MediaStore::delete`] removes it.
//!
//! Keys are [`MediaKey`]s, and what they name is served at `GET /media/{key}`.

mod key;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use futures_util::{Stream, StreamExt, TryStreamExt};
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{
    Attribute, Attributes, GetOptions, GetRange, ObjectStore, ObjectStoreExt, PutMultipartOptions,
    PutOptions, PutPayload, WriteMultipart,
};

pub use key::MediaKey;

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("no such media")]
    NotFound,
    #[error("the upload is larger than allowed")]
    TooLarge,
    /// The uploaded body broke off or could not be read.
    #[error("the upload could not be read: {0}")]
    Body(String),
    #[error("CONVIVE_MEDIA_URL: {0}")]
    Config(String),
    #[error("media store: {0}")]
    Store(#[from] object_store::Error),
}

/// What is known of a stored object without reading it.
#[derive(Clone, Debug)]
pub struct MediaMeta {
    pub size: u64,
    /// Quoted, as it goes in an `ETag` header.
    pub etag: String,
    pub content_type: String,
    pub last_modified: chrono::DateTime<chrono::Utc>,
}

/// An object, or the part of it asked for, as a stream of bytes.
pub struct MediaBody {
    pub meta: MediaMeta,
    /// Which bytes `stream` carries (the whole object when no range was asked).
    pub range: Range<u64>,
    pub stream: futures_util::stream::BoxStream<'static, Result<Bytes, MediaError>>,
}

#[derive(Clone)]
pub struct MediaStore {
    store: Arc<dyn ObjectStore>,
    /// The local folder keeps no attributes: content types come from the key there.
    keeps_attributes: bool,
}

impl MediaStore {
    /// The store named by `CONVIVE_MEDIA_URL`, or `data_dir/media` when it is unset.
    pub fn open(media_url: Option<&str>, data_dir: &Path) -> Result<MediaStore, MediaError> {
        match media_url {
            None => MediaStore::local(&data_dir.join("media")),
            Some(url) => MediaStore::s3(url),
        }
    }

    fn local(dir: &Path) -> Result<MediaStore, MediaError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| MediaError::Config(format!("cannot create {}: {e}", dir.display())))?;
        // Synced before an upload is answered, as the database is.
        let store = LocalFileSystem::new_with_prefix(dir)?
            .with_automatic_cleanup(true)
            .with_fsync(true);
        Ok(MediaStore {
            store: Arc::new(store),
            keeps_attributes: false,
        })
    }

    /// `s3://bucket?endpoint=http://host:port&region=…`: an S3-compatible bucket.
    fn s3(raw: &str) -> Result<MediaStore, MediaError> {
        let url = url::Url::parse(raw).map_err(|e| MediaError::Config(e.to_string()))?;
        let bucket = url.host_str().unwrap_or_default();
        if url.scheme() != "s3" || bucket.is_empty() {
            return Err(MediaError::Config(
                "must be s3://bucket?endpoint=…&region=… (or unset for the data dir)".into(),
            ));
        }
        let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
        for (name, value) in url.query_pairs() {
            builder = match name.as_ref() {
                "endpoint" => builder
                    .with_allow_http(value.starts_with("http://"))
                    .with_endpoint(value.as_ref()),
                "region" => builder.with_region(value.as_ref()),
                other => return Err(MediaError::Config(format!("unknown parameter {other:?}"))),
            };
        }
        Ok(MediaStore {
            store: Arc::new(builder.build()?),
            keeps_attributes: true,
        })
    }

    fn attributes(&self, content_type: &str) -> Attributes {
        let mut attributes = Attributes::new();
        if self.keeps_attributes {
            attributes.insert(Attribute::ContentType, content_type.to_owned().into());
        }
        attributes
    }

    /// Stores `bytes` under `key`, replacing what was there.
    pub async fn put(
        &self,
        key: &MediaKey,
        bytes: Bytes,
        content_type: &str,
    ) -> Result<(), MediaError> {
        let options = PutOptions::from(self.attributes(content_type));
        self.store
            .put_opts(&path(key), PutPayload::from_bytes(bytes), options)
            .await?;
        Ok(())
    }

    /// Stores a body as it arrives, in parts; past `max` bytes, or when the body breaks
    /// off, nothing is kept. Returns the size stored.
    pub async fn put_stream<S, E>(
        &self,
        key: &MediaKey,
        mut body: S,
        content_type: &str,
        max: u64,
    ) -> Result<u64, MediaError>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let options = PutMultipartOptions::from(self.attributes(content_type));
        let upload = self.store.put_multipart_opts(&path(key), options).await?;
        let mut writer = WriteMultipart::new(upload);
        let mut size = 0u64;
        while let Some(chunk) = body.next().await {
            let failed = match chunk {
                Ok(chunk) => {
                    size += chunk.len() as u64;
                    if size > max {
                        Some(MediaError::TooLarge)
                    } else {
                        // At most a few parts in flight: memory stays bounded.
                        writer.put(chunk);
                        writer
                            .wait_for_capacity(4)
                            .await
                            .err()
                            .map(MediaError::from)
                    }
                }
                Err(e) => Some(MediaError::Body(e.to_string())),
            };
            if let Some(error) = failed {
                let _ = writer.abort().await;
                return Err(error);
            }
        }
        writer.finish().await?;
        Ok(size)
    }

    pub async fn head(&self, key: &MediaKey) -> Result<MediaMeta, MediaError> {
        let options = GetOptions::new().with_head(true);
        let got = self
            .store
            .get_opts(&path(key), options)
            .await
            .map_err(found)?;
        Ok(self.meta(key, &got.meta, &got.attributes))
    }

    /// The object, or the bytes `range` names (end exclusive, clipped to its size).
    pub async fn get(
        &self,
        key: &MediaKey,
        range: Option<Range<u64>>,
    ) -> Result<MediaBody, MediaError> {
        let options = GetOptions::new().with_range(range.map(GetRange::Bounded));
        let got = self
            .store
            .get_opts(&path(key), options)
            .await
            .map_err(found)?;
        let meta = self.meta(key, &got.meta, &got.attributes);
        let range = got.range.clone();
        let stream = got.into_stream().map_err(MediaError::from).boxed();
        Ok(MediaBody {
            meta,
            range,
            stream,
        })
    }

    /// Removes the object; removing one that is not there is no error.
    pub async fn delete(&self, key: &MediaKey) -> Result<(), MediaError> {
        match self.store.delete(&path(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    fn meta(
        &self,
        key: &MediaKey,
        meta: &object_store::ObjectMeta,
        attributes: &Attributes,
    ) -> MediaMeta {
        let content_type = attributes
            .get(&Attribute::ContentType)
            .map_or_else(|| key.content_type().to_owned(), |v| v.as_ref().to_owned());
        let tag = meta.e_tag.clone().unwrap_or_else(|| {
            format!(
                "{:x}-{:x}",
                meta.size,
                meta.last_modified.timestamp_micros()
            )
        });
        MediaMeta {
            size: meta.size,
            etag: if tag.starts_with('"') {
                tag
            } else {
                format!("\"{tag}\"")
            },
            content_type,
            last_modified: meta.last_modified,
        }
    }
}

fn path(key: &MediaKey) -> ObjectPath {
    ObjectPath::from(key.as_str())
}

fn found(e: object_store::Error) -> MediaError {
    match e {
        object_store::Error::NotFound { .. } => MediaError::NotFound,
        other => other.into(),
    }
}
