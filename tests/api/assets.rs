use crate::helpers::spawn_app;

#[tokio::test]
async fn assets_are_cached_for_long_and_compressed() {
    let app = spawn_app().await;
    let html = app.get_text("/fr/").await;
    let css = html
        .split("href=\"")
        .find_map(|s| {
            s.strip_prefix("/assets/css/app.css")
                .map(|r| r.split('"').next().unwrap())
        })
        .expect("versioned stylesheet link");
    assert!(css.starts_with("?v="));
    let res = app
        .client
        .get(app.url(&format!("/assets/css/app.css{css}")))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(res.headers()["content-encoding"], "gzip");
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
}

#[tokio::test]
async fn the_sample_video_streams_with_ranges() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/assets/video/sample.webm"))
        .header("Range", "bytes=100-199")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 206);
    let range = res.headers()["content-range"].to_str().unwrap().to_owned();
    assert!(range.starts_with("bytes 100-199/"), "{range}");
    assert_eq!(res.bytes().await.unwrap().len(), 100);

    let res = app
        .client
        .get(app.url("/assets/video/sample.webm"))
        .header("Range", "bytes=999999999-")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 416);

    let vtt = app.get_text("/assets/video/sample.ar.vtt").await;
    assert!(vtt.starts_with("WEBVTT"));
}
