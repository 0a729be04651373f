//! Mails about a registration to the whole series: one mail lists every session, in the
//! registrant's language and time zone. A confirmed series gets one `.ics` attachment per
//! seat, each a complete iTIP REQUEST with the UID of that registration, rather than one
//! calendar object with several events: iTIP (RFC 5546) allows one UID per message and
//! common clients act only on the first event of a multi-event REQUEST. With the same UID,
//! a later cancellation, reschedule or reminder of one session updates the right event.

use super::session_details::{Details, invite, join_url, link, load, when};
use super::{ComposeError, MailContext, Texts, titles};
use crate::db::registration_groups as g;
use crate::db::{DbConnection, registrations as q};
use crate::domain::registration::Status;
use crate::i18n::{format_datetime, zone_name};
use crate::mail::MailKind;
use crate::mail::layout::{self, Block, Composed};
use crate::secrets::link_tokens::Purpose;

pub fn compose(
    conn: &mut DbConnection,
    t: &Texts,
    ctx: &MailContext,
    kind: &MailKind,
) -> Result<Composed, ComposeError> {
    let (group_id, listed) = group_of(kind)?;
    let seed = g::by_id(conn, group_id)?.token_seed;
    let cancelling = matches!(kind, MailKind::SeriesCancelled { .. });
    let sessions = sessions_of(conn, t, group_id, listed, cancelling)?;
    let Some(first) = sessions.first() else {
        return Err(ComposeError::Invalid(
            "no session left in the series".into(),
        ));
    };
    let mail = SeriesMail {
        t,
        ctx,
        series: titles::series(conn, t.locale)?,
        full_name: &first.r.full_name,
        manage: (
            t.get("mail-manage-link"),
            series_link(
                ctx,
                t,
                "/registrations/",
                Purpose::SeriesManage,
                group_id,
                &seed,
            ),
        ),
    };
    let with_status = !matches!(kind, MailKind::SeriesConfirm { .. });
    let facts = facts(conn, t, &sessions, with_status)?;
    let mut composed = match kind {
        MailKind::SeriesConfirm { .. } => mail.confirm(facts, group_id, &seed),
        MailKind::SeriesConfirmed { .. } => mail.confirmed(facts, &sessions),
        _ => mail.cancelled(facts),
    };
    if with_status {
        attach_invites(&mut composed, ctx, t, &sessions, cancelling);
    }
    Ok(composed)
}

/// The group a series mail is about, and the registrations it names when they are given
/// (a cancellation lists the seats it cancelled).
fn group_of(kind: &MailKind) -> Result<(i64, Option<Vec<i64>>), ComposeError> {
    match kind {
        MailKind::SeriesConfirm { group_id } | MailKind::SeriesConfirmed { group_id } => {
            Ok((*group_id, None))
        }
        MailKind::SeriesCancelled {
            group_id,
            registration_ids,
        } => Ok((*group_id, Some(registration_ids.clone()))),
        other => Err(ComposeError::Invalid(format!(
            "{} is not a series mail",
            other.name()
        ))),
    }
}

/// The group's registrations with their sessions; cancelled ones only in a cancellation.
fn sessions_of(
    conn: &mut DbConnection,
    t: &Texts,
    group_id: i64,
    listed: Option<Vec<i64>>,
    cancelling: bool,
) -> Result<Vec<Details>, ComposeError> {
    let ids = match listed {
        Some(ids) => ids,
        None => g::member_ids(conn, group_id)?,
    };
    let mut sessions = vec![];
    for r in q::by_ids(conn, &ids)? {
        if cancelling || r.status != Status::Cancelled {
            sessions.push(load(conn, r.id, t.locale)?);
        }
    }
    Ok(sessions)
}

/// One line per session: its time and, after the confirmation, the seat's status.
fn facts(
    conn: &mut DbConnection,
    t: &Texts,
    sessions: &[Details],
    with_status: bool,
) -> Result<Vec<(String, String)>, ComposeError> {
    let mut facts = vec![];
    for d in sessions {
        let mut value = when_for(d, t);
        if with_status {
            value = format!("{value} — {}", status_text(conn, t, d)?);
        }
        facts.push((d.webinar.clone(), value));
    }
    Ok(facts)
}

