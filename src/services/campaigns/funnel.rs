//! The funnel of a campaign: each invitee from the mail to the replay, and the totals.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::db::campaigns::{self as q, Campaign, FunnelRegistration, Invitation};
use crate::db::{DbConnection, DbError, admin};
use crate::domain::Locale;

/// Funnel totals. `watched` counts invitees whose account has watched lesson videos:
/// replay viewing itself is not recorded per person.
#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct FunnelCounts {
    pub invited: usize,
    pub queued: usize,
    pub sent: usize,
    pub failed: usize,
    pub unsubscribed: usize,
    pub clicked: usize,
    pub registered: usize,
    pub confirmed: usize,
    pub attended: usize,
    pub watched: usize,
}

#[derive(Serialize, Clone, Debug)]
pub struct InviteeRow {
    pub id: i64,
    pub email: String,
    pub full_name: String,
    pub locale: Locale,
    pub organisation: String,
    pub country: String,
    /// `suppressed`, `pending`, `queued`, `sent`, `failed`, `unsubscribed`, `clicked`,
    /// `registered`, `confirmed`, `attended` or `watched`: the furthest stage reached.
    pub stage: &'static str,
    pub queued: bool,
    pub sent: bool,
    pub failed: bool,
    pub unsubscribed: bool,
    pub clicked: bool,
    pub registered: bool,
    pub confirmed: bool,
    pub attended: bool,
    pub watched: bool,
    pub reminded_at: Option<NaiveDateTime>,
}

impl InviteeRow {
    pub fn needs_reminder(&self) -> bool {
        self.queued && !self.registered && !self.unsubscribed && !self.failed
    }
}

#[derive(Serialize, Clone, Debug)]
pub struct Funnel {
    pub counts: FunnelCounts,
    pub invitees: Vec<InviteeRow>,
    /// Mails of the campaign not yet sent or failed (for the progress bar).
    pub in_flight: usize,
}

pub fn funnel(conn: &mut DbConnection, campaign_id: i64) -> Result<Funnel, DbError> {
    let campaign: Campaign = q::campaign(conn, campaign_id)?;
    let invitations = q::invitations_of(conn, campaign_id)?;
    let session_ids = match campaign.session_id {
        Some(id) => vec![id],
        None if campaign.whole_series => admin::series_session_ids(conn)?,
        None => vec![],
    };
    let registrations = Registrations::index(q::registrations_for(conn, &session_ids)?);
    let (mails, in_flight) = mail_states(q::campaign_mails(conn, campaign_id)?);
    let emails: Vec<String> = invitations.iter().map(|i| i.email.clone()).collect();
    let watchers: HashSet<String> = q::watcher_emails(conn, &emails)?
        .into_iter()
        .map(|e| e.to_lowercase())
        .collect();
    let mut counts = FunnelCounts {
        invited: invitations.len(),
        ..FunnelCounts::default()
    };
    let invitees = invitations
        .into_iter()
        .map(|inv| {
            let row = invitee_row(inv, &registrations, &mails, &watchers);
            counts.add(&row);
            row
        })
        .collect();
    Ok(Funnel {
        counts,
        invitees,
        in_flight,
    })
}

/// Registrations by invitation and by address, so a list of 10,000 invitees against
/// thousands of registrations stays linear.
struct Registrations {
    rows: Vec<FunnelRegistration>,
    by_invitation: HashMap<i64, Vec<usize>>,
    by_email: HashMap<String, Vec<usize>>,
}

impl Registrations {
    fn index(rows: Vec<FunnelRegistration>) -> Registrations {
        let mut by_invitation: HashMap<i64, Vec<usize>> = HashMap::new();
        let mut by_email: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            if let Some(inv) = r.invitation_id {
                by_invitation.entry(inv).or_default().push(i);
            }
            by_email.entry(r.email.to_lowercase()).or_default().push(i);
        }
        Registrations {
            rows,
            by_invitation,
            by_email,
        }
    }

    /// The registrations an invitation led to: by its id, or by the same address.
    fn of(&self, invitation_id: i64, email_key: &str) -> Vec<&FunnelRegistration> {
        let mut found: Vec<usize> = self
            .by_invitation
            .get(&invitation_id)
            .cloned()
            .unwrap_or_default();
        found.extend(self.by_email.get(email_key).into_iter().flatten());
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|i| &self.rows[i]).collect()
    }
}

/// Per invitation: (sent, failed) of its mails.
type MailStates = HashMap<i64, (bool, bool)>;

/// The state of each invitation's mails, and how many mails are still in flight.
fn mail_states(mails: Vec<(Option<i64>, String, String)>) -> (MailStates, usize) {
    let mut states = MailStates::new();
    let mut in_flight = 0;
    for (inv, status, _) in mails {
        in_flight += usize::from(matches!(status.as_str(), "queued" | "sending"));
        if let Some(inv) = inv {
            let e = states.entry(inv).or_default();
            e.0 |= status == "sent";
            e.1 |= status == "failed";
        }
    }
    (states, in_flight)
}

fn invitee_row(
    inv: Invitation,
    registrations: &Registrations,
    mails: &MailStates,
    watchers: &HashSet<String>,
) -> InviteeRow {
    let key = inv.email.to_lowercase();
    let regs = registrations.of(inv.id, &key);
    let (sent, failed) = mails.get(&inv.id).copied().unwrap_or_default();
    let mut row = InviteeRow {
        id: inv.id,
        stage: "pending",
        queued: inv.queued_at.is_some(),
        sent,
        failed: failed && !sent,
        unsubscribed: inv.unsubscribed_at.is_some(),
        clicked: inv.clicked_at.is_some(),
        registered: !regs.is_empty(),
        confirmed: regs.iter().any(|r| r.status == "confirmed"),
        attended: regs.iter().any(|r| r.attended),
        watched: watchers.contains(&key),
        reminded_at: inv.reminded_at,
        email: inv.email,
        full_name: inv.full_name,
        locale: inv.locale,
        organisation: inv.organisation,
        country: inv.country,
    };
    row.stage = stage(&row, &inv.status);
    row
}

impl FunnelCounts {
    fn add(&mut self, row: &InviteeRow) {
        self.queued += usize::from(row.queued);
        self.sent += usize::from(row.sent);
        self.failed += usize::from(row.failed);
        self.unsubscribed += usize::from(row.unsubscribed);
        self.clicked += usize::from(row.clicked);
        self.registered += usize::from(row.registered);
        self.confirmed += usize::from(row.confirmed);
        self.attended += usize::from(row.attended);
        self.watched += usize::from(row.watched);
    }
}

fn stage(r: &InviteeRow, status: &str) -> &'static str {
    if r.watched {
        "watched"
    } else if r.attended {
        "attended"
    } else if r.confirmed {
        "confirmed"
    } else if r.registered {
        "registered"
    } else if r.unsubscribed {
        "unsubscribed"
    } else if r.clicked {
        "clicked"
    } else if r.failed {
        "failed"
    } else if r.sent {
        "sent"
    } else if r.queued {
        "queued"
    } else if status == "suppressed" {
        "suppressed"
    } else {
        "pending"
    }
}
