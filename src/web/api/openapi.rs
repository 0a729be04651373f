//! The OpenAPI document, generated from the handlers' annotations.

use actix_web::HttpResponse;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Convive API",
        description = "Webinar programme, registrations and training modules"
    ),
    paths(
        super::webinars::list_webinars,
        super::webinars::get_webinar,
        super::webinars::list_replays,
        super::sessions::get_session,
        super::registrations::create_registration,
        super::registrations::create_series_registration,
        super::registrations::confirm_registration,
        super::registrations::get_registration,
        super::registrations::cancel_registration,
        super::modules::list_modules,
        super::modules::get_module,
        super::lessons::report_progress,
        super::auth::sign_up,
        super::auth::verify_email,
        super::auth::log_in,
        super::auth::log_out,
        super::auth::forgot_password,
        super::auth::reset_password,
        super::privacy::request_link,
        super::privacy::export_data,
        super::privacy::erase_data,
    ),
    components(schemas(super::ErrorBody))
)]
pub struct ApiDoc;

pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
