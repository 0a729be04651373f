//! The media store (`convive::media`): the same behaviour from the local data dir and
//! from a real S3-compatible server (moto), and `GET`/`HEAD /media/{key}` served by an
//! instance other than the one that took the upload.

use bytes::Bytes;
use convive::media::{MediaError, MediaKey, MediaStore};
use convive::startup::Application;
use futures_util::{StreamExt, TryStreamExt, stream};

use crate::helpers::{
    TestApp,
    pages::{csrf_of, post_multipart},
    s3::fresh_bucket,
    spawn_app, spawn_app_with,
    speakers::{WEBINAR, with_people},
    staff::{api, log_in, staff},
};

/// Bytes that differ from one offset to the next, so a misplaced range shows.
fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 % 251) as u8).collect()
}

async fn read_all(
    store: &MediaStore,
    key: &MediaKey,
    range: Option<std::ops::Range<u64>>,
) -> Vec<u8> {
    let body = store.get(key, range).await.expect("stored object reads");
    let chunks: Vec<Bytes> = body.stream.try_collect().await.unwrap();
    chunks.concat()
}

/// What every store must do, whatever is behind it.
async fn keeps_what_it_is_given(store: MediaStore) {
    let photo = MediaKey::random("speakers", "png").unwrap();
    store
        .put(&photo, Bytes::from_static(b"\x89PNG tiny"), "image/png")
        .await
        .unwrap();
    let meta = store.head(&photo).await.unwrap();
    assert_eq!((meta.size, meta.content_type.as_str()), (9, "image/png"));
    assert!(
        meta.etag.starts_with('"') && meta.etag.ends_with('"'),
        "{}",
        meta.etag
    );

    // Larger than one multipart part (5 MiB), sent in small chunks as an upload arrives.
    let video = pattern(6 * 1024 * 1024 + 17);
    let key = MediaKey::random("", "webm").unwrap();
    let chunks = video
        .chunks(64 * 1024)
        .map(|c| Ok::<_, String>(Bytes::copy_from_slice(c)));
    let size = store
        .put_stream(&key, stream::iter(chunks), "video/webm", 10 * 1024 * 1024)
        .await
        .unwrap();
    assert_eq!(size, video.len() as u64);
    assert_eq!(store.head(&key).await.unwrap().content_type, "video/webm");
    let middle = 5 * 1024 * 1024 - 10..5 * 1024 * 1024 + 10;
    let part = read_all(&store, &key, Some(middle.clone())).await;
    assert_eq!(part, &video[middle.start as usize..middle.end as usize]);
    assert!(
        read_all(&store, &key, None).await == video,
        "whole object read back"
    );

    // Too large, or broken off: nothing is kept under the key.
    let big = MediaKey::random("", "mp4").unwrap();
    let chunks = video
        .chunks(64 * 1024)
        .map(|c| Ok::<_, String>(Bytes::copy_from_slice(c)));
    let refused = store
        .put_stream(&big, stream::iter(chunks), "video/mp4", 1024 * 1024)
        .await;
    assert!(matches!(refused, Err(MediaError::TooLarge)), "{refused:?}");
    assert!(matches!(store.head(&big).await, Err(MediaError::NotFound)));
    let broken = stream::iter([Ok(Bytes::from_static(b"WEBVTT")), Err("connection reset")]);
    let vtt = MediaKey::random("", "vtt").unwrap();
    let refused = store
        .put_stream(&vtt, broken.boxed(), "text/vtt", 1024)
        .await;
    assert!(matches!(refused, Err(MediaError::Body(_))), "{refused:?}");
    assert!(matches!(store.head(&vtt).await, Err(MediaError::NotFound)));

    store.delete(&key).await.unwrap();
    assert!(matches!(store.head(&key).await, Err(MediaError::NotFound)));
    assert!(matches!(
        store.get(&key, None).await,
        Err(MediaError::NotFound)
    ));
    store
        .delete(&key)
        .await
        .expect("deleting twice is no error");
}

#[tokio::test]
async fn the_local_store_keeps_streams_ranges_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    keeps_what_it_is_given(MediaStore::open(None, dir.path()).unwrap()).await;
}

#[tokio::test]
async fn an_s3_bucket_keeps_streams_ranges_and_deletes() {
    let Some(url) = fresh_bucket().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    keeps_what_it_is_given(MediaStore::open(Some(&url), dir.path()).unwrap()).await;
}

#[test]
fn a_media_url_that_is_not_s3_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["s3://", "s3://bucket?colour=blue", "not a url"] {
        let e = MediaStore::open(Some(bad), dir.path()).err().expect(bad);
        assert!(e.to_string().contains("CONVIVE_MEDIA_URL"), "{e}");
    }
}

