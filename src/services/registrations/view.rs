//! A registration as its holder sees it on the manage page (one registration, or each
//! one of a series registration).

use chrono::NaiveDateTime;

use crate::db::registrations::{self as q, Registration};
use crate::db::{DbConnection, DbError, programme};
use crate::domain::registration::Status;
use crate::domain::translation::pick;
use crate::domain::{Locale, TimeZone};
use crate::secrets::link_tokens::{Purpose, RegistrationTokens};
use crate::services::content::programme::SessionView;
use crate::services::registrations::seats::{RegistrationError, status_of};

/// A registration as its holder sees it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RegistrationView {
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waitlist_position: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_url: Option<String>,
    /// Its own manage page (listed on the series page, which links to each).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manage_url: Option<String>,
    pub webinar_title: String,
    pub full_name: String,
    pub locale: Locale,
    pub timezone: TimeZone,
    pub session: SessionView,
    #[serde(skip)]
    pub other_sessions: Vec<SessionView>,
}

pub(crate) fn registration_view(
    conn: &mut DbConnection,
    tokens: &RegistrationTokens,
    public_url: &str,
    r: &Registration,
    locale: Locale,
    now: NaiveDateTime,
) -> Result<RegistrationView, RegistrationError> {
    let status = status_of(r);
    let session = crate::services::content::programme::session(conn, r.session_id)?;
    let webinar_id = programme::published_session(conn, r.session_id)?.webinar_id;
    let others = programme::upcoming_sessions(conn, &[webinar_id], now)?
        .iter()
        .filter(|s| s.id != r.session_id)
        .map(|s| crate::services::content::programme::session(conn, s.id))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(RegistrationView {
        status: status.as_str(),
        waitlist_position: (status == Status::Waitlisted)
            .then(|| q::waitlist_position(conn, r))
            .transpose()?,
        join_url: (status == Status::Confirmed).then(|| {
            format!(
                "{public_url}/join/{}",
                tokens.raw(Purpose::Join, r.id, &r.token_seed)
            )
        }),
        manage_url: None,
        webinar_title: webinar_title(conn, webinar_id, locale)?,
        full_name: r.full_name.clone(),
        locale: r.locale,
        timezone: r.timezone,
        session,
        other_sessions: others,
    })
}

pub fn webinar_title(
    conn: &mut DbConnection,
    webinar_id: i64,
    locale: Locale,
) -> Result<String, DbError> {
    let texts = programme::webinar_translations(conn, &[webinar_id])?;
    Ok(
        pick(locale, texts.iter().map(|t| (t.locale.as_str(), t)), |t| {
            !t.title.is_empty()
        })
        .map(|(_, t)| t.title.clone())
        .unwrap_or_default(),
    )
}
