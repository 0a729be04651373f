//! Rows as they are stored. Services turn them into views.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::{Locale, TimeZone};

use super::schema::*;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = webinars)]
pub struct Webinar {
    pub id: i64,
    pub series_id: Option<i64>,
    pub slug: String,
    pub position: i32,
    pub published: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Key of the share picture in the picture storage.
    pub share_image_key: Option<String>,
}

/// A title and summary in one language, for any translatable item.
#[derive(Queryable, Clone, Debug)]
pub struct Translation {
    pub owner_id: i64,
    pub locale: String,
    pub title: String,
    pub summary: String,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = sessions)]
pub struct Session {
    pub id: i64,
    pub webinar_id: i64,
    pub starts_at: NaiveDateTime,
    pub timezone: TimeZone,
    pub duration_minutes: i32,
    pub capacity: i32,
    pub confirmed_count: i32,
    pub meeting_url: String,
    pub languages: String,
    pub reminder_offsets: String,
    pub sequence: i32,
    pub published: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = sessions)]
pub struct NewSession<'a> {
    pub webinar_id: i64,
    pub starts_at: NaiveDateTime,
    pub timezone: &'a str,
    pub duration_minutes: i32,
    pub capacity: i32,
    pub meeting_url: &'a str,
    pub languages: &'a str,
    pub reminder_offsets: &'a str,
    pub published: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = replays)]
pub struct Replay {
    pub id: i64,
    pub webinar_id: i64,
    pub session_id: Option<i64>,
    pub locale: String,
    pub video_url: String,
    pub duration_s: Option<i32>,
    pub published: bool,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = replay_captions)]
pub struct ReplayCaption {
    pub replay_id: i64,
    pub locale: String,
    pub url: String,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = modules)]
pub struct Module {
    pub id: i64,
    pub slug: String,
    pub position: i32,
    pub published: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = lessons)]
pub struct Lesson {
    pub id: i64,
    pub module_id: i64,
    pub position: i32,
    pub duration_s: i32,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = lesson_translations)]
pub struct LessonTranslation {
    pub lesson_id: i64,
    pub locale: String,
    pub title: String,
    pub body: String,
    pub video_url: String,
    pub captions_url: Option<String>,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub full_name: String,
    pub password_hash: String,
    pub role: String,
    pub locale: Locale,
    pub email_verified_at: Option<NaiveDateTime>,
    pub consent_version: Option<String>,
    pub consent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub full_name: &'a str,
    pub password_hash: &'a str,
    pub role: &'a str,
    pub locale: &'a str,
    pub email_verified_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = speakers)]
pub struct Speaker {
    pub id: i64,
    pub full_name: String,
    pub organisation: String,
    pub city: String,
    pub country: String,
    pub photo_key: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A speaker attached to a webinar or a session (`owner_id`), in a role and an order.
#[derive(Clone, Debug)]
pub struct Appearance {
    pub owner_id: i64,
    pub role: String,
    pub position: i32,
    pub speaker: Speaker,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = agenda_items)]
pub struct AgendaItem {
    pub id: i64,
    pub session_id: i64,
    pub offset_minutes: i32,
    pub speaker_id: Option<i64>,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = agenda_item_translations)]
pub struct AgendaText {
    pub item_id: i64,
    pub locale: String,
    pub title: String,
}
