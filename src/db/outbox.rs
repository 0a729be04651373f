//! The mail outbox: every email is a row, written in the same transaction as the change
//! that causes it. The worker claims, sends and marks rows; none is deleted unsent.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::schema::outbox;
use super::{DbConnection, DbError};

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewRow<'a> {
    kind: &'a str,
    recipient: &'a str,
    locale: &'a str,
    payload: &'a str,
    status: &'a str,
    next_attempt_at: NaiveDateTime,
    campaign_id: Option<i64>,
    invitation_id: Option<i64>,
    created_at: NaiveDateTime,
}

/// A mail to send: `payload` is the JSON of a `mail::MailKind`.
pub struct NewMail<'a> {
    pub kind: &'a str,
    pub recipient: &'a str,
    pub locale: &'a str,
    pub payload: String,
    pub campaign_id: Option<i64>,
    pub invitation_id: Option<i64>,
}

/// Queues one mail; call it inside the transaction of the change that causes it.
pub fn enqueue(conn: &mut DbConnection, mail: &NewMail) -> Result<(), DbError> {
    let now = Utc::now().naive_utc();
    diesel::insert_into(outbox::table)
        .values(NewRow {
            kind: mail.kind,
            recipient: mail.recipient,
            locale: mail.locale,
            payload: &mail.payload,
            status: "queued",
            next_attempt_at: now,
            campaign_id: mail.campaign_id,
            invitation_id: mail.invitation_id,
            created_at: now,
        })
        .execute(conn)?;
    Ok(())
}
