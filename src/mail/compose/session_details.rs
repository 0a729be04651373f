//! What every mail about a registration shows of its session, shared by the
//! single-session mails (`registration.rs`) and the series mails (`series.rs`): the
//! registration with its session loaded in the reader's language, the date facts, the
//! personal links and the `.ics` invitation.

use chrono::{DateTime, Utc};

use super::{ComposeError, MailContext, Texts, titles};
use crate::db::registrations::{self as q, Registration};
use crate::db::{DbConnection, programme, speakers as speakers_q};
use crate::domain::translation::{localise, pick};
use crate::domain::{Locale, TimeZone};
use crate::i18n::{format_datetime, format_time, zone_name};
use crate::mail::calendar::{self, Invite};
use crate::mail::layout::{Attachment, Block};
use crate::secrets::link_tokens::Purpose;

pub(super) struct Details {
    pub r: Registration,
    pub webinar: String,
    pub webinar_slug: String,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub session_zone: TimeZone,
    /// "Amina Benali, Mayor of Sfax": the webinar's and the session's people, in order.
    pub speakers: Vec<String>,
    /// "10:00 Opening": the session's agenda in its own zone, for the invitation.
    pub agenda: Vec<String>,
}

/// The session's agenda in the reader's language, times in the session's zone.
fn agenda(
    conn: &mut DbConnection,
    locale: Locale,
    s: &crate::db::models::Session,
) -> Result<Vec<String>, ComposeError> {
    let (items, titles) = speakers_q::agenda_of(conn, &[s.id])?;
    Ok(items
        .iter()
        .map(|i| {
            let at = (s.starts_at + chrono::Duration::minutes(i64::from(i.offset_minutes)))
                .and_utc()
                .with_timezone(&s.timezone.0);
            let mine = titles.iter().filter(|t| t.item_id == i.id);
            let title = pick(locale, mine.map(|t| (t.locale.as_str(), t)), |t| {
                !t.title.is_empty()
            })
            .map(|(_, t)| t.title.clone())
            .unwrap_or_default();
            format!("{} {title}", format_time(&at, locale))
        })
        .collect())
}

/// Who speaks, in the reader's language (function with the usual fallback).
fn speakers(
    conn: &mut DbConnection,
    locale: Locale,
    webinar_id: i64,
    session_id: i64,
) -> Result<Vec<String>, ComposeError> {
    let mut all = speakers_q::of_webinars(conn, &[webinar_id])?;
    all.extend(speakers_q::of_sessions(conn, &[session_id])?);
    let ids: Vec<i64> = all.iter().map(|a| a.speaker.id).collect();
    let texts = speakers_q::texts(conn, &ids)?;
    Ok(all
        .iter()
        .map(|a| {
            let mine = texts
                .iter()
                .filter(|t| t.owner_id == a.speaker.id)
                .map(|t| (t.locale.as_str(), t.title.as_str(), t.summary.as_str()));
            let (function, _, _) = localise(locale, mine);
            if function.is_empty() {
                a.speaker.full_name.clone()
            } else {
                format!("{}, {function}", a.speaker.full_name)
            }
        })
        .collect())
}

pub(super) fn load(
    conn: &mut DbConnection,
    registration_id: i64,
    locale: Locale,
) -> Result<Details, ComposeError> {
    let r = q::by_id(conn, registration_id)?;
    // Any session, published or not: a cancelled session is still described.
    let s = crate::db::admin::session_by_id(conn, r.session_id)?;
    let w = programme::webinar_by_id(conn, s.webinar_id)?;
    let webinar = titles::webinar(conn, locale, w.id)?;
    let speakers = speakers(conn, locale, w.id, s.id)?;
    let agenda = agenda(conn, locale, &s)?;
    Ok(Details {
        speakers,
        agenda,
        webinar,
        webinar_slug: w.slug,
        starts_at: s.starts_at.and_utc(),
        duration_minutes: s.duration_minutes,
        session_zone: s.timezone,
        r,
    })
}

pub(super) fn when(d: &Details, locale: Locale) -> String {
    let at = d.starts_at.with_timezone(&d.session_zone.0);
    format!(
        "{} ({})",
        format_datetime(&at, locale),
        zone_name(d.session_zone, locale)
    )
}

/// Date and time in the session's zone, and in the registrant's when it differs.
pub(super) fn facts(t: &Texts, d: &Details) -> Block {
    let mut facts = vec![(t.get("mail-fact-when"), when(d, t.locale))];
    let zone = d.r.timezone;
    if zone != d.session_zone {
        let at = d.starts_at.with_timezone(&zone.0);
        facts.push((
            t.get("mail-fact-your-time"),
            format!(
                "{} ({})",
                format_datetime(&at, t.locale),
                zone_name(zone, t.locale)
            ),
        ));
    }
    if !d.speakers.is_empty() {
        facts.push((t.get("mail-fact-speakers"), d.speakers.join(" · ")));
    }
    facts.push((
        t.get("mail-fact-duration"),
        t.with(
            "mail-fact-duration-value",
            &[("minutes", d.duration_minutes.into())],
        ),
    ));
    Block::Facts(facts)
}

pub(super) fn link(ctx: &MailContext, t: &Texts, path: &str) -> String {
    format!("{}/{}{path}", ctx.public_url, t.locale)
}

pub(super) fn manage_url(ctx: &MailContext, t: &Texts, r: &Registration) -> String {
    link(
        ctx,
        t,
        &format!(
            "/registrations/{}",
            ctx.tokens.raw(Purpose::Manage, r.id, &r.token_seed)
        ),
    )
}

pub(super) fn join_url(ctx: &MailContext, r: &Registration) -> String {
    format!(
        "{}/join/{}",
        ctx.public_url,
        ctx.tokens.raw(Purpose::Join, r.id, &r.token_seed)
    )
}

/// SEQUENCE must grow with each update of the event: minutes since 2026 do.
fn sequence() -> i32 {
    ((Utc::now().timestamp() - 1_767_225_600) / 60).clamp(0, i64::from(i32::MAX)) as i32
}

pub(super) fn invite(ctx: &MailContext, t: &Texts, d: &Details, cancelled: bool) -> Attachment {
    let manage = manage_url(ctx, t, &d.r);
    // The agenda, then where to manage the registration.
    let description = if d.agenda.is_empty() {
        manage.clone()
    } else {
        format!(
            "{}\n{}\n\n{manage}",
            t.get("session-agenda"),
            d.agenda.join("\n")
        )
    };
    let ics = calendar::ics(&Invite {
        uid: format!("registration-{}@{}", d.r.id, ctx.domain),
        sequence: sequence(),
        starts_at: d.starts_at,
        duration_minutes: d.duration_minutes,
        summary: &d.webinar,
        description: &description,
        location: &manage,
        organiser_name: &ctx.organiser_name,
        organiser_email: &ctx.organiser_email,
        attendee_name: &d.r.full_name,
        attendee_email: &d.r.email,
        cancelled,
    });
    let method = if cancelled { "CANCEL" } else { "REQUEST" };
    Attachment {
        filename: "invite.ics".to_owned(),
        content_type: format!("text/calendar; method={method}; charset=utf-8"),
        body: ics.into_bytes(),
    }
}
