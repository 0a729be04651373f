//! Invitation campaigns from the back office: uploading a contact list on the "new
//! campaign" page and reading the new campaign's id from the redirect.

use super::pages::multipart;
use super::visitor::Browser;

/// Uploads a contact list from the "new campaign" page, as a signed-in organiser.
pub async fn upload(
    b: &Browser<'_>,
    lang: &str,
    target: &str,
    filename: &str,
    content: &[u8],
) -> reqwest::Response {
    let csrf = b.csrf(&format!("/{lang}/admin/campaigns/new")).await;
    let (ctype, body) = multipart(&[
        ("csrf", None, csrf.as_bytes()),
        ("name", None, b"Test campaign"),
        ("target", None, target.as_bytes()),
        ("contacts", Some(filename), content),
    ]);
    b.client
        .post(b.app.url(&format!("/{lang}/admin/campaigns")))
        .header("Content-Type", ctype)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// The campaign id from the redirect after an upload.
pub fn campaign_id(res: &reqwest::Response) -> i64 {
    assert_eq!(res.status(), 303, "upload answered {}", res.status());
    let location = res.headers()["location"].to_str().unwrap();
    location.rsplit('/').next().unwrap().parse().unwrap()
}
