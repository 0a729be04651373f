//! Speakers and agendas of the seed programme: the people `programme.toml` lists, attached
//! in a role and an order to a webinar or a session when that webinar is first loaded,
//! and each session's agenda. A speaker already there (by name) is reused, so loading
//! twice adds nothing and a deleted seed speaker does not come back unattached.

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;

use super::{LOCALES, Texts, text};
use crate::db::DbConnection;
use crate::db::schema::*;
use crate::domain::speaker::SpeakerRole;

#[derive(Deserialize)]
pub(super) struct SpeakerSeed {
    full_name: String,
    organisation: String,
    city: String,
    country: String,
    function: Texts,
    bio: Texts,
}

/// A speaker named in a webinar's or a session's list, in its order.
#[derive(Deserialize)]
pub(super) struct PlaceSeed {
    name: String,
    role: String,
}

#[derive(Deserialize)]
pub(super) struct AgendaSeed {
    offset_minutes: i32,
    title: Texts,
    #[serde(default)]
    speaker: Option<String>,
}

/// Where people are attached: a webinar or one of its sessions.
pub(super) enum Owner {
    Webinar(i64),
    Session(i64),
}

/// The id of the seed speaker `name`, inserted with their texts when missing.
fn speaker_id(
    conn: &mut DbConnection,
    all: &[SpeakerSeed],
    name: &str,
    now: NaiveDateTime,
) -> anyhow::Result<i64> {
    let seed = all
        .iter()
        .find(|s| s.full_name == name)
        .with_context(|| format!("programme.toml names an unknown speaker {name}"))?;
    let existing = speakers::table
        .filter(speakers::full_name.eq(name))
        .select(speakers::id)
        .first::<i64>(conn)
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let id = diesel::insert_into(speakers::table)
        .values((
            speakers::full_name.eq(&seed.full_name),
            speakers::organisation.eq(&seed.organisation),
            speakers::city.eq(&seed.city),
            speakers::country.eq(&seed.country),
            speakers::created_at.eq(now),
            speakers::updated_at.eq(now),
        ))
        .returning(speakers::id)
        .get_result::<i64>(conn)?;
    for l in LOCALES {
        diesel::insert_into(speaker_translations::table)
            .values((
                speaker_translations::speaker_id.eq(id),
                speaker_translations::locale.eq(l),
                speaker_translations::function.eq(text(&seed.function, l)),
                speaker_translations::bio.eq(text(&seed.bio, l)),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

/// Attaches the listed people to a newly loaded webinar or session, in list order.
pub(super) fn attach(
    conn: &mut DbConnection,
    all: &[SpeakerSeed],
    owner: Owner,
    places: &[PlaceSeed],
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    for (index, place) in places.iter().enumerate() {
        let role = SpeakerRole::parse(&place.role)
            .with_context(|| format!("programme.toml: unknown role {}", place.role))?;
        let id = speaker_id(conn, all, &place.name, now)?;
        let position = i32::try_from(index + 1)?;
        match owner {
            Owner::Webinar(webinar) => diesel::insert_into(webinar_speakers::table)
                .values((
                    webinar_speakers::webinar_id.eq(webinar),
                    webinar_speakers::speaker_id.eq(id),
                    webinar_speakers::role.eq(role.as_str()),
                    webinar_speakers::position.eq(position),
                ))
                .execute(conn)?,
            Owner::Session(session) => diesel::insert_into(session_speakers::table)
                .values((
                    session_speakers::session_id.eq(session),
                    session_speakers::speaker_id.eq(id),
                    session_speakers::role.eq(role.as_str()),
                    session_speakers::position.eq(position),
                ))
                .execute(conn)?,
        };
    }
    Ok(())
}

/// The agenda of a newly loaded session; offsets must fall within its duration.
pub(super) fn agenda(
    conn: &mut DbConnection,
    all: &[SpeakerSeed],
    session: i64,
    duration_minutes: i32,
    items: &[AgendaSeed],
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    for item in items {
        anyhow::ensure!(
            (0..=duration_minutes).contains(&item.offset_minutes),
            "programme.toml: agenda offset {} outside the session",
            item.offset_minutes
        );
        let speaker = match &item.speaker {
            Some(name) => Some(speaker_id(conn, all, name, now)?),
            None => None,
        };
        let id = diesel::insert_into(agenda_items::table)
            .values((
                agenda_items::session_id.eq(session),
                agenda_items::offset_minutes.eq(item.offset_minutes),
                agenda_items::speaker_id.eq(speaker),
                agenda_items::created_at.eq(now),
            ))
            .returning(agenda_items::id)
            .get_result::<i64>(conn)?;
        for l in LOCALES {
            diesel::insert_into(agenda_item_translations::table)
                .values((
                    agenda_item_translations::item_id.eq(id),
                    agenda_item_translations::locale.eq(l),
                    agenda_item_translations::title.eq(text(&item.title, l)),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}
