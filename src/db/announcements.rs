//! Announcements to the registrants of a session: the message in each language, who got
//! it in which language, and their one-click unsubscribe tokens (kept hashed).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{announcement_recipients, announcement_texts, announcements, registrations};
use super::{DbConnection, DbError};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = announcements)]
pub struct Announcement {
    pub id: i64,
    pub session_id: i64,
    pub include_waitlisted: bool,
    pub idempotency_key: String,
    pub queued: i32,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = announcement_texts)]
pub struct AnnouncementText {
    pub announcement_id: i64,
    pub locale: String,
    pub subject: String,
    pub body: String,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = announcement_recipients)]
pub struct Recipient {
    pub id: i64,
    pub announcement_id: i64,
    pub registration_id: Option<i64>,
    pub email: String,
    pub locale: crate::domain::Locale,
    pub unsubscribed_at: Option<NaiveDateTime>,
}

/// A registrant an announcement goes to.
#[derive(Queryable, Clone, Debug)]
pub struct Addressee {
    pub registration_id: i64,
    pub email: String,
    pub locale: crate::domain::Locale,
}

pub fn by_key(conn: &mut DbConnection, key: &str) -> Result<Option<Announcement>, DbError> {
    Ok(announcements::table
        .filter(announcements::idempotency_key.eq(key))
        .select(Announcement::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut DbConnection, id: i64) -> Result<Announcement, DbError> {
    Ok(announcements::table
        .find(id)
        .select(Announcement::as_select())
        .first(conn)?)
}

/// The newest announcements first.
pub fn recent(conn: &mut DbConnection, limit: i64) -> Result<Vec<Announcement>, DbError> {
    Ok(announcements::table
        .order(announcements::id.desc())
        .limit(limit)
        .select(Announcement::as_select())
        .load(conn)?)
}

pub fn insert(
    conn: &mut DbConnection,
    session_id: i64,
    include_waitlisted: bool,
    key: &str,
    created_by: i64,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(announcements::table)
        .values((
            announcements::session_id.eq(session_id),
            announcements::include_waitlisted.eq(include_waitlisted),
            announcements::idempotency_key.eq(key),
            announcements::created_by.eq(Some(created_by)),
            announcements::created_at.eq(now),
        ))
        .returning(announcements::id)
        .get_result(conn)?)
}

pub fn set_queued(conn: &mut DbConnection, id: i64, queued: i32) -> Result<(), DbError> {
    diesel::update(announcements::table.find(id))
        .set(announcements::queued.eq(queued))
        .execute(conn)?;
    Ok(())
}

pub fn insert_text(
    conn: &mut DbConnection,
    id: i64,
    locale: &str,
    subject: &str,
    body: &str,
) -> Result<(), DbError> {
    diesel::insert_into(announcement_texts::table)
        .values((
            announcement_texts::announcement_id.eq(id),
            announcement_texts::locale.eq(locale),
            announcement_texts::subject.eq(subject),
            announcement_texts::body.eq(body),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn texts(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<AnnouncementText>, DbError> {
    Ok(announcement_texts::table
        .filter(announcement_texts::announcement_id.eq_any(ids))
        .select(AnnouncementText::as_select())
        .load(conn)?)
}

/// Registrants of a session with one of these statuses, oldest first.
pub fn addressees(
    conn: &mut DbConnection,
    session_id: i64,
    statuses: &[&str],
) -> Result<Vec<Addressee>, DbError> {
    Ok(registrations::table
        .filter(registrations::session_id.eq(session_id))
        .filter(registrations::status.eq_any(statuses))
        .order(registrations::id)
        .select((
            registrations::id,
            registrations::email,
            registrations::locale,
        ))
        .load(conn)?)
}

pub fn insert_recipient(
    conn: &mut DbConnection,
    announcement_id: i64,
    to: &Addressee,
    locale: &str,
    unsubscribe_hash: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(announcement_recipients::table)
        .values((
            announcement_recipients::announcement_id.eq(announcement_id),
            announcement_recipients::registration_id.eq(Some(to.registration_id)),
            announcement_recipients::email.eq(&to.email),
            announcement_recipients::locale.eq(locale),
            announcement_recipients::unsubscribe_token_hash.eq(unsubscribe_hash),
            announcement_recipients::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn recipients(
    conn: &mut DbConnection,
    announcement_id: i64,
) -> Result<Vec<Recipient>, DbError> {
    Ok(announcement_recipients::table
        .filter(announcement_recipients::announcement_id.eq(announcement_id))
        .order(announcement_recipients::id)
        .select(Recipient::as_select())
        .load(conn)?)
}

pub fn recipient_by_unsubscribe_hash(
    conn: &mut DbConnection,
    hash: &str,
) -> Result<Option<Recipient>, DbError> {
    Ok(announcement_recipients::table
        .filter(announcement_recipients::unsubscribe_token_hash.eq(hash))
        .select(Recipient::as_select())
        .first(conn)
        .optional()?)
}

pub fn mark_unsubscribed(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(
        announcement_recipients::table
            .find(id)
            .filter(announcement_recipients::unsubscribed_at.is_null()),
    )
    .set(announcement_recipients::unsubscribed_at.eq(Some(now)))
    .execute(conn)?;
    Ok(())
}
