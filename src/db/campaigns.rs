//! Invitation campaigns, their invitations and what the funnel counts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::Locale;

use super::schema::{campaigns, invitations, lesson_progress, outbox, registrations, users};
use super::{DbConnection, DbError};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = campaigns)]
pub struct Campaign {
    pub id: i64,
    pub name: String,
    pub session_id: Option<i64>,
    pub whole_series: bool,
    pub status: String,
    pub created_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    /// The validation report of the contact list (JSON), see `services::campaigns`.
    pub report: String,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = invitations)]
pub struct Invitation {
    pub id: i64,
    pub campaign_id: i64,
    pub email: String,
    pub full_name: String,
    pub locale: Locale,
    pub organisation: String,
    pub country: String,
    pub status: String,
    pub queued_at: Option<NaiveDateTime>,
    pub clicked_at: Option<NaiveDateTime>,
    pub unsubscribed_at: Option<NaiveDateTime>,
    pub reminded_at: Option<NaiveDateTime>,
}

pub struct NewInvitation<'a> {
    pub email: &'a str,
    pub full_name: &'a str,
    pub locale: &'a str,
    pub organisation: &'a str,
    pub country: &'a str,
    /// `pending` (to send) or `suppressed` (listed, never sent).
    pub status: &'a str,
}

pub fn insert_campaign(
    conn: &mut DbConnection,
    name: &str,
    session_id: Option<i64>,
    whole_series: bool,
    created_by: i64,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    Ok(diesel::insert_into(campaigns::table)
        .values((
            campaigns::name.eq(name),
            campaigns::session_id.eq(session_id),
            campaigns::whole_series.eq(whole_series),
            campaigns::status.eq("draft"),
            campaigns::created_by.eq(Some(created_by)),
            campaigns::created_at.eq(now),
        ))
        .returning(campaigns::id)
        .get_result(conn)?)
}

