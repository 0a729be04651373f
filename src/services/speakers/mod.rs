//! Speakers: people with a name, function, organisation, place, photo and short bio in
//! fr/en/ar, attached to webinars and sessions in an order and a role. Organisers edit
//! them in the back office; pages, mails and the API show them (`views.rs`). Agenda
//! items of sessions are in `agenda.rs`, photos in `photos.rs`.

pub mod agenda;
pub mod photos;
pub mod places;
pub mod views;

use chrono::Utc;

use crate::db::models::{Speaker, Translation};
use crate::db::speakers::{self as q, Owner, SpeakerFields};
use crate::db::{DbConnection, DbError, admin, write_transaction};
use crate::domain::Locale;
use crate::domain::country::Country;
use crate::domain::speaker::SpeakerRole;
use crate::services::FieldErrors;

const MAX_LINE: usize = 200;
const MAX_BIO: usize = 2000;

/// A speaker as typed in the back office; texts per language: (function, bio).
pub struct SpeakerInput {
    pub full_name: String,
    pub organisation: String,
    pub city: String,
    pub country: String,
    pub texts: Vec<(Locale, String, String)>,
}

#[derive(Clone, Debug)]
pub struct ValidSpeaker {
    pub full_name: String,
    pub organisation: String,
    pub city: String,
    /// ISO code or empty.
    pub country: String,
    pub texts: Vec<(Locale, String, String)>,
}

fn line(raw: &str) -> Option<String> {
    let t = raw.trim();
    (t.chars().count() <= MAX_LINE && !t.chars().any(char::is_control)).then(|| t.to_owned())
}

impl SpeakerInput {
    pub fn parse(&self) -> Result<ValidSpeaker, FieldErrors> {
        let mut errors: FieldErrors = vec![];
        let full_name = line(&self.full_name).filter(|n| !n.is_empty());
        if full_name.is_none() {
            errors.push(("full_name", "admin-speaker-error-name"));
        }
        let organisation = line(&self.organisation);
        if organisation.is_none() {
            errors.push(("organisation", "admin-speaker-error-too-long"));
        }
        let city = line(&self.city);
        if city.is_none() {
            errors.push(("city", "admin-speaker-error-too-long"));
        }
        let country = match self.country.trim() {
            "" => Some(String::new()),
            raw => Country::parse(raw).map(|c| c.code().to_owned()),
        };
        if country.is_none() {
            errors.push(("country", "admin-speaker-error-country"));
        }
        let mut texts = vec![];
        for (locale, function, bio) in &self.texts {
            match (line(function), bio.trim()) {
                (Some(f), b) if b.chars().count() <= MAX_BIO => {
                    texts.push((*locale, f, b.to_owned()))
                }
                _ => errors.push((text_field(*locale), "admin-speaker-error-too-long")),
            }
        }
        match (full_name, organisation, city, country, errors.is_empty()) {
            (Some(full_name), Some(organisation), Some(city), Some(country), true) => {
                Ok(ValidSpeaker {
                    full_name,
                    organisation,
                    city,
                    country,
                    texts,
                })
            }
            _ => Err(errors),
        }
    }
}

/// The form field of a language's function.
pub fn text_field(locale: Locale) -> &'static str {
    match locale {
        Locale::Fr => "function_fr",
        Locale::En => "function_en",
        Locale::Ar => "function_ar",
    }
}

fn fields(s: &ValidSpeaker) -> SpeakerFields<'_> {
    SpeakerFields {
        full_name: &s.full_name,
        organisation: &s.organisation,
        city: &s.city,
        country: &s.country,
    }
}

fn save_texts(conn: &mut DbConnection, id: i64, s: &ValidSpeaker) -> Result<(), DbError> {
    for (locale, function, bio) in &s.texts {
        q::set_text(conn, id, locale.code(), function, bio)?;
    }
    Ok(())
}

pub fn create(conn: &mut DbConnection, actor: i64, s: &ValidSpeaker) -> Result<i64, DbError> {
    write_transaction(conn, |conn| {
        let id = q::insert(conn, &fields(s), Utc::now().naive_utc())?;
        save_texts(conn, id, s)?;
        admin::audit(conn, actor, "speaker.create", &format!("speaker:{id}"), "")?;
        Ok(id)
    })
}

