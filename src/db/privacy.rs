//! Personal data of one address: the mailed links that give access to it, everything
//! exported, and erasure (registrations and invitations anonymised so counts stay
//! right, the account deleted, mail rows scrubbed). Used by the retention job too.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::schema::{
    certificates, invitations, lesson_progress, outbox, privacy_requests, registration_groups,
    registrations, sessions, users, webinars,
};
use super::{DbConnection, DbError};

diesel::define_sql_function! {
    /// SQL `lower()`, the same on SQLite and PostgreSQL.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// The domain that marks an anonymised address (`.invalid` never resolves, RFC 2606).
pub const ERASED_DOMAIN: &str = "@erased.invalid";

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = privacy_requests)]
pub struct PrivacyRequest {
    pub id: i64,
    pub email: String,
    pub locale: String,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

pub fn insert_request(
    conn: &mut DbConnection,
    email: &str,
    locale: &str,
    token_hash: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(privacy_requests::table)
        .values((
            privacy_requests::email.eq(email),
            privacy_requests::locale.eq(locale),
            privacy_requests::token_hash.eq(token_hash),
            privacy_requests::expires_at.eq(expires_at),
            privacy_requests::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn request_by_hash(
    conn: &mut DbConnection,
    token_hash: &str,
) -> Result<Option<PrivacyRequest>, DbError> {
    Ok(privacy_requests::table
        .filter(privacy_requests::token_hash.eq(token_hash))
        .select(PrivacyRequest::as_select())
        .first(conn)
        .optional()?)
}

pub fn mark_request_used(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(privacy_requests::table.find(id))
        .set(privacy_requests::used_at.eq(Some(now)))
        .execute(conn)?;
    Ok(())
}

/// Deletes the requests of an address (after erasure) or those expired before `before`.
pub fn delete_requests(
    conn: &mut DbConnection,
    email: Option<&str>,
    before: NaiveDateTime,
) -> Result<usize, DbError> {
    Ok(match email {
        Some(e) => diesel::delete(
            privacy_requests::table.filter(lower(privacy_requests::email).eq(e.to_lowercase())),
        )
        .execute(conn)?,
        None => {
            diesel::delete(privacy_requests::table.filter(privacy_requests::expires_at.lt(before)))
                .execute(conn)?
        }
    })
}

/// True when Convive holds anything about the address.
pub fn has_data(conn: &mut DbConnection, email: &str) -> Result<bool, DbError> {
    let e = email.to_lowercase();
    let regs: i64 = registrations::table
        .filter(lower(registrations::email).eq(&e))
        .count()
        .get_result(conn)?;
    let accounts: i64 = users::table
        .filter(lower(users::email).eq(&e))
        .count()
        .get_result(conn)?;
    let invited: i64 = invitations::table
        .filter(lower(invitations::email).eq(&e))
        .count()
        .get_result(conn)?;
    Ok(regs + accounts + invited > 0)
}

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

pub fn personal_data(conn: &mut DbConnection, email: &str) -> Result<PersonalData, DbError> {
    let e = email.to_lowercase();
    let account: Option<AccountData> = users::table
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
        .optional()?;
    let user_id = account.as_ref().map_or(-1, |a| a.id);
    let registrations: Vec<RegistrationData> = registrations::table
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
        .load(conn)?;
    let ids: Vec<i64> = registrations.iter().map(|r| r.webinar_id).collect();
    let webinars = webinars::table
        .filter(webinars::id.eq_any(ids))
        .select((webinars::id, webinars::slug))
        .load(conn)?;
    let progress = lesson_progress::table
        .filter(lesson_progress::user_id.eq(user_id))
        .order(lesson_progress::lesson_id)
        .select((
            lesson_progress::lesson_id,
            lesson_progress::watched_s,
            lesson_progress::position_s,
            lesson_progress::completed_at,
            lesson_progress::updated_at,
        ))
        .load(conn)?;
    let certificates = certificates::table
        .filter(certificates::user_id.eq(user_id))
        .select((
            certificates::code,
            certificates::module_id,
            certificates::full_name,
            certificates::issued_at,
        ))
        .load(conn)?;
    let invitations = invitations::table
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
        .load(conn)?;
    let mails = outbox::table
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
        .load(conn)?;
    Ok(PersonalData {
        account,
        webinars,
        registrations,
        progress,
        certificates,
        invitations,
        mails,
    })
}

/// A registration of the address: (id, session id, status, session start).
pub fn registrations_of(
    conn: &mut DbConnection,
    email: &str,
) -> Result<Vec<(i64, i64, String, NaiveDateTime)>, DbError> {
    Ok(registrations::table
        .inner_join(sessions::table)
        .filter(lower(registrations::email).eq(email.to_lowercase()))
        .select((
            registrations::id,
            registrations::session_id,
            registrations::status,
            sessions::starts_at,
        ))
        .load(conn)?)
}

fn erased_address(prefix: &str, id: i64) -> String {
    format!("erased-{prefix}{id}{ERASED_DOMAIN}")
}

/// Removes what identifies a person from a registration; its session, status, function
/// and country stay for the counts. Its links stop working (fresh random hashes).
pub fn anonymise_registration(conn: &mut DbConnection, id: i64) -> Result<(), DbError> {
    // Not hex, so no token's hash can ever match them again.
    diesel::update(registrations::table.find(id))
        .set((
            registrations::email.eq(erased_address("r", id)),
            registrations::full_name.eq(""),
            registrations::organisation.eq(""),
            registrations::territory.eq(""),
            registrations::confirm_token_hash.eq(None::<String>),
            registrations::manage_token_hash.eq(format!("erased-manage-{id}")),
            registrations::join_token_hash.eq(format!("erased-join-{id}")),
        ))
        .execute(conn)?;
    Ok(())
}

/// Anonymises the series registrations of an address (their member rows stay, so the
/// sessions keep their counts); their links stop working.
pub fn anonymise_registration_groups(
    conn: &mut DbConnection,
    email: &str,
) -> Result<usize, DbError> {
    let ids: Vec<i64> = registration_groups::table
        .filter(lower(registration_groups::email).eq(email.to_lowercase()))
        .select(registration_groups::id)
        .load(conn)?;
    for id in &ids {
        diesel::update(registration_groups::table.find(id))
            .set((
                registration_groups::email.eq(erased_address("g", *id)),
                registration_groups::confirm_token_hash.eq(format!("erased-confirm-{id}")),
                registration_groups::manage_token_hash.eq(format!("erased-manage-{id}")),
            ))
            .execute(conn)?;
    }
    Ok(ids.len())
}

/// Anonymises the invitations of an address (the campaign funnel keeps its counts).
pub fn anonymise_invitations(conn: &mut DbConnection, email: &str) -> Result<usize, DbError> {
    let ids: Vec<i64> = invitations::table
        .filter(lower(invitations::email).eq(email.to_lowercase()))
        .select(invitations::id)
        .load(conn)?;
    for id in &ids {
        diesel::update(invitations::table.find(id))
            .set((
                invitations::email.eq(erased_address("i", *id)),
                invitations::full_name.eq(""),
                invitations::organisation.eq(""),
                invitations::token_hash.eq(format!("erased-{id}")),
                invitations::unsubscribe_token_hash.eq(None::<String>),
            ))
            .execute(conn)?;
    }
    Ok(ids.len())
}

/// Mail rows of an address: unsent ones will never go, and none keeps the address or
/// its content.
pub fn scrub_mail_of(conn: &mut DbConnection, email: &str) -> Result<usize, DbError> {
    let mine = lower(outbox::recipient).eq(email.to_lowercase());
    diesel::update(
        outbox::table
            .filter(mine.clone())
            .filter(outbox::status.eq_any(["queued", "sending"])),
    )
    .set((
        outbox::status.eq("failed"),
        outbox::last_error.eq(Some("erased on request")),
        outbox::locked_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(diesel::update(outbox::table.filter(mine))
        .set((outbox::recipient.eq(""), outbox::payload.eq("{}")))
        .execute(conn)?)
}

/// The account id of an address, if it has one.
pub fn account_of(conn: &mut DbConnection, email: &str) -> Result<Option<i64>, DbError> {
    Ok(users::table
        .filter(lower(users::email).eq(email.to_lowercase()))
        .select(users::id)
        .first(conn)
        .optional()?)
}