/// Uploads a replay video through the back office form of `app`; returns its URL.
async fn upload_replay(app: &TestApp, video: &[u8]) -> String {
    let token = staff(app, "orga@convive.test", "organiser");
    let res = api(
        app,
        &token,
        reqwest::Method::POST,
        "/api/v1/admin/webinars",
        serde_json::json!({"slug": "stored-elsewhere", "texts": {"fr": {"title": "Ailleurs", "summary": ""}}}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let b = log_in(app, "orga@convive.test").await;
    let csrf = csrf_of(&b.get_text("/fr/admin/webinars/stored-elsewhere").await);
    let res = post_multipart(
        &b,
        "/fr/admin/webinars/stored-elsewhere/replays",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("locale", None, b"fr"),
            ("video_file", Some("replay.webm"), video),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let page = b.get_text("/fr/admin/webinars/stored-elsewhere").await;
    page.split("value=\"/media/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(|s| format!("/media/{s}"))
        .expect("stored video")
}

/// What a player checks of `url` served by `base`: HEAD, a range, the ETag, 304, 416.
async fn plays(client: &reqwest::Client, base: &str, url: &str, video: &[u8]) {
    let head = client.head(format!("{base}{url}")).send().await.unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()["content-type"], "video/webm");
    assert_eq!(
        head.headers()["content-length"],
        video.len().to_string().as_str()
    );
    assert_eq!(head.headers()["accept-ranges"], "bytes");
    let etag = head.headers()["etag"].to_str().unwrap().to_owned();
    let ranged = client
        .get(format!("{base}{url}"))
        .header("range", "bytes=1000-1999")
        .send()
        .await
        .unwrap();
    assert_eq!(ranged.status(), 206);
    let total = video.len();
    assert_eq!(
        ranged.headers()["content-range"],
        format!("bytes 1000-1999/{total}").as_str()
    );
    assert_eq!(ranged.headers()["etag"], etag.as_str());
    assert_eq!(ranged.bytes().await.unwrap().as_ref(), &video[1000..2000]);
    let whole = client.get(format!("{base}{url}")).send().await.unwrap();
    assert_eq!(whole.bytes().await.unwrap().as_ref(), video);
    let again = client
        .get(format!("{base}{url}"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    let outside = client
        .get(format!("{base}{url}"))
        .header("range", format!("bytes={}-", total + 10))
        .send()
        .await
        .unwrap();
    assert_eq!(outside.status(), 416);
    assert_eq!(
        outside.headers()["content-range"],
        format!("bytes */{total}").as_str()
    );
}

#[tokio::test]
async fn media_from_the_data_dir_answers_head_etag_and_ranges() {
    let app = spawn_app().await;
    let video = pattern(300_000);
    let url = upload_replay(&app, &video).await;
    plays(&app.client, &app.address, &url, &video).await;
    assert_eq!(app.get("/media/missing.webm").await.status(), 404);
    assert_eq!(app.get("/media/..%2F..%2Fconvive.db").await.status(), 404);
}

/// A second instance of `app`: same database and media store, a data dir of its own
/// (kept while the returned folder lives); its base URL.
fn other_instance(app: &TestApp) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = app.settings.clone();
    settings.data_dir = dir.path().join("data");
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.public_url = None;
    let other = Application::build(settings, app.db.clone(), false).unwrap();
    let base = format!("http://127.0.0.1:{}", other.port);
    tokio::spawn(other.run());
    (base, dir)
}

#[tokio::test]
async fn a_replay_uploaded_through_one_instance_plays_through_another() {
    let Some(url) = fresh_bucket().await else {
        return;
    };
    let app = spawn_app_with(move |s| s.media_url = Some(url)).await;
    let (other_base, _dir) = other_instance(&app);

    let video = pattern(6 * 1024 * 1024 + 1);
    let media = upload_replay(&app, &video).await;
    plays(&app.client, &other_base, &media, &video).await;
    assert!(
        !app.data_dir
            .join("media")
            .join(&media["/media/".len()..])
            .exists(),
        "kept in the bucket, not on the receiving instance's disk"
    );
}

#[tokio::test]
async fn a_speaker_photo_uploaded_through_one_instance_shows_on_another() {
    let Some(url) = fresh_bucket().await else {
        return;
    };
    let app = spawn_app_with(move |s| s.media_url = Some(url)).await;
    with_people(&app).await;
    let (other_base, _dir) = other_instance(&app);
    let w: serde_json::Value = app
        .client
        .get(format!("{other_base}/api/v1/webinars/{WEBINAR}?lang=fr"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for (size, side) in [("small", 96), ("large", 320)] {
        let photo = w["speakers"][0]["photo"][size].as_str().unwrap();
        assert!(photo.starts_with("/media/photos/"), "{photo}");
        let res = app
            .client
            .get(format!("{other_base}{photo}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{photo} served by the other instance");
        assert_eq!(res.headers()["content-type"], "image/jpeg");
        let img = image::load_from_memory(&res.bytes().await.unwrap()).unwrap();
        assert_eq!((img.width(), img.height()), (side, side));
        assert!(
            !app.data_dir.join(&photo[1..]).exists(),
            "kept in the bucket, not on the receiving instance's disk"
        );
    }
}
