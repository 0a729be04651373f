//! What the registration pages and the registration API share: rate limits, the
//! honeypot, and the service calls off the async executor, each saying whether it
//! changes the public pages. Handlers only read the request and shape the answer.

use actix_web::HttpRequest;
use chrono::Utc;

use crate::domain::Locale;
use crate::domain::registration::{RegistrationInput, Status};
use crate::services::registrations;
use crate::services::registrations::manage::{self, Managed};
use crate::services::registrations::seats::Confirmation;

use super::error::AppError;
use super::rate_limit::{Limit, client_key};
use super::state::{AppState, Pages};

/// What a registration form registers for.
#[derive(Clone, Copy, Debug)]
pub enum Target {
    Session(i64),
    /// The next session of each webinar of the series.
    Series,
}

/// Registers (pending until confirmed from the mail). A filled honeypot answers as a
/// success and registers nothing; bad input is `AppError::Validation` with each field.
/// Limited per client address, then per registrant address.
pub async fn register(
    state: &AppState,
    req: &HttpRequest,
    target: Target,
    input: &RegistrationInput,
) -> Result<(), AppError> {
    state
        .limits
        .check(Limit::Registration, &client_key(req))
        .await?;
    if input.is_robot() {
        tracing::info!("registration honeypot filled; ignored");
        return Ok(());
    }
    let new = input.parse().map_err(AppError::Validation)?;
    state
        .limits
        .check(
            Limit::RegistrationAddress,
            &new.email.as_str().to_lowercase(),
        )
        .await?;
    let tokens = state.tokens.clone();
    let now = Utc::now().naive_utc();
    // Through the group-commit writer: acknowledged once the batch is on disk.
    state
        .write(Pages::Unchanged, move |c| match target {
            Target::Session(id) => registrations::register(c, &tokens, id, &new, now),
            Target::Series => {
                registrations::series::register_series(c, &tokens, &new, now).map(|_| ())
            }
        })
        .await?;
    Ok(())
}

/// Confirms with the mailed token; limited per client and per token (one registrant).
pub async fn confirm(
    state: &AppState,
    req: &HttpRequest,
    token: String,
) -> Result<Confirmation, AppError> {
    state
        .limits
        .check(Limit::Confirmation, &client_key(req))
        .await?;
    state
        .limits
        .check(Limit::ConfirmationToken, token.get(..16).unwrap_or(&token))
        .await?;
    let confirmation = state
        // A seat taken changes `seats_left` on the public pages.
        .write(Pages::Changed, move |c| {
            registrations::confirm(c, &token, Utc::now().naive_utc())
        })
        .await?;
    Ok(confirmation)
}

/// What a manage token shows, webinar titles in `locale`.
pub async fn view(state: &AppState, token: String, locale: Locale) -> Result<Managed, AppError> {
    let tokens = state.tokens.clone();
    let public = state.settings.public_url();
    state
        .run(Pages::Unchanged, move |c| {
            Ok(manage::view(
                c,
                &tokens,
                &public,
                &token,
                locale,
                Utc::now().naive_utc(),
            ))
        })
        .await?
        .map_err(AppError::from)
}

/// What a manage page or `DELETE` asks for.
pub enum Change {
    /// All of it, or for a series registration only the registration to a session.
    Cancel(Option<i64>),
    Switch(i64),
    Language(Locale),
}

pub async fn change(state: &AppState, token: String, change: Change) -> Result<(), AppError> {
    let now = Utc::now().naive_utc();
    // Cancelling or switching frees a seat (and may promote someone): `seats_left` changes.
    let pages = match change {
        Change::Cancel(_) | Change::Switch(_) => Pages::Changed,
        Change::Language(_) => Pages::Unchanged,
    };
    state
        .run(pages, move |c| {
            Ok(match change {
                Change::Cancel(session) => manage::cancel(c, &token, session, now),
                Change::Switch(to) => {
                    manage::switch_session(c, &token, to, now).map(|_: Status| ())
                }
                Change::Language(l) => manage::change_locale(c, &token, l),
            })
        })
        .await??;
    Ok(())
}