pub fn update(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    s: &ValidSpeaker,
) -> Result<(), DbError> {
    write_transaction(conn, |conn| {
        q::by_id(conn, id)?;
        q::update(conn, id, &fields(s), Utc::now().naive_utc())?;
        save_texts(conn, id, s)?;
        admin::audit(conn, actor, "speaker.edit", &format!("speaker:{id}"), "")
    })
}

/// Records the key of a speaker's newly stored photo; the key it replaces, whose files
/// the caller removes once this is committed.
pub fn set_photo(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    key: &str,
) -> Result<Option<String>, DbError> {
    write_transaction(conn, |conn| {
        let replaced = q::by_id(conn, id)?.photo_key;
        q::set_photo(conn, id, key)?;
        admin::audit(conn, actor, "speaker.photo", &format!("speaker:{id}"), key)?;
        Ok(replaced)
    })
}

/// Deletes a speaker (with an audit row); the key of their photo, whose files the
/// caller removes once this is committed.
pub fn delete(conn: &mut DbConnection, actor: i64, id: i64) -> Result<Option<String>, DbError> {
    write_transaction(conn, |conn| {
        let speaker = q::by_id(conn, id)?;
        q::delete(conn, id)?;
        admin::audit(
            conn,
            actor,
            "speaker.delete",
            &format!("speaker:{id}"),
            &speaker.full_name,
        )?;
        Ok(speaker.photo_key)
    })
}

pub fn list(conn: &mut DbConnection) -> Result<Vec<Speaker>, DbError> {
    q::all(conn)
}

/// A speaker with their texts in every language, for the edit form.
pub fn for_editing(
    conn: &mut DbConnection,
    id: i64,
) -> Result<(Speaker, Vec<Translation>), DbError> {
    Ok((q::by_id(conn, id)?, q::texts(conn, &[id])?))
}

/// Where a speaker appears: a webinar (by slug) or one session.
pub enum AttachTo<'a> {
    Webinar(&'a str),
    Session(i64),
}

impl AttachTo<'_> {
    /// From a select's value, `webinar:{slug}` or `session:{id}`.
    pub fn parse(value: &str) -> Option<AttachTo<'_>> {
        match value.split_once(':')? {
            ("webinar", slug) if !slug.is_empty() => Some(AttachTo::Webinar(slug)),
            ("session", id) => id.parse().ok().map(AttachTo::Session),
            _ => None,
        }
    }
}

fn owner(conn: &mut DbConnection, to: &AttachTo) -> Result<Owner, DbError> {
    Ok(match to {
        AttachTo::Webinar(slug) => Owner::Webinar(admin::webinar_by_slug(conn, slug)?.id),
        AttachTo::Session(id) => Owner::Session(admin::session_by_id(conn, *id)?.id),
    })
}

fn subject(to: &AttachTo) -> String {
    match to {
        AttachTo::Webinar(slug) => format!("webinar:{slug}"),
        AttachTo::Session(id) => format!("session:{id}"),
    }
}

/// Attaches a speaker in a role at a place in the order (1 first).
pub fn attach(
    conn: &mut DbConnection,
    actor: i64,
    to: &AttachTo,
    speaker_id: i64,
    role: SpeakerRole,
    position: i32,
) -> Result<(), DbError> {
    write_transaction(conn, |conn| {
        let owner = owner(conn, to)?;
        q::by_id(conn, speaker_id)?;
        q::attach(conn, owner, speaker_id, role.as_str(), position)?;
        let detail = format!(
            "speaker:{speaker_id} role={} position={position}",
            role.as_str()
        );
        admin::audit(conn, actor, "speaker.attach", &subject(to), &detail)
    })
}

pub fn detach(
    conn: &mut DbConnection,
    actor: i64,
    to: &AttachTo,
    speaker_id: i64,
) -> Result<(), DbError> {
    write_transaction(conn, |conn| {
        let owner = owner(conn, to)?;
        q::detach(conn, owner, speaker_id)?;
        admin::audit(
            conn,
            actor,
            "speaker.detach",
            &subject(to),
            &format!("speaker:{speaker_id}"),
        )
    })
}
