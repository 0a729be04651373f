//! Invitation campaign mail: in the invitee's language, with the webinar title, the
//! session date in the session's zone, a personal link and one-click unsubscribe.

use chrono::{TimeZone as _, Utc};

use super::{ComposeError, MailContext, Texts, titles};
use crate::db::campaigns::Campaign;
use crate::db::{DbConnection, admin, campaigns};
use crate::i18n::{Arg, format_datetime, zone_name};
use crate::mail::layout::{self, Block, Composed};

/// The raw tokens of an invitee's links, and whether this is the reminder.
pub struct Links<'a> {
    pub token: &'a str,
    pub unsubscribe_token: &'a str,
    pub reminder: bool,
}

pub fn compose(
    conn: &mut DbConnection,
    t: &Texts,
    ctx: &MailContext,
    invitation_id: i64,
    links: &Links,
) -> Result<Composed, ComposeError> {
    let inv = campaigns::invitation(conn, invitation_id)?;
    let campaign = campaigns::campaign(conn, inv.campaign_id)?;
    compose_for(conn, t, ctx, &campaign, &inv.full_name, links)
}

/// The invitation of `campaign` for an invitee called `full_name` (empty: a polite
/// greeting without a name).
pub fn compose_for(
    conn: &mut DbConnection,
    t: &Texts,
    ctx: &MailContext,
    campaign: &Campaign,
    full_name: &str,
    links: &Links,
) -> Result<Composed, ComposeError> {
    let (token, unsubscribe_token, reminder) =
        (links.token, links.unsubscribe_token, links.reminder);
    let (title, facts) = match campaign.session_id {
        Some(session_id) => {
            let s = admin::session_by_id(conn, session_id)?;
            let title = titles::webinar(conn, t.locale, s.webinar_id)?;
            let zone = s.timezone;
            let at = Utc.from_utc_datetime(&s.starts_at).with_timezone(&zone.0);
            let when = format!(
                "{} ({})",
                format_datetime(&at, t.locale),
                zone_name(zone, t.locale)
            );
            let facts = vec![
                (t.get("mail-fact-when"), when),
                (
                    t.get("mail-fact-duration"),
                    t.with(
                        "mail-fact-duration-value",
                        &[("minutes", Arg::from(s.duration_minutes))],
                    ),
                ),
            ];
            (title, facts)
        }
        None => (titles::series(conn, t.locale)?, vec![]),
    };
    let name = if full_name.is_empty() {
        t.get("mail-invitation-no-name")
    } else {
        full_name.to_owned()
    };
    let subject_id = if reminder {
        "mail-invitation-reminder-subject"
    } else {
        "mail-invitation-subject"
    };
    let subject = t.with(subject_id, &[("webinar", Arg::from(title.as_str()))]);
    let link = format!("{}/{}/invitations/{token}", ctx.public_url, t.locale);
    let mut blocks = vec![Block::Paragraph(t.with(
        "mail-invitation-body",
        &[
            ("name", Arg::from(name.as_str())),
            ("webinar", Arg::from(title.as_str())),
        ],
    ))];
    if !facts.is_empty() {
        blocks.push(Block::Facts(facts));
    }
    blocks.push(Block::Button(t.get("mail-invitation-button"), link));
    let unsubscribe_url = format!("{}/unsubscribe/{unsubscribe_token}", ctx.public_url);
    blocks.push(Block::Links(vec![(
        t.get("mail-invitation-unsubscribe"),
        unsubscribe_url.clone(),
    )]));
    let mut composed = layout::compose(t.locale, subject, &blocks, &t.footer());
    composed.unsubscribe_url = Some(unsubscribe_url);
    Ok(composed)
}
