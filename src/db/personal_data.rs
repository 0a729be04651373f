//! Everything stored about one address, as the privacy export gives it back.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::privacy::lower;
use super::schema::{
    certificates, invitations, lesson_progress, outbox, registrations, sessions, users, webinars,
};
use super::{DbConnection, DbError};

#[derive(Queryable, Serialize, Debug)]
pub struct AccountData {
    pub id: i64,
    pub email: String,
    pub full_name: String,
    pub role: String,
    pub locale: String,
    pub email_verified_at: Option<NaiveDateTime>,
    pub consent_version: Option<String>,
    pub consent_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Serialize, Debug)]
pub struct RegistrationData {
    pub id: i64,
    pub session_id: i64,
    pub webinar_id: i64,
    pub session_starts_at: NaiveDateTime,
    pub email: String,
    pub full_name: String,
    pub organisation: String,
    pub function: String,
    pub territory: String,
    pub country: String,
    pub locale: String,
    pub timezone: String,
    pub consent_version: String,
    pub consent_at: NaiveDateTime,
    pub announcements: bool,
    pub status: String,
    pub attended: bool,
    pub join_clicked_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub cancelled_at: Option<NaiveDateTime>,
}

#[derive(Queryable, Serialize, Debug)]
pub struct ProgressData {
    pub lesson_id: i64,
    pub watched_s: i32,
    pub position_s: i32,
    pub completed_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Serialize, Debug)]
pub struct CertificateData {
    pub code: String,
    pub module_id: i64,
    pub full_name: String,
    pub issued_at: NaiveDateTime,
}

#[derive(Queryable, Serialize, Debug)]
pub struct InvitationData {
    pub campaign_id: i64,
    pub email: String,
    pub full_name: String,
    pub organisation: String,
    pub country: String,
    pub locale: String,
    pub status: String,
    pub clicked_at: Option<NaiveDateTime>,
    pub unsubscribed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// A mail sent (or to send) to the address; its content holds link tokens, so only
/// what and when is exported.
#[derive(Queryable, Serialize, Debug)]
pub struct MailData {
    pub id: i64,
    pub kind: String,
    pub locale: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

/// Everything about one address.
#[derive(Serialize, Debug)]
pub struct PersonalData {
    pub account: Option<AccountData>,
    /// (id, slug) of the webinars registered for.
    pub webinars: Vec<(i64, String)>,
    pub registrations: Vec<RegistrationData>,
    pub progress: Vec<ProgressData>,
    pub certificates: Vec<CertificateData>,
    pub invitations: Vec<InvitationData>,
    pub mails: Vec<MailData>,
}

/// Everything stored about `email`, for the privacy export.
pub fn personal_data(conn: &mut DbConnection, email: &str) -> Result<PersonalData, DbError> {
    let e = email.to_lowercase();
    let account = account(conn, &e)?;
    let user_id = account.as_ref().map_or(-1, |a| a.id);
    let registrations = registrations(conn, &e)?;
    let ids: Vec<i64> = registrations.iter().map(|r| r.webinar_id).collect();
    Ok(PersonalData {
        account,
        webinars: webinars(conn, ids)?,
        registrations,
        progress: progress(conn, user_id)?,
        certificates: certificates(conn, user_id)?,
        invitations: invitations(conn, &e)?,
        mails: mails(conn, &e)?,
    })
}

fn account(conn: &mut DbConnection, e: &str) -> Result<Option<AccountData>, DbError> {
    Ok(users::table
        .filter(lower(users::email).eq(&e))
        .order(users::id)
        .select((
            users::id,
            users::email,
            users::full_name,
            users::role,
            users::locale,
            users::email_verified_at,
            users::consent_version,
            users::consent_at,
            users::created_at,
        ))
        .first(conn)
        .optional()?)
}

fn registrations(conn: &mut DbConnection, e: &str) -> Result<Vec<RegistrationData>, DbError> {
    Ok(registrations::table
        .inner_join(sessions::table)
        .filter(lower(registrations::email).eq(&e))
        .order(registrations::id)
        .select((
            registrations::id,
            registrations::session_id,
            sessions::webinar_id,
            sessions::starts_at,
            registrations::email,
            registrations::full_name,
            registrations::organisation,
            registrations::function,
            registrations::territory,
            registrations::country,
            registrations::locale,
            registrations::timezone,
            registrations::consent_version,
            registrations::consent_at,
            registrations::announcements,
            registrations::status,
            registrations::attended,
            registrations::join_clicked_at,
            registrations::created_at,
            registrations::confirmed_at,
            registrations::cancelled_at,
        ))
        .load(conn)?)
}

fn webinars(conn: &mut DbConnection, ids: Vec<i64>) -> Result<Vec<(i64, String)>, DbError> {
    Ok(webinars::table
        .filter(webinars::id.eq_any(ids))
        .select((webinars::id, webinars::slug))
        .load(conn)?)
}

fn progress(conn: &mut DbConnection, user_id: i64) -> Result<Vec<ProgressData>, DbError> {
    Ok(lesson_progress::table
        .filter(lesson_progress::user_id.eq(user_id))
        .order(lesson_progress::lesson_id)
        .select((
            lesson_progress::lesson_id,
            lesson_progress::watched_s,
            lesson_progress::position_s,
            lesson_progress::completed_at,
            lesson_progress::updated_at,
        ))
        .load(conn)?)
}

fn certificates(conn: &mut DbConnection, user_id: i64) -> Result<Vec<CertificateData>, DbError> {
    Ok(certificates::table
        .filter(certificates::user_id.eq(user_id))
        .select((
            certificates::code,
            certificates::module_id,
            certificates::full_name,
            certificates::issued_at,
        ))
        .load(conn)?)
}

fn invitations(conn: &mut DbConnection, e: &str) -> Result<Vec<InvitationData>, DbError> {
    Ok(invitations::table
        .filter(lower(invitations::email).eq(&e))
        .order(invitations::id)
        .select((
            invitations::campaign_id,
            invitations::email,
            invitations::full_name,
            invitations::organisation,
            invitations::country,
            invitations::locale,
            invitations::status,
            invitations::clicked_at,
            invitations::unsubscribed_at,
            invitations::created_at,
        ))
        .load(conn)?)
}

fn mails(conn: &mut DbConnection, e: &str) -> Result<Vec<MailData>, DbError> {
    Ok(outbox::table
        .filter(lower(outbox::recipient).eq(&e))
        .order(outbox::id)
        .select((
            outbox::id,
            outbox::kind,
            outbox::locale,
            outbox::status,
            outbox::created_at,
            outbox::sent_at,
        ))
        .load(conn)?)
}
