use crate::helpers::spawn_app;

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    assert_eq!(app.get_text("/healthz").await, "ok");
    assert_eq!(app.get_text("/readyz").await, "ready");
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let app = spawn_app().await;
    for path in ["/fr/", "/api/v1/webinars", "/fr/does-not-exist", "/healthz"] {
        let res = app.get(path).await;
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("object-src 'none'") && csp.contains("base-uri 'none'"),
            "{path}"
        );
        assert!(
            csp.contains("frame-ancestors") && !csp.contains("unsafe-inline"),
            "{path}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert!(h.contains_key("referrer-policy"), "{path}");
    }
}
