//! How each error of the layers below becomes an `AppError`: once, here. Handlers that
//! show some errors on their form match those variants and pass the rest on with `?`.

use crate::db::DbError;
use crate::db::failure::Failure;
use crate::mail::compose::ComposeError;
use crate::services::accounts::AccountError;
use crate::services::accounts::organisers::CreateOrganiserError;
use crate::services::campaigns::CampaignError;
use crate::services::campaigns::announcements::AnnouncementError;
use crate::services::content::editing::CreateError;
use crate::services::privacy::PrivacyError;
use crate::services::registrations::seats::RegistrationError;

use super::AppError;

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e.failure() {
            Failure::NotFound => AppError::NotFound,
            Failure::Unavailable(m) => AppError::Unavailable(m),
            Failure::BadInput => AppError::BadRequest {
                code: "bad_request",
                message_id: "error-bad-request",
            },
            Failure::Other => AppError::Internal(e.into()),
        }
    }
}

impl From<AccountError> for AppError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Invalid(fields) => AppError::Validation(fields),
            AccountError::InvalidCredentials => AppError::Unauthorized {
                code: "invalid_credentials",
                message_id: "account-error-credentials",
            },
            AccountError::NotVerified => AppError::Unauthorized {
                code: "not_verified",
                message_id: "account-error-not-verified",
            },
            AccountError::InvalidToken => AppError::BadRequest {
                code: "invalid_token",
                message_id: "account-error-token",
            },
            AccountError::Db(e) => e.into(),
        }
    }
}

impl From<CreateOrganiserError> for AppError {
    fn from(e: CreateOrganiserError) -> Self {
        match e {
            CreateOrganiserError::Exists => {
                AppError::Validation(vec![("email", "admin-organiser-error-exists")])
            }
            CreateOrganiserError::WeakPassword => {
                AppError::Validation(vec![("password", "account-error-password-short")])
            }
            CreateOrganiserError::Db(e) => e.into(),
        }
    }
}

impl From<CampaignError> for AppError {
    fn from(e: CampaignError) -> Self {
        match e {
            CampaignError::List(l) => AppError::Validation(vec![("contacts_csv", l.0)]),
            CampaignError::UnknownSession => {
                AppError::Validation(vec![("session_id", "admin-campaign-error-session")])
            }
            CampaignError::Db(e) => e.into(),
        }
    }
}

impl From<AnnouncementError> for AppError {
    fn from(e: AnnouncementError) -> Self {
        match e {
            AnnouncementError::UnknownSession => AppError::NotFound,
            AnnouncementError::Db(e) => e.into(),
        }
    }
}

impl From<CreateError> for AppError {
    fn from(e: CreateError) -> Self {
        match e {
            CreateError::SlugTaken => {
                AppError::Validation(vec![("slug", "admin-content-error-slug-taken")])
            }
            CreateError::Db(e) => e.into(),
        }
    }
}

impl From<PrivacyError> for AppError {
    fn from(e: PrivacyError) -> Self {
        match e {
            PrivacyError::InvalidEmail => {
                AppError::Validation(vec![("email", "privacy-error-email")])
            }
            PrivacyError::InvalidToken => AppError::BadRequest {
                code: "invalid_token",
                message_id: "privacy-link-invalid-text",
            },
            PrivacyError::Db(e) => e.into(),
        }
    }
}

impl From<RegistrationError> for AppError {
    fn from(e: RegistrationError) -> Self {
        match e {
            RegistrationError::SessionUnavailable | RegistrationError::UnknownToken => {
                AppError::NotFound
            }
            RegistrationError::Expired => AppError::BadRequest {
                code: "expired",
                message_id: "registration-expired",
            },
            RegistrationError::AlreadyRegistered => AppError::BadRequest {
                code: "already_registered",
                message_id: "registration-already-there",
            },
            RegistrationError::Db(e) => e.into(),
        }
    }
}

/// A preview of a mail that cannot be composed (its campaign is gone): not found.
impl From<ComposeError> for AppError {
    fn from(e: ComposeError) -> Self {
        match e {
            ComposeError::Invalid(_) => AppError::NotFound,
            ComposeError::Db(e) => e.into(),
        }
    }
}
