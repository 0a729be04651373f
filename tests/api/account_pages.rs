//! The account pages as a person uses them in a browser: forms with CSRF tokens.

use serde_json::json;

use crate::helpers::{
    mailbox::{last_token, outbox_rows},
    pages::{csrf_of, plain},
    spawn_app,
    visitor::{Browser, PASSWORD, first_module},
};

#[tokio::test]
async fn sign_up_in_french_confirm_watch_half_leave_and_resume() {
    let app = spawn_app().await;
    let me = Browser::of(&app);

    // A mistake keeps what was typed and says what is wrong, next to the field.
    let csrf = me.csrf("/fr/account/signup").await;
    let res = me
        .post_form(
            "/fr/account/signup",
            &[
                ("csrf", &csrf),
                ("full_name", "Amélie Durand"),
                ("email", "amelie@ville.example"),
                ("password", "court"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"value="Amélie Durand""#), "typed name kept");
    assert!(html.contains(r#"value="amelie@ville.example""#));
    assert!(html.contains("au moins 10 caractères"));
    assert!(html.contains("Veuillez accepter les conditions"));
    assert!(html.contains(r#"aria-invalid="true""#));

    let res = me
        .post_form(
            "/fr/account/signup",
            &[
                ("csrf", &csrf_of(&html)),
                ("full_name", "Amélie Durand"),
                ("email", "amelie@ville.example"),
                ("password", PASSWORD),
                ("consent", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Consultez votre messagerie")
    );
    let mail = outbox_rows(&app).pop().unwrap();
    assert_eq!((mail.0.as_str(), mail.2.as_str()), ("account_verify", "fr"));

    // The link in the mail opens a page; only its button verifies.
    let token = last_token(&app, "account_verify", "amelie@ville.example");
    let page = me.get_text(&format!("/fr/account/verify/{token}")).await;
    assert!(page.contains("Confirmer mon adresse"));
    let res = me
        .post_form(
            &format!("/fr/account/verify/{token}"),
            &[("csrf", &csrf_of(&page))],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Votre adresse est confirmée")
    );
    let res = me
        .post_form("/fr/account/logout", &[("csrf", "forged")])
        .await;
    assert_eq!(res.status(), 403, "logout needs the form's token");

    // Log in through the form, come back where we were going.
    let (_, lessons) = first_module(&app).await;
    let lesson_path = format!("/fr/lessons/{}", lessons[0]);
    let settings = me.get_text("/fr/account/settings").await;
    let res = me
        .post_form("/fr/account/logout", &[("csrf", &csrf_of(&settings))])
        .await;
    assert_eq!(res.status(), 303);
    let res = me.get("/fr/learning").await;
    assert_eq!(res.status(), 303, "my learning needs an account");
    let login = me
        .get_text(&format!("/fr/account/login?next={lesson_path}"))
        .await;
    let res = me
        .post_form(
            "/fr/account/login",
            &[
                ("csrf", &csrf_of(&login)),
                ("email", "amelie@ville.example"),
                ("password", "wrong password"),
                ("next", &lesson_path),
            ],
        )
        .await;
    assert_eq!(res.status(), 401);
    let html = res.text().await.unwrap();
    assert!(html.contains("L’adresse e-mail ou le mot de passe est incorrect."));
    let res = me
        .post_form(
            "/fr/account/login",
            &[
                ("csrf", &csrf_of(&html)),
                ("email", "amelie@ville.example"),
                ("password", PASSWORD),
                ("next", &lesson_path),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], lesson_path.as_str());

    // Watch half the lesson, leave, come back: the player resumes at the same second.
    let s = me.report(lessons[0], json!([[0, 30]]), 30.0).await;
    assert_eq!(
        (s["watched_s"].as_i64(), s["completed"].as_bool()),
        (Some(30), Some(false))
    );
    let html = me.get_text(&lesson_path).await;
    assert!(html.contains(r#"data-resume="30""#));
    let learning = plain(&me.get_text("/fr/learning").await);
    assert!(learning.contains("Amélie Durand"));
    assert!(
        learning.contains(&format!("/fr/lessons/{}", lessons[0])),
        "watch next"
    );
    assert!(learning.contains("1 minute regardée"), "{learning}");
}

#[tokio::test]
async fn forms_without_the_csrf_token_are_refused() {
    let app = spawn_app().await;
    let me = Browser::of(&app);
    me.get_text("/en/account/login").await;
    let res = me
        .post_form(
            "/en/account/login",
            &[("email", "a@b.example"), ("password", "whatever whatever")],
        )
        .await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn settings_change_password_and_email_then_delete_the_account() {
    let app = spawn_app().await;
    let me = Browser::of(&app);
    me.sign_up("karim@ville.example", "Karim", "en").await;
    let other_session = Browser::new(&app);
    other_session
        .sign_up("karim@ville.example", "Karim", "en")
        .await;

    let page = me.get_text("/en/account/settings").await;
    assert!(page.contains("karim@ville.example"));
    let res = me
        .post_form(
            "/en/account/password",
            &[
                ("csrf", &csrf_of(&page)),
                ("current_password", "not my password"),
                ("new_password", "a new long password"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The current password is not right.")
    );
    let res = me
        .post_form(
            "/en/account/password",
            &[
                ("csrf", &csrf_of(&page)),
                ("current_password", PASSWORD),
                ("new_password", "a new long password"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Your password has been changed.")
    );
    // The other session was signed out by the change.
    assert_eq!(
        other_session.get("/en/account/settings").await.status(),
        303
    );

    let res = me
        .post_form(
            "/en/account/email",
            &[
                ("csrf", &csrf_of(&page)),
                ("current_password", "a new long password"),
                ("new_email", "karim.new@ville.example"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let token = last_token(&app, "account_verify", "karim.new@ville.example");
    let res = me
        .post_json("/api/v1/auth/verify", json!({ "token": token }))
        .await;
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["email"],
        "karim.new@ville.example"
    );

    let page = me.get_text("/en/account/settings").await;
    let res = me
        .post_form(
            "/en/account/delete",
            &[
                ("csrf", &csrf_of(&page)),
                ("current_password", "a new long password"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Your account has been deleted")
    );
    let res = me
        .post_json(
            "/api/v1/auth/login",
            json!({"email": "karim.new@ville.example", "password": "a new long password"}),
        )
        .await;
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn reset_links_open_a_form_in_the_page_language() {
    let app = spawn_app().await;
    let me = Browser::of(&app);
    me.sign_up("leila@ville.example", "Leïla", "ar").await;
    let forgot = me.get_text("/ar/account/forgot").await;
    let res = me
        .post_form(
            "/ar/account/forgot",
            &[
                ("csrf", &csrf_of(&forgot)),
                ("email", "leila@ville.example"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let token = last_token(&app, "password_reset", "leila@ville.example");
    let page = me.get_text(&format!("/ar/account/reset/{token}")).await;
    assert!(page.contains(r#"dir="rtl""#) && page.contains("اختر كلمة مرور جديدة"));
    let res = me
        .post_form(
            &format!("/ar/account/reset/{token}"),
            &[
                ("csrf", &csrf_of(&page)),
                ("password", "كلمة مرور جديدة وطويلة"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = me.get(&format!("/ar/account/reset/{token}")).await;
    assert_eq!(res.status(), 400, "a used link says so");
    assert_eq!(me.get("/ar/account/reset/not-a-token").await.status(), 400);
}
