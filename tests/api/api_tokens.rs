//! API tokens made in the back office: shown once, limited to their scopes and to what
//! their holder may do, their last use shown, revoked by their holder or an admin, and
//! refused once expired.

use chrono::{Days, Utc};
use convive::domain::EmailAddress;
use convive::domain::token_scope::TokenScopes;
use convive::services::accounts::api_tokens::{self, TokenRequest};
use reqwest::Method;
use serde_json::json;

use crate::helpers::TestApp;
use crate::helpers::pages::{csrf_of, plain};
use crate::helpers::spawn_app;
use crate::helpers::staff::{api, log_in, staff};
use crate::helpers::visitor::Browser;

/// Creates a token through the back office form; the value the page shows once.
async fn create_token(b: &Browser<'_>, label: &str, scopes: &[&str], expires: &str) -> String {
    let csrf = csrf_of(&b.get_text("/en/admin/tokens").await);
    let mut fields = vec![
        ("csrf", csrf.as_str()),
        ("label", label),
        ("expires", expires),
    ];
    fields.extend(scopes.iter().map(|s| ("scope", *s)));
    let res = b.post_form("/en/admin/tokens", &fields).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    html.split("<code class=\"token-value\" dir=\"ltr\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("the new token is shown")
        .to_owned()
}

async fn status(app: &TestApp, token: &str, method: Method, path: &str) -> u16 {
    let body =
        json!({"slug": "token-made", "texts": {"fr": {"title": "Par jeton", "summary": ""}}});
    api(app, token, method, path, body).await.status().as_u16()
}

#[tokio::test]
async fn a_scoped_token_reaches_its_area_only_and_stops_when_revoked() {
    let app = spawn_app().await;
    staff(&app, "crm@convive.test", "organiser");
    let b = log_in(&app, "crm@convive.test").await;
    let expires = (Utc::now().date_naive() + Days::new(30)).to_string();
    let token = create_token(&b, "CRM sync", &["registrants"], &expires).await;

    assert_eq!(
        status(&app, &token, Method::GET, "/api/v1/admin/registrants").await,
        200
    );
    assert_eq!(
        status(
            &app,
            &token,
            Method::GET,
            "/api/v1/admin/registrants/export.csv"
        )
        .await,
        200
    );
    assert_eq!(
        status(&app, &token, Method::GET, "/api/v1/admin/webinars").await,
        403
    );
    assert_eq!(
        status(&app, &token, Method::POST, "/api/v1/admin/webinars").await,
        403
    );
    assert_eq!(
        status(&app, &token, Method::GET, "/api/v1/admin/stats").await,
        403
    );

    let page = plain(&b.get_text("/en/admin/tokens").await);
    assert!(page.contains("CRM sync"));
    assert!(page.contains("Registrants (lists, exports, attendance)"));
    assert!(!page.contains(&token), "the value is shown once only");
    let row = page.split("CRM sync").nth(1).unwrap();
    let last_used = row.split("<td>").nth(5).unwrap();
    assert!(
        !last_used.starts_with("never"),
        "last use recorded: {last_used}"
    );

    let id = row
        .split("/admin/tokens/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap();
    let csrf = csrf_of(&page);
    let res = b
        .post_form(&format!("/en/admin/tokens/{id}/revoke"), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        status(&app, &token, Method::GET, "/api/v1/admin/registrants").await,
        401
    );
    assert!(plain(&b.get_text("/en/admin/tokens").await).contains("Revoked or expired"));
}

#[tokio::test]
async fn read_only_reads_everything_but_accounts_and_never_writes() {
    let app = spawn_app().await;
    staff(&app, "boss@convive.test", "admin");
    let b = log_in(&app, "boss@convive.test").await;
    let token = create_token(&b, "dashboard", &["read"], "").await;
    for path in [
        "/api/v1/admin/webinars",
        "/api/v1/admin/stats",
        "/api/v1/admin/registrants",
    ] {
        assert_eq!(status(&app, &token, Method::GET, path).await, 200, "{path}");
    }
    assert_eq!(
        status(&app, &token, Method::POST, "/api/v1/admin/webinars").await,
        403
    );
    // Organiser accounts need the admin scope, even to read, even for an admin.
    assert_eq!(
        status(&app, &token, Method::GET, "/api/v1/admin/organisers").await,
        403
    );
    let full = create_token(&b, "everything", &["admin"], "").await;
    assert_eq!(
        status(&app, &full, Method::GET, "/api/v1/admin/organisers").await,
        200
    );
    assert_eq!(
        status(&app, &full, Method::POST, "/api/v1/admin/webinars").await,
        201
    );
}

#[tokio::test]
async fn a_token_never_does_more_than_its_holder() {
    let app = spawn_app().await;
    staff(&app, "orga@convive.test", "organiser");
    let b = log_in(&app, "orga@convive.test").await;
    let token = create_token(&b, "all I can", &["admin"], "").await;
    assert_eq!(
        status(&app, &token, Method::POST, "/api/v1/admin/webinars").await,
        201
    );
    // The admin scope does not make an organiser an admin.
    assert_eq!(
        status(&app, &token, Method::GET, "/api/v1/admin/organisers").await,
        403
    );

    // Demoted to learner: the token stops working.
    let mut conn = app.db.conn().unwrap();
    let email = EmailAddress::parse("orga@convive.test").unwrap();
    let user = convive::db::users::by_email_ci(&mut conn, email.as_str())
        .unwrap()
        .unwrap();
    convive::db::admin::set_role(&mut conn, user.id, "learner").unwrap();
    assert_eq!(
        status(&app, &token, Method::GET, "/api/v1/admin/webinars").await,
        401
    );
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    let app = spawn_app().await;
    staff(&app, "late@convive.test", "organiser");
    let mut conn = app.db.conn().unwrap();
    let user = convive::db::users::by_email_ci(&mut conn, "late@convive.test")
        .unwrap()
        .unwrap();
    let yesterday = Utc::now().date_naive() - Days::new(1);
    let request = TokenRequest {
        label: "old".into(),
        scopes: TokenScopes::full(),
        expires_on: Some(yesterday),
    };
    let raw = api_tokens::create(&mut conn, &user, &request, Utc::now().naive_utc())
        .unwrap()
        .unwrap();
    assert_eq!(
        status(&app, &raw, Method::GET, "/api/v1/admin/webinars").await,
        401
    );
}

#[tokio::test]
async fn organisers_see_and_revoke_their_own_tokens_and_admins_everyone_s() {
    let app = spawn_app().await;
    staff(&app, "one@convive.test", "organiser");
    staff(&app, "two@convive.test", "organiser");
    staff(&app, "chief@convive.test", "admin");
    let one = log_in(&app, "one@convive.test").await;
    let two = log_in(&app, "two@convive.test").await;
    let chief = log_in(&app, "chief@convive.test").await;
    create_token(&one, "Mailing tool of one", &["campaigns"], "").await;
    let page = plain(&two.get_text("/en/admin/tokens").await);
    assert!(
        !page.contains("Mailing tool of one"),
        "another organiser's token is not listed"
    );
    let admin_page = plain(&chief.get_text("/en/admin/tokens").await);
    assert!(admin_page.contains("Mailing tool of one") && admin_page.contains("one@convive.test"));
    let id = admin_page
        .split("Mailing tool of one")
        .nth(1)
        .and_then(|r| r.split("/admin/tokens/").nth(1))
        .and_then(|r| r.split('/').next())
        .unwrap()
        .to_owned();
    let csrf = csrf_of(&page);
    let res = two
        .post_form(&format!("/en/admin/tokens/{id}/revoke"), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status(), 404, "not theirs to revoke");
    let csrf = csrf_of(&admin_page);
    let res = chief
        .post_form(&format!("/en/admin/tokens/{id}/revoke"), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn a_bad_token_form_says_why_in_each_language_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    staff(&app, "typo@convive.test", "organiser");
    let b = log_in(&app, "typo@convive.test").await;
    for (lang, scopes_error, date_error) in [
        ("en", "Choose at least one scope.", "Give a day after today"),
        (
            "fr",
            "Choisissez au moins une portée.",
            "Indiquez un jour après aujourd’hui",
        ),
        ("ar", "اختر صلاحية واحدة على الأقل.", "أدخل يومًا بعد اليوم"),
    ] {
        let page = format!("/{lang}/admin/tokens");
        let csrf = csrf_of(&b.get_text(&page).await);
        let res = b
            .post_form(
                &page,
                &[
                    ("csrf", &csrf),
                    ("label", "Kept label"),
                    ("expires", "2001-01-01"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "{lang}");
        let html = plain(&res.text().await.unwrap());
        assert!(html.contains(scopes_error), "{lang}");
        assert!(html.contains(date_error), "{lang}");
        assert!(html.contains("value=\"Kept label\""), "{lang}");
        let res = b
            .post_form(&page, &[("csrf", &csrf), ("scope", "root"), ("label", "x")])
            .await;
        assert_eq!(res.status(), 422, "{lang}: unknown scope refused");
    }
    let res = b
        .post_form(
            "/en/admin/tokens",
            &[("label", "no csrf"), ("scope", "read")],
        )
        .await;
    assert_eq!(res.status(), 403);
}
