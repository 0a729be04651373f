//! Invitation campaigns: a contact list becomes invitations; sending queues one mail per
//! invitation (idempotent); the funnel follows each invitee from the mail to the replay.

pub mod announcement_rows;
pub mod announcements;
pub mod contacts;
pub mod drafts;
pub mod funnel;
pub mod lookup;

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::db::campaigns::{self as q, Campaign, Invitation, NewInvitation};
use crate::db::{DbConnection, DbError, admin, outbox, suppressions};
use crate::domain::{EmailAddress, Locale};
use crate::mail::MailKind;
use crate::mail::kinds::{enqueue_for, outbox_row};

use crate::secrets::tokens;
use contacts::{ContactFile, ContactList, ListError};

#[derive(Clone, Copy, Debug)]
pub enum Target {
    Session(i64),
    Series,
}

#[derive(Debug, thiserror::Error)]
pub enum CampaignError {
    #[error("contact list: {0}")]
    List(#[from] ListError),
    #[error("unknown session")]
    UnknownSession,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// What became of each row of the uploaded list (kept with the campaign as JSON).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Report {
    pub valid: usize,
    /// (line, Fluent id of the reason)
    pub invalid: Vec<(u64, String)>,
    pub duplicates: usize,
    pub duplicate_lines: Vec<u64>,
    /// (line, address) of valid rows whose address must not be mailed.
    pub suppressed: Vec<(u64, String)>,
}

pub fn create(
    conn: &mut DbConnection,
    actor: i64,
    name: &str,
    target: Target,
    contacts: &ContactFile,
    default_locale: Locale,
) -> Result<(i64, Report), CampaignError> {
    let list: ContactList = contacts::parse(contacts, default_locale)?;
    let name = &contacts::plain_text(name);
    crate::db::write_transaction(conn, |conn| {
        let (session_id, series) = match target {
            Target::Session(id) => {
                admin::session_by_id(conn, id).map_err(|e| {
                    if e.is_not_found() {
                        CampaignError::UnknownSession
                    } else {
                        e.into()
                    }
                })?;
                (Some(id), false)
            }
            Target::Series => (None, true),
        };
        let now = Utc::now().naive_utc();
        let id = q::insert_campaign(conn, name, session_id, series, actor, now)?;
        let report = insert_invitations(conn, id, &list, now)?;
        let detail = format!(
            "valid={} invalid={} duplicates={} suppressed={}",
            report.valid,
            report.invalid.len(),
            report.duplicates,
            report.suppressed.len()
        );
        admin::audit(
            conn,
            actor,
            "campaign.create",
            &format!("campaign:{id}"),
            &detail,
        )?;
        Ok((id, report))
    })
}

/// One invitation per valid contact (suppressed addresses kept as such, never mailed),
/// and the report of the list, stored with the campaign.
fn insert_invitations(
    conn: &mut DbConnection,
    campaign_id: i64,
    list: &ContactList,
    now: NaiveDateTime,
) -> Result<Report, DbError> {
    let emails: Vec<&str> = list.contacts.iter().map(|c| c.email.as_str()).collect();
    let suppressed_hashes = suppressions::suppressed_among(conn, &emails)?;
    let mut report = Report {
        valid: list.contacts.len(),
        invalid: list
            .invalid
            .iter()
            .map(|b| (b.line, b.reason.to_owned()))
            .collect(),
        duplicates: list.duplicate_lines.len(),
        duplicate_lines: list.duplicate_lines.clone(),
        suppressed: vec![],
    };
    let rows: Vec<NewInvitation> = list
        .contacts
        .iter()
        .map(|c| {
            let suppressed =
                suppressed_hashes.contains(&suppressions::email_hash(c.email.as_str()));
            if suppressed {
                report
                    .suppressed
                    .push((c.line, c.email.as_str().to_owned()));
            }
            NewInvitation {
                email: c.email.as_str(),
                full_name: &c.name,
                locale: c.locale.code(),
                organisation: &c.organisation,
                country: &c.country,
                status: if suppressed { "suppressed" } else { "pending" },
            }
        })
        .collect();
    q::insert_invitations(conn, campaign_id, &rows, now)?;
    q::set_report(
        conn,
        campaign_id,
        &serde_json::to_string(&report).expect("a report serialises"),
    )?;
    Ok(report)
}

/// Queues the invitation of every pending invitee, each with its outbox row, in one
/// transaction. Sending again queues nothing more. Returns how many were queued.
pub fn send(conn: &mut DbConnection, actor: i64, campaign_id: i64) -> Result<usize, DbError> {
    crate::db::write_transaction(conn, |conn| {
        q::lock_campaign(conn, campaign_id)?;
        q::campaign(conn, campaign_id)?;
        let now = Utc::now().naive_utc();
        let pending: Vec<Invitation> = q::invitations_of(conn, campaign_id)?
            .into_iter()
            .filter(|i| i.status == "pending")
            .collect();
        let emails: Vec<&str> = pending.iter().map(|i| i.email.as_str()).collect();
        let suppressed: HashSet<String> = suppressions::reasons(conn, &emails)?
            .into_iter()
            .map(|(h, _)| h)
            .collect();
        // Tokens first, then one batched UPDATE and INSERT for all (see mark_queued_many).
        let mut marks = Vec::with_capacity(pending.len());
        let mut mails = Vec::with_capacity(pending.len());
        for inv in &pending {
            let Ok(to) = EmailAddress::parse(&inv.email) else {
                continue;
            };
            if suppressed.contains(&suppressions::email_hash(&inv.email)) {
                continue; // the worker would refuse it too; it stays pending
            }
            let (token, token_hash) = tokens::new_token();
            let (unsubscribe_token, unsubscribe_hash) = tokens::new_token();
            marks.push(q::Queued {
                id: inv.id,
                token_hash,
                unsubscribe_hash,
            });
            let locale = inv.locale;
            let mail = MailKind::Invitation {
                invitation_id: inv.id,
                token,
                unsubscribe_token,
                reminder: false,
            };
            mails.push((inv.id, to, locale, mail));
        }
        let changed: HashSet<i64> = q::mark_queued_many(conn, &marks, now)?
            .into_iter()
            .collect();
        let rows: Vec<_> = mails
            .iter()
            .filter(|(id, ..)| changed.contains(id))
            .map(|(id, to, locale, mail)| {
                outbox_row(to, *locale, mail, Some(campaign_id), Some(*id))
            })
            .collect();
        outbox::enqueue_many(conn, &rows)?;
        let queued = rows.len();
        q::mark_campaign_sent(conn, campaign_id, now)?;
        admin::audit(
            conn,
            actor,
            "campaign.send",
            &format!("campaign:{campaign_id}"),
            &format!("queued={queued}"),
        )?;
        Ok(queued)
    })
}

/// Queues a reminder to the invitees who have neither registered nor unsubscribed and
/// whose invitation did not fail. Their links stay the same as in the first mail.
pub fn remind(conn: &mut DbConnection, actor: i64, campaign_id: i64) -> Result<usize, DbError> {
    crate::db::write_transaction(conn, |conn| {
        q::lock_campaign(conn, campaign_id)?;
        let funnel = funnel::funnel(conn, campaign_id)?;
        let mails = q::campaign_mails(conn, campaign_id)?;
        let mut first_mail: HashMap<i64, MailKind> = HashMap::new();
        for (inv, _, payload) in mails {
            if let (Some(inv), Ok(kind)) = (inv, serde_json::from_str::<MailKind>(&payload)) {
                first_mail.entry(inv).or_insert(kind);
            }
        }
        let now = Utc::now().naive_utc();
        let mut queued = 0;
        for row in funnel.invitees.iter().filter(|r| r.needs_reminder()) {
            let Some(MailKind::Invitation {
                token,
                unsubscribe_token,
                ..
            }) = first_mail.get(&row.id)
            else {
                continue;
            };
            let Ok(to) = EmailAddress::parse(&row.email) else {
                continue;
            };
            let mail = MailKind::Invitation {
                invitation_id: row.id,
                token: token.clone(),
                unsubscribe_token: unsubscribe_token.clone(),
                reminder: true,
            };
            let locale = row.locale;
            enqueue_for(conn, &to, locale, &mail, Some(campaign_id), Some(row.id))?;
            q::mark_reminded(conn, row.id, now)?;
            queued += 1;
        }
        admin::audit(
            conn,
            actor,
            "campaign.remind",
            &format!("campaign:{campaign_id}"),
            &format!("queued={queued}"),
        )?;
        Ok(queued)
    })
}

/// What the invitation page shows: the invitee and the session(s) they are invited to.
pub struct Opened {
    pub invitation: Invitation,
    pub campaign: Campaign,
}

/// Opens an invitation link: records the first click.
pub fn open(conn: &mut DbConnection, raw_token: &str) -> Result<Option<Opened>, DbError> {
    if !tokens::looks_valid(raw_token) {
        return Ok(None);
    }
    let Some(invitation) = q::invitation_by_token(conn, &tokens::hash(raw_token))? else {
        return Ok(None);
    };
    q::mark_clicked(conn, invitation.id, Utc::now().naive_utc())?;
    let campaign = q::campaign(conn, invitation.campaign_id)?;
    Ok(Some(Opened {
        invitation,
        campaign,
    }))
}

/// The invitation an unsubscribe link belongs to.
pub fn by_unsubscribe_token(
    conn: &mut DbConnection,
    raw_token: &str,
) -> Result<Option<Invitation>, DbError> {
    if !tokens::looks_valid(raw_token) {
        return Ok(None);
    }
    q::invitation_by_unsubscribe_token(conn, &tokens::hash(raw_token))
}

/// One-click unsubscribe: the invitation is marked and the address suppressed.
pub fn unsubscribe(
    conn: &mut DbConnection,
    raw_token: &str,
) -> Result<Option<Invitation>, DbError> {
    crate::db::write_transaction(conn, |conn| {
        let Some(inv) = by_unsubscribe_token(conn, raw_token)? else {
            return Ok(None);
        };
        let now = Utc::now().naive_utc();
        q::mark_unsubscribed(conn, inv.id, now)?;
        suppressions::add(conn, &inv.email, "unsubscribe", now)?;
        Ok(Some(inv))
    })
}

/// The validation report stored with a campaign (empty for campaigns made before it was
/// kept).
pub fn stored_report(campaign: &Campaign) -> Report {
    serde_json::from_str(&campaign.report).unwrap_or_default()
}
