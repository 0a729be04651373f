//! Speakers, where they appear (webinars and sessions, in a role and an order) and the
//! agenda items of sessions.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{AgendaItem, AgendaText, Appearance, Speaker, Translation};
use super::schema::{
    agenda_item_translations as agenda_texts, agenda_items, session_speakers, speaker_translations,
    speakers, webinar_speakers,
};
use super::{DbConnection, DbError};

fn appearances(rows: Vec<(i64, String, i32, Speaker)>) -> Vec<Appearance> {
    rows.into_iter()
        .map(|(owner_id, role, position, speaker)| Appearance {
            owner_id,
            role,
            position,
            speaker,
        })
        .collect()
}

/// Speakers of these webinars, in their order.
pub fn of_webinars(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<Appearance>, DbError> {
    let rows = webinar_speakers::table
        .inner_join(speakers::table)
        .filter(webinar_speakers::webinar_id.eq_any(ids))
        .order((webinar_speakers::webinar_id, webinar_speakers::position))
        .select((
            webinar_speakers::webinar_id,
            webinar_speakers::role,
            webinar_speakers::position,
            Speaker::as_select(),
        ))
        .load(conn)?;
    Ok(appearances(rows))
}

/// Speakers of these sessions, in their order.
pub fn of_sessions(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<Appearance>, DbError> {
    let rows = session_speakers::table
        .inner_join(speakers::table)
        .filter(session_speakers::session_id.eq_any(ids))
        .order((session_speakers::session_id, session_speakers::position))
        .select((
            session_speakers::session_id,
            session_speakers::role,
            session_speakers::position,
            Speaker::as_select(),
        ))
        .load(conn)?;
    Ok(appearances(rows))
}

/// Function (as `title`) and bio (as `summary`) of these speakers in every language.
pub fn texts(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<Translation>, DbError> {
    Ok(speaker_translations::table
        .filter(speaker_translations::speaker_id.eq_any(ids))
        .select((
            speaker_translations::speaker_id,
            speaker_translations::locale,
            speaker_translations::function,
            speaker_translations::bio,
        ))
        .load(conn)?)
}

pub fn all(conn: &mut DbConnection) -> Result<Vec<Speaker>, DbError> {
    Ok(speakers::table
        .order(speakers::full_name)
        .select(Speaker::as_select())
        .load(conn)?)
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> Result<Speaker, DbError> {
    Ok(speakers::table
        .find(id)
        .select(Speaker::as_select())
        .first(conn)?)
}

/// The fields of a speaker an organiser types.
pub struct SpeakerFields<'a> {
    pub full_name: &'a str,
    pub organisation: &'a str,
    pub city: &'a str,
    pub country: &'a str,
}

pub fn insert(
    conn: &mut DbConnection,
    f: &SpeakerFields,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(speakers::table)
        .values((
            speakers::full_name.eq(f.full_name),
            speakers::organisation.eq(f.organisation),
            speakers::city.eq(f.city),
            speakers::country.eq(f.country),
            speakers::created_at.eq(now),
            speakers::updated_at.eq(now),
        ))
        .returning(speakers::id)
        .get_result(conn)?)
}

pub fn update(
    conn: &mut DbConnection,
    id: i64,
    f: &SpeakerFields,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(speakers::table.find(id))
        .set((
            speakers::full_name.eq(f.full_name),
            speakers::organisation.eq(f.organisation),
            speakers::city.eq(f.city),
            speakers::country.eq(f.country),
            speakers::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_photo(conn: &mut DbConnection, id: i64, key: &str) -> Result<(), DbError> {
    diesel::update(speakers::table.find(id))
        .set(speakers::photo_key.eq(Some(key)))
        .execute(conn)?;
    Ok(())
}

/// Removes a speaker, their texts and where they appear; agenda items naming them stay,
/// without a speaker. Done here rather than left to the foreign keys, so both backends
/// behave the same whatever their settings.
pub fn delete(conn: &mut DbConnection, id: i64) -> Result<(), DbError> {
    diesel::update(agenda_items::table.filter(agenda_items::speaker_id.eq(id)))
        .set(agenda_items::speaker_id.eq(None::<i64>))
        .execute(conn)?;
    diesel::delete(webinar_speakers::table.filter(webinar_speakers::speaker_id.eq(id)))
        .execute(conn)?;
    diesel::delete(session_speakers::table.filter(session_speakers::speaker_id.eq(id)))
        .execute(conn)?;
    diesel::delete(speaker_translations::table.filter(speaker_translations::speaker_id.eq(id)))
        .execute(conn)?;
    match diesel::delete(speakers::table.find(id)).execute(conn)? {
        0 => Err(DbError::not_found()),
        _ => Ok(()),
    }
}

/// Replaces a speaker's function and bio in one language (both empty: removed).
pub fn set_text(
    conn: &mut DbConnection,
    id: i64,
    locale: &str,
    function: &str,
    bio: &str,
) -> Result<(), DbError> {
    diesel::delete(
        speaker_translations::table
            .filter(speaker_translations::speaker_id.eq(id))
            .filter(speaker_translations::locale.eq(locale)),
    )
    .execute(conn)?;
    if !function.is_empty() || !bio.is_empty() {
        diesel::insert_into(speaker_translations::table)
            .values((
                speaker_translations::speaker_id.eq(id),
                speaker_translations::locale.eq(locale),
                speaker_translations::function.eq(function),
                speaker_translations::bio.eq(bio),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Where a speaker is attached: a webinar or one session.
#[derive(Clone, Copy, Debug)]
pub enum Owner {
    Webinar(i64),
    Session(i64),
}

/// Attaches (or re-attaches, with a new role and order) a speaker.
pub fn attach(
    conn: &mut DbConnection,
    owner: Owner,
    speaker_id: i64,
    role: &str,
    position: i32,
) -> Result<(), DbError> {
    detach(conn, owner, speaker_id)?;
    match owner {
        Owner::Webinar(id) => diesel::insert_into(webinar_speakers::table)
            .values((
                webinar_speakers::webinar_id.eq(id),
                webinar_speakers::speaker_id.eq(speaker_id),
                webinar_speakers::role.eq(role),
                webinar_speakers::position.eq(position),
            ))
            .execute(conn)?,
        Owner::Session(id) => diesel::insert_into(session_speakers::table)
            .values((
                session_speakers::session_id.eq(id),
                session_speakers::speaker_id.eq(speaker_id),
                session_speakers::role.eq(role),
                session_speakers::position.eq(position),
            ))
            .execute(conn)?,
    };
    Ok(())
}

pub fn detach(conn: &mut DbConnection, owner: Owner, speaker_id: i64) -> Result<(), DbError> {
    match owner {
        Owner::Webinar(id) => diesel::delete(
            webinar_speakers::table
                .filter(webinar_speakers::webinar_id.eq(id))
                .filter(webinar_speakers::speaker_id.eq(speaker_id)),
        )
        .execute(conn)?,
        Owner::Session(id) => diesel::delete(
            session_speakers::table
                .filter(session_speakers::session_id.eq(id))
                .filter(session_speakers::speaker_id.eq(speaker_id)),
        )
        .execute(conn)?,
    };
    Ok(())
}

/// Agenda items of these sessions, in time order, with their titles.
pub fn agenda_of(
    conn: &mut DbConnection,
    session_ids: &[i64],
) -> Result<(Vec<AgendaItem>, Vec<AgendaText>), DbError> {
    let items: Vec<AgendaItem> = agenda_items::table
        .filter(agenda_items::session_id.eq_any(session_ids))
        .order((
            agenda_items::session_id,
            agenda_items::offset_minutes,
            agenda_items::id,
        ))
        .select(AgendaItem::as_select())
        .load(conn)?;
    let ids: Vec<i64> = items.iter().map(|i| i.id).collect();
    let texts = agenda_texts::table
        .filter(agenda_texts::item_id.eq_any(ids.as_slice()))
        .select(AgendaText::as_select())
        .load(conn)?;
    Ok((items, texts))
}

/// Adds an agenda item with its titles (language code, title) and returns its id.
pub fn add_agenda_item(
    conn: &mut DbConnection,
    session_id: i64,
    offset_minutes: i32,
    speaker_id: Option<i64>,
    titles: &[(&str, &str)],
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    let id: i64 = diesel::insert_into(agenda_items::table)
        .values((
            agenda_items::session_id.eq(session_id),
            agenda_items::offset_minutes.eq(offset_minutes),
            agenda_items::speaker_id.eq(speaker_id),
            agenda_items::created_at.eq(now),
        ))
        .returning(agenda_items::id)
        .get_result(conn)?;
    for (locale, title) in titles.iter().filter(|(_, t)| !t.is_empty()) {
        diesel::insert_into(agenda_texts::table)
            .values((
                agenda_texts::item_id.eq(id),
                agenda_texts::locale.eq(*locale),
                agenda_texts::title.eq(*title),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

/// Removes one agenda item of a session; false when the session has no such item.
pub fn remove_agenda_item(
    conn: &mut DbConnection,
    session_id: i64,
    item_id: i64,
) -> Result<bool, DbError> {
    let n = diesel::delete(
        agenda_items::table
            .filter(agenda_items::id.eq(item_id))
            .filter(agenda_items::session_id.eq(session_id)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

/// Where one speaker appears: (owner, role, position), webinars first.
pub fn appearances_of(
    conn: &mut DbConnection,
    speaker_id: i64,
) -> Result<Vec<(Owner, String, i32)>, DbError> {
    let webinars: Vec<(i64, String, i32)> = webinar_speakers::table
        .filter(webinar_speakers::speaker_id.eq(speaker_id))
        .order(webinar_speakers::webinar_id)
        .select((
            webinar_speakers::webinar_id,
            webinar_speakers::role,
            webinar_speakers::position,
        ))
        .load(conn)?;
    let sessions: Vec<(i64, String, i32)> = session_speakers::table
        .filter(session_speakers::speaker_id.eq(speaker_id))
        .order(session_speakers::session_id)
        .select((
            session_speakers::session_id,
            session_speakers::role,
            session_speakers::position,
        ))
        .load(conn)?;
    Ok(webinars
        .into_iter()
        .map(|(id, r, p)| (Owner::Webinar(id), r, p))
        .chain(
            sessions
                .into_iter()
                .map(|(id, r, p)| (Owner::Session(id), r, p)),
        )
        .collect())
}
