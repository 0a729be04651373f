//! The S3-compatible server of the tests (moto in server mode, started by `.ci/run` on
//! 127.0.0.1:5055, or `CONVIVE_TEST_S3_ENDPOINT`): a fresh bucket per test. Without it
//! the tests that need it print why they skip, unless `CONVIVE_REQUIRE_S3=1`.

pub fn endpoint() -> String {
    std::env::var("CONVIVE_TEST_S3_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:5055".into())
}

/// `CONVIVE_MEDIA_URL` of a new empty bucket, or `None` (with the reason printed) when
/// no S3 server or no credentials are at hand.
pub async fn fresh_bucket() -> Option<String> {
    let required = std::env::var("CONVIVE_REQUIRE_S3").is_ok_and(|v| v == "1");
    let skip = |why: String| {
        assert!(!required, "CONVIVE_REQUIRE_S3=1 but {why}");
        eprintln!("skipped: {why}");
        None
    };
    if std::env::var("AWS_ACCESS_KEY_ID").is_err()
        || std::env::var("AWS_SECRET_ACCESS_KEY").is_err()
    {
        return skip("AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY unset (.ci/run sets them)".into());
    }
    let endpoint = endpoint();
    let bucket = format!("convive-{}", uuid::Uuid::new_v4().simple());
    // moto creates a bucket on an unsigned PUT.
    match reqwest::Client::new()
        .put(format!("{endpoint}/{bucket}"))
        .send()
        .await
    {
        Ok(res) if res.status().is_success() => {}
        Ok(res) => return skip(format!("{endpoint} refused a bucket: {}", res.status())),
        Err(e) => return skip(format!("no S3 server at {endpoint} ({e})")),
    }
    Some(format!(
        "s3://{bucket}?endpoint={endpoint}&region=us-east-1"
    ))
}
