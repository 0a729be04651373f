//! Speakers and agenda items as the public sees them, in the viewer's language with the
//! same visible fallback as other content.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::models::{AgendaText, Appearance, Translation};
use crate::db::{DbConnection, DbError, speakers as q};
use crate::domain::Locale;
use crate::domain::speaker::SpeakerRole;
use crate::domain::translation::pick;
use crate::services::content::programme::{SessionView, WebinarView, localise};

use super::photos;

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct SpeakerView {
    pub id: i64,
    pub full_name: String,
    pub role: SpeakerRole,
    /// "Mayor of Sfax", in the viewer's language when written.
    pub function: String,
    pub organisation: String,
    pub city: String,
    /// ISO 3166-1 alpha-2, or empty.
    pub country: String,
    pub bio: String,
    /// Set when the function and bio are shown in another language than asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_locale: Option<Locale>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub photo: Option<PhotoUrls>,
}

/// The photo in the sizes pages use.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct PhotoUrls {
    /// 96 × 96 pixels.
    pub small: String,
    /// 320 × 320 pixels.
    pub large: String,
}

#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct AgendaItemView {
    pub id: i64,
    /// Minutes after the session's start.
    pub offset_minutes: i32,
    /// RFC 3339, UTC.
    pub starts_at: DateTime<Utc>,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_locale: Option<Locale>,
    /// Who speaks at that moment, when said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

fn speaker_views(
    locale: Locale,
    owner: i64,
    all: &[Appearance],
    texts: &[Translation],
) -> Vec<SpeakerView> {
    all.iter()
        .filter(|a| a.owner_id == owner)
        .filter_map(|a| {
            let s = &a.speaker;
            let (function, bio, fallback_locale) = localise(locale, s.id, texts);
            Some(SpeakerView {
                id: s.id,
                full_name: s.full_name.clone(),
                role: SpeakerRole::parse(&a.role)?,
                function,
                organisation: s.organisation.clone(),
                city: s.city.clone(),
                country: s.country.clone(),
                bio,
                fallback_locale,
                photo: s.photo_key.as_deref().map(photos::urls),
            })
        })
        .collect()
}

fn texts_of(conn: &mut DbConnection, all: &[Appearance]) -> Result<Vec<Translation>, DbError> {
    let ids: Vec<i64> = all.iter().map(|a| a.speaker.id).collect();
    q::texts(conn, &ids)
}

/// Fills the speakers of these webinars and, for each of their sessions, its speakers
/// and agenda.
pub fn fill_webinars(
    conn: &mut DbConnection,
    locale: Locale,
    webinars: &mut [WebinarView],
    ids: &[i64],
) -> Result<(), DbError> {
    let all = q::of_webinars(conn, ids)?;
    let texts = texts_of(conn, &all)?;
    for (w, id) in webinars.iter_mut().zip(ids) {
        w.speakers = speaker_views(locale, *id, &all, &texts);
        fill_sessions(conn, locale, &mut w.sessions)?;
    }
    Ok(())
}

pub fn fill_sessions(
    conn: &mut DbConnection,
    locale: Locale,
    sessions: &mut [SessionView],
) -> Result<(), DbError> {
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    if ids.is_empty() {
        return Ok(());
    }
    let all = q::of_sessions(conn, &ids)?;
    let texts = texts_of(conn, &all)?;
    let (items, titles) = q::agenda_of(conn, &ids)?;
    let named: Vec<(i64, String)> = {
        let ids: Vec<i64> = items.iter().filter_map(|i| i.speaker_id).collect();
        ids.iter()
            .map(|id| q::by_id(conn, *id).map(|s| (s.id, s.full_name)))
            .collect::<Result<_, _>>()?
    };
    for s in sessions.iter_mut() {
        s.speakers = speaker_views(locale, s.id, &all, &texts);
        s.agenda = items
            .iter()
            .filter(|i| i.session_id == s.id)
            .map(|i| {
                let (title, fallback_locale) = agenda_title(locale, i.id, &titles);
                AgendaItemView {
                    id: i.id,
                    offset_minutes: i.offset_minutes,
                    starts_at: s.starts_at + Duration::minutes(i64::from(i.offset_minutes)),
                    title,
                    fallback_locale,
                    speaker: i
                        .speaker_id
                        .and_then(|id| named.iter().find(|(n, _)| *n == id))
                        .map(|(_, name)| name.clone()),
                }
            })
            .collect();
    }
    Ok(())
}

fn agenda_title(locale: Locale, item: i64, all: &[AgendaText]) -> (String, Option<Locale>) {
    let found = pick(
        locale,
        all.iter()
            .filter(|t| t.item_id == item)
            .map(|t| (t.locale.as_str(), t)),
        |t| !t.title.is_empty(),
    );
    match found {
        Some((used, t)) => (t.title.clone(), (used != locale).then_some(used)),
        None => (String::new(), None),
    }
}
