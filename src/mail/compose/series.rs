//! Mails about a registration to the whole series: one mail lists every session, in the
//! registrant's language and time zone. A confirmed series gets one `.ics` attachment per
//! seat, each a complete iTIP REQUEST with the UID of that registration, rather than one
//! calendar object with several events: iTIP (RFC 5546) allows one UID per message and
//! common clients act only on the first event of a multi-event REQUEST. With the same UID,
//! a later cancellation, reschedule or reminder of one session updates the right event.

use fluent_bundle::FluentValue;

use super::registration::{Details, invite, join_url, link, load, when};
use super::{ComposeError, MailContext, Texts};
use crate::db::registration_groups as g;
use crate::db::{DbConnection, registrations as q};
use crate::domain::TimeZone;
use crate::i18n::format_datetime;
use crate::mail::MailKind;
use crate::mail::layout::{self, Block, Composed};
use crate::secrets::link_tokens::Purpose;

/// The session's time in its zone, and in the registrant's when it differs.
fn when_for(d: &Details, t: &Texts) -> String {
    let mut s = when(d, t.locale);
    if let Ok(zone) = TimeZone::parse(&d.r.timezone)
        && zone != d.session_zone
    {
        let at = d.starts_at.with_timezone(&zone.0);
        s.push_str(&format!(
            " — {} ({})",
            format_datetime(&at, t.locale),
            zone.name()
        ));
    }
    s
}

fn status_text(conn: &mut DbConnection, t: &Texts, d: &Details) -> Result<String, ComposeError> {
    Ok(match d.r.status.as_str() {
        "confirmed" => t.get("mail-series-status-confirmed"),
        "waitlisted" => t.with(
            "mail-series-status-waitlisted",
            &[("position", q::waitlist_position(conn, &d.r)?.into())],
        ),
        "cancelled" => t.get("mail-series-status-cancelled"),
        _ => t.get("mail-series-status-pending"),
    })
}

pub fn compose(
    conn: &mut DbConnection,
    t: &Texts,
    ctx: &MailContext,
    kind: &MailKind,
) -> Result<Composed, ComposeError> {
    let (group_id, listed) = match kind {
        MailKind::SeriesConfirm { group_id } | MailKind::SeriesConfirmed { group_id } => {
            (*group_id, None)
        }
        MailKind::SeriesCancelled {
            group_id,
            registration_ids,
        } => (*group_id, Some(registration_ids.clone())),
        other => {
            return Err(ComposeError::Invalid(format!(
                "{} is not a series mail",
                other.name()
            )));
        }
    };
    let seed = g::by_id(conn, group_id)?.token_seed;
    let ids = match listed {
        Some(ids) => ids,
        None => g::member_ids(conn, group_id)?,
    };
    let cancelling = matches!(kind, MailKind::SeriesCancelled { .. });
    let mut sessions = vec![];
    for r in q::by_ids(conn, &ids)? {
        if cancelling || r.status != "cancelled" {
            sessions.push(load(conn, r.id, t.locale)?);
        }
    }
    let Some(first) = sessions.first() else {
        return Err(ComposeError::Invalid(
            "no session left in the series".into(),
        ));
    };
    let name: FluentValue = first.r.full_name.clone().into();
    let series = crate::services::content::programme::series(conn, t.locale)?
        .map(|s| s.title)
        .unwrap_or_default();
    let subject = |key: &str| t.with(key, &[("series", series.clone().into())]);
    let body = |key: &str| t.with(key, &[("name", name.clone())]);
    let manage = (
        t.get("mail-manage-link"),
        link(
            ctx,
            t,
            &format!(
                "/registrations/{}",
                ctx.tokens.raw(Purpose::SeriesManage, group_id, &seed)
            ),
        ),
    );
    let mut facts = vec![];
    for d in &sessions {
        let mut value = when_for(d, t);
        if !matches!(kind, MailKind::SeriesConfirm { .. }) {
            value = format!("{value} — {}", status_text(conn, t, d)?);
        }
        facts.push((d.webinar.clone(), value));
    }
    let footer = t.footer();
    let mut composed = match kind {
        MailKind::SeriesConfirm { .. } => layout::compose(
            t.locale,
            subject("mail-series-confirm-subject"),
            &[
                Block::Paragraph(body("mail-series-confirm-body")),
                Block::Facts(facts),
                Block::Button(
                    t.get("mail-confirm-button"),
                    link(
                        ctx,
                        t,
                        &format!(
                            "/registrations/confirm/{}",
                            ctx.tokens.raw(Purpose::SeriesConfirm, group_id, &seed)
                        ),
                    ),
                ),
                Block::Note(format!(
                    "{} {}",
                    t.get("mail-confirm-expiry"),
                    t.get("mail-ignore-if-not-you")
                )),
            ],
            &footer,
        ),
        MailKind::SeriesConfirmed { .. } => {
            let mut links: Vec<(String, String)> = sessions
                .iter()
                .filter(|d| d.r.status == "confirmed")
                .map(|d| {
                    (
                        t.with("mail-series-join", &[("webinar", d.webinar.clone().into())]),
                        join_url(ctx, &d.r),
                    )
                })
                .collect();
            links.push(manage);
            layout::compose(
                t.locale,
                subject("mail-series-confirmed-subject"),
                &[
                    Block::Paragraph(body("mail-series-confirmed-body")),
                    Block::Facts(facts),
                    Block::Links(links),
                ],
                &footer,
            )
        }
        _ => layout::compose(
            t.locale,
            subject("mail-series-cancelled-subject"),
            &[
                Block::Paragraph(body("mail-series-cancelled-body")),
                Block::Facts(facts),
                Block::Links(vec![manage]),
            ],
            &footer,
        ),
    };
    let calendar: Vec<&Details> = sessions
        .iter()
        .filter(|d| cancelling || d.r.status == "confirmed")
        .collect();
    if !matches!(kind, MailKind::SeriesConfirm { .. }) {
        for (i, d) in calendar.iter().enumerate() {
            let mut a = invite(ctx, t, d, cancelling);
            a.filename = format!("invite-{}.ics", i + 1);
            composed.attachments.push(a);
        }
    }
    Ok(composed)
}