/// Inserts invitations; until sent, each has a placeholder hash that no link matches.
pub fn insert_invitations(
    conn: &mut DbConnection,
    campaign_id: i64,
    rows: &[NewInvitation],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    // One statement per row: batch inserts are not available over MultiConnection.
    for r in rows {
        diesel::insert_into(invitations::table)
            .values((
                invitations::campaign_id.eq(campaign_id),
                invitations::email.eq(r.email),
                invitations::full_name.eq(r.full_name),
                invitations::locale.eq(r.locale),
                invitations::organisation.eq(r.organisation),
                invitations::country.eq(r.country),
                invitations::token_hash.eq(format!("unsent:{}", uuid::Uuid::new_v4().simple())),
                invitations::status.eq(r.status),
                invitations::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn set_report(conn: &mut DbConnection, id: i64, report: &str) -> Result<(), DbError> {
    diesel::update(campaigns::table.find(id))
        .set(campaigns::report.eq(report))
        .execute(conn)?;
    Ok(())
}

/// True when some invitation of the campaign was queued (sent or being sent).
pub fn any_queued(conn: &mut DbConnection, campaign_id: i64) -> Result<bool, DbError> {
    let n: i64 = invitations::table
        .filter(invitations::campaign_id.eq(campaign_id))
        .filter(invitations::queued_at.is_not_null())
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Deletes a campaign and (by cascade) its invitations.
pub fn delete_campaign(conn: &mut DbConnection, id: i64) -> Result<(), DbError> {
    diesel::delete(invitations::table.filter(invitations::campaign_id.eq(id))).execute(conn)?;
    diesel::delete(campaigns::table.find(id)).execute(conn)?;
    Ok(())
}

pub fn campaign(conn: &mut DbConnection, id: i64) -> Result<Campaign, DbError> {
    Ok(campaigns::table
        .find(id)
        .select(Campaign::as_select())
        .first(conn)?)
}

pub fn all_campaigns(conn: &mut DbConnection) -> Result<Vec<Campaign>, DbError> {
    Ok(campaigns::table
        .order(campaigns::id.desc())
        .select(Campaign::as_select())
        .load(conn)?)
}

pub fn invitations_of(
    conn: &mut DbConnection,
    campaign_id: i64,
) -> Result<Vec<Invitation>, DbError> {
    Ok(invitations::table
        .filter(invitations::campaign_id.eq(campaign_id))
        .order(invitations::id)
        .select(Invitation::as_select())
        .load(conn)?)
}

/// The name of the first invitee of a campaign who reads `locale` (for previews).
pub fn first_name_in(
    conn: &mut DbConnection,
    campaign_id: i64,
    locale: &str,
) -> Result<Option<String>, DbError> {
    Ok(invitations::table
        .filter(invitations::campaign_id.eq(campaign_id))
        .filter(invitations::locale.eq(locale))
        .filter(invitations::full_name.ne(""))
        .order(invitations::id)
        .select(invitations::full_name)
        .first(conn)
        .optional()?)
}

pub fn invitation(conn: &mut DbConnection, id: i64) -> Result<Invitation, DbError> {
    Ok(invitations::table
        .find(id)
        .select(Invitation::as_select())
        .first(conn)?)
}

pub fn invitation_by_token(
    conn: &mut DbConnection,
    token_hash: &str,
) -> Result<Option<Invitation>, DbError> {
    Ok(invitations::table
        .filter(invitations::token_hash.eq(token_hash))
        .select(Invitation::as_select())
        .first(conn)
        .optional()?)
}

pub fn invitation_by_unsubscribe_token(
    conn: &mut DbConnection,
    token_hash: &str,
) -> Result<Option<Invitation>, DbError> {
    Ok(invitations::table
        .filter(invitations::unsubscribe_token_hash.eq(token_hash))
        .select(Invitation::as_select())
        .first(conn)
        .optional()?)
}

/// Gives a pending invitation its link tokens and marks it queued; false when another
/// request queued it first (so a double send queues nothing twice).
pub fn mark_queued(
    conn: &mut DbConnection,
    id: i64,
    token_hash: &str,
    unsubscribe_hash: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let n = diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::status.eq("pending")),
    )
    .set((
        invitations::token_hash.eq(token_hash),
        invitations::unsubscribe_token_hash.eq(Some(unsubscribe_hash)),
        invitations::status.eq("queued"),
        invitations::queued_at.eq(Some(now)),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// An invitation about to be queued: its id and the hashes of its two link tokens.
pub struct Queued {
    pub id: i64,
    pub token_hash: String,
    pub unsubscribe_hash: String,
}

/// Marks invitations queued with their token hashes; returns the ids changed (those
/// still pending). PostgreSQL: one statement per thousand (a round trip per invitee
/// made a 10,000-invitee campaign take seconds); SQLite: in-process, row by row.
pub fn mark_queued_many(
    conn: &mut DbConnection,
    rows: &[Queued],
    now: NaiveDateTime,
) -> Result<Vec<i64>, DbError> {
    use diesel::sql_types::{Array, BigInt, Text, Timestamp};
    #[derive(QueryableByName)]
    struct Changed {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let DbConnection::Pg(pg) = conn else {
        let mut changed = Vec::with_capacity(rows.len());
        for r in rows {
            if mark_queued(conn, r.id, &r.token_hash, &r.unsubscribe_hash, now)? {
                changed.push(r.id);
            }
        }
        return Ok(changed);
    };
    let mut changed = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(1000) {
        let ids: Vec<i64> = chunk.iter().map(|r| r.id).collect();
        let tokens: Vec<&str> = chunk.iter().map(|r| r.token_hash.as_str()).collect();
        let unsubscribe: Vec<&str> = chunk.iter().map(|r| r.unsubscribe_hash.as_str()).collect();
        let rows: Vec<Changed> = diesel::sql_query(
            "UPDATE invitations AS i SET token_hash = v.token_hash, \
             unsubscribe_token_hash = v.unsubscribe_hash, status = 'queued', queued_at = $4 \
             FROM unnest($1::bigint[], $2::text[], $3::text[]) AS v(id, token_hash, unsubscribe_hash) \
             WHERE i.id = v.id AND i.status = 'pending' RETURNING i.id",
        )
        .bind::<Array<BigInt>, _>(&ids)
        .bind::<Array<Text>, _>(&tokens)
        .bind::<Array<Text>, _>(&unsubscribe)
        .bind::<Timestamp, _>(now)
        .load(pg)?;
        changed.extend(rows.into_iter().map(|r| r.id));
    }
    Ok(changed)
}

pub fn mark_reminded(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(invitations::table.find(id))
        .set(invitations::reminded_at.eq(Some(now)))
        .execute(conn)?;
    Ok(())
}

pub fn mark_campaign_sent(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(
        campaigns::table
            .find(id)
            .filter(campaigns::sent_at.is_null()),
    )
    .set((
        campaigns::status.eq("sent"),
        campaigns::sent_at.eq(Some(now)),
    ))
    .execute(conn)?;
    Ok(())
}

/// Records the first opening of the link.
pub fn mark_clicked(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::clicked_at.is_null()),
    )
    .set(invitations::clicked_at.eq(Some(now)))
    .execute(conn)?;
    Ok(())
}

pub fn mark_unsubscribed(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::unsubscribed_at.is_null()),
    )
    .set(invitations::unsubscribed_at.eq(Some(now)))
    .execute(conn)?;
    Ok(())
}

/// (invitation id, outbox status, payload) of every mail of a campaign, oldest first.
pub fn campaign_mails(
    conn: &mut DbConnection,
    campaign_id: i64,
) -> Result<Vec<(Option<i64>, String, String)>, DbError> {
    Ok(outbox::table
        .filter(outbox::campaign_id.eq(campaign_id))
        .order(outbox::id)
        .select((outbox::invitation_id, outbox::status, outbox::payload))
        .load(conn)?)
}

/// A registration as the funnel sees it.
#[derive(Queryable, Clone, Debug)]
pub struct FunnelRegistration {
    pub invitation_id: Option<i64>,
    pub email: String,
    pub status: String,
    pub attended: bool,
}

pub fn registrations_for(
    conn: &mut DbConnection,
    session_ids: &[i64],
) -> Result<Vec<FunnelRegistration>, DbError> {
    Ok(registrations::table
        .filter(registrations::session_id.eq_any(session_ids))
        .select((
            registrations::invitation_id,
            registrations::email,
            registrations::status,
            registrations::attended,
        ))
        .load(conn)?)
}

/// Addresses (as stored) of accounts that have watched some lesson video.
pub fn watcher_emails(conn: &mut DbConnection, emails: &[String]) -> Result<Vec<String>, DbError> {
    let mut out = Vec::new();
    for chunk in emails.chunks(500) {
        let mut found: Vec<String> = users::table
            .inner_join(lesson_progress::table)
            .filter(users::email.eq_any(chunk))
            .filter(lesson_progress::watched_s.gt(0))
            .select(users::email)
            .distinct()
            .load(conn)?;
        out.append(&mut found);
    }
    Ok(out)
}

/// Locks the campaign row (PostgreSQL; on SQLite the caller's `write_transaction` holds
/// the database's write lock), so that two concurrent sends of one campaign run one
/// after the other.
pub fn lock_campaign(conn: &mut DbConnection, id: i64) -> Result<(), DbError> {
    diesel::update(campaigns::table.find(id))
        .set(campaigns::status.eq(campaigns::status))
        .execute(conn)?;
    Ok(())
}