/// The session's time in its zone, and in the registrant's when it differs.
fn when_for(d: &Details, t: &Texts) -> String {
    let mut s = when(d, t.locale);
    let zone = d.r.timezone;
    if zone != d.session_zone {
        let at = d.starts_at.with_timezone(&zone.0);
        s.push_str(&format!(
            " — {} ({})",
            format_datetime(&at, t.locale),
            zone_name(zone, t.locale)
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

/// A personal link of the whole group (manage, confirm).
fn series_link(
    ctx: &MailContext,
    t: &Texts,
    prefix: &str,
    purpose: Purpose,
    group_id: i64,
    seed: &str,
) -> String {
    let token = ctx.tokens.raw(purpose, group_id, seed);
    link(ctx, t, &format!("{prefix}{token}"))
}

/// One invitation per seat that is confirmed (or, in a cancellation, withdrawn).
fn attach_invites(
    composed: &mut Composed,
    ctx: &MailContext,
    t: &Texts,
    sessions: &[Details],
    cancelling: bool,
) {
    let calendar = sessions
        .iter()
        .filter(|d| cancelling || d.r.status == Status::Confirmed);
    for (i, d) in calendar.enumerate() {
        let mut a = invite(ctx, t, d, cancelling);
        a.filename = format!("invite-{}.ics", i + 1);
        composed.attachments.push(a);
    }
}

/// One series mail being written: the reader's texts, the series' title, the name of
/// the registrant and the link to manage the whole group.
struct SeriesMail<'a> {
    t: &'a Texts,
    ctx: &'a MailContext,
    series: String,
    full_name: &'a str,
    manage: (String, String),
}

impl SeriesMail<'_> {
    fn layout(&self, subject: &str, body: &str, rest: Vec<Block>) -> Composed {
        let t = self.t;
        let subject = t.with(subject, &[("series", self.series.as_str().into())]);
        let mut blocks = vec![Block::Paragraph(
            t.with(body, &[("name", self.full_name.into())]),
        )];
        blocks.extend(rest);
        layout::compose(t.locale, subject, &blocks, &t.footer())
    }

    fn confirm(&self, facts: Vec<(String, String)>, group_id: i64, seed: &str) -> Composed {
        let t = self.t;
        let confirm_url = series_link(
            self.ctx,
            t,
            "/registrations/confirm/",
            Purpose::SeriesConfirm,
            group_id,
            seed,
        );
        self.layout(
            "mail-series-confirm-subject",
            "mail-series-confirm-body",
            vec![
                Block::Facts(facts),
                Block::Button(t.get("mail-confirm-button"), confirm_url),
                Block::Note(format!(
                    "{} {}",
                    t.get("mail-confirm-expiry"),
                    t.get("mail-ignore-if-not-you")
                )),
            ],
        )
    }

    /// With a join link per confirmed seat.
    fn confirmed(&self, facts: Vec<(String, String)>, sessions: &[Details]) -> Composed {
        let t = self.t;
        let mut links: Vec<(String, String)> = sessions
            .iter()
            .filter(|d| d.r.status == Status::Confirmed)
            .map(|d| {
                let label = t.with(
                    "mail-series-join",
                    &[("webinar", d.webinar.as_str().into())],
                );
                (label, join_url(self.ctx, &d.r))
            })
            .collect();
        links.push(self.manage.clone());
        self.layout(
            "mail-series-confirmed-subject",
            "mail-series-confirmed-body",
            vec![Block::Facts(facts), Block::Links(links)],
        )
    }

    fn cancelled(&self, facts: Vec<(String, String)>) -> Composed {
        self.layout(
            "mail-series-cancelled-subject",
            "mail-series-cancelled-body",
            vec![Block::Facts(facts), Block::Links(vec![self.manage.clone()])],
        )
    }
}
