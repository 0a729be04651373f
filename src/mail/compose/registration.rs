//! Mails about a registration to a session, composed from the registration as it is
//! now, in the registrant's language and time zone.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;

use super::{ComposeError, MailContext, Texts};
use crate::db::registrations::{self as q, Registration};
use crate::db::{DbConnection, programme};
use crate::domain::translation::pick;
use crate::domain::{Locale, TimeZone};
use crate::i18n::format_datetime;
use crate::mail::MailKind;
use crate::mail::calendar::{self, Invite};
use crate::mail::layout::{self, Attachment, Block, Composed};
use crate::secrets::link_tokens::Purpose;

pub(super) struct Details {
    pub r: Registration,
    pub webinar: String,
    pub webinar_slug: String,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub session_zone: TimeZone,
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
    let texts = programme::webinar_translations(conn, &[w.id])?;
    let webinar = pick(locale, texts.iter().map(|t| (t.locale.as_str(), t)), |t| {
        !t.title.is_empty()
    })
    .map(|(_, t)| t.title.clone())
    .unwrap_or_default();
    Ok(Details {
        webinar,
        webinar_slug: w.slug,
        starts_at: s.starts_at.and_utc(),
        duration_minutes: s.duration_minutes,
        session_zone: TimeZone::parse(&s.timezone).unwrap_or(TimeZone(chrono_tz::UTC)),
        r,
    })
}

pub(super) fn when(d: &Details, locale: Locale) -> String {
    let at = d.starts_at.with_timezone(&d.session_zone.0);
    format!(
        "{} ({})",
        format_datetime(&at, locale),
        d.session_zone.name()
    )
}

/// Date and time in the session's zone, and in the registrant's when it differs.
fn facts(t: &Texts, d: &Details) -> Block {
    let mut facts = vec![(t.get("mail-fact-when"), when(d, t.locale))];
    if let Ok(zone) = TimeZone::parse(&d.r.timezone)
        && zone != d.session_zone
    {
        let at = d.starts_at.with_timezone(&zone.0);
        facts.push((
            t.get("mail-fact-your-time"),
            format!("{} ({})", format_datetime(&at, t.locale), zone.name()),
        ));
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

fn manage_url(ctx: &MailContext, t: &Texts, r: &Registration) -> String {
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
    let ics = calendar::ics(&Invite {
        uid: format!("registration-{}@{}", d.r.id, ctx.domain),
        sequence: sequence(),
        starts_at: d.starts_at,
        duration_minutes: d.duration_minutes,
        summary: &d.webinar,
        description: &manage,
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

pub fn compose(
    conn: &mut DbConnection,
    t: &Texts,
    ctx: &MailContext,
    kind: &MailKind,
) -> Result<Composed, ComposeError> {
    let id = match kind {
        MailKind::RegistrationConfirm { registration_id }
        | MailKind::RegistrationConfirmed {
            registration_id, ..
        }
        | MailKind::RegistrationWaitlisted { registration_id }
        | MailKind::RegistrationCancelled { registration_id }
        | MailKind::SessionRescheduled { registration_id }
        | MailKind::SessionCancelled { registration_id }
        | MailKind::SessionReminder {
            registration_id, ..
        }
        | MailKind::ReplayAvailable {
            registration_id, ..
        }
        | MailKind::Announcement {
            registration_id, ..
        } => *registration_id,
        other => {
            return Err(ComposeError::Invalid(format!(
                "{} is not a registration mail",
                other.name()
            )));
        }
    };
    let d = load(conn, id, t.locale)?;
    let name: FluentValue = d.r.full_name.clone().into();
    let webinar: FluentValue = d.webinar.clone().into();
    let manage = (t.get("mail-manage-link"), manage_url(ctx, t, &d.r));
    let footer = t.footer();
    let subject = |key: &str| t.with(key, &[("webinar", webinar.clone())]);
    let body = |key: &str| t.with(key, &[("name", name.clone())]);
    let composed = match kind {
        MailKind::RegistrationConfirm { .. } => layout::compose(
            t.locale,
            subject("mail-confirm-subject"),
            &[
                Block::Paragraph(body("mail-confirm-body")),
                facts(t, &d),
                Block::Button(
                    t.get("mail-confirm-button"),
                    link(
                        ctx,
                        t,
                        &format!(
                            "/registrations/confirm/{}",
                            ctx.tokens.raw(Purpose::Confirm, id, &d.r.token_seed)
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
        MailKind::RegistrationConfirmed { promoted, .. } => {
            let (s, b) = if *promoted {
                ("mail-promoted-subject", "mail-promoted-body")
            } else {
                ("mail-confirmed-subject", "mail-confirmed-body")
            };
            let details = manage.1.clone();
            let mut c = layout::compose(
                t.locale,
                subject(s),
                &[
                    Block::Paragraph(body(b)),
                    facts(t, &d),
                    Block::Button(t.get("mail-join-button"), join_url(ctx, &d.r)),
                    Block::Links(vec![
                        (
                            t.get("mail-add-google"),
                            calendar::google_link(
                                &d.webinar,
                                &details,
                                d.starts_at,
                                d.duration_minutes,
                            ),
                        ),
                        (
                            t.get("mail-add-outlook"),
                            calendar::outlook_link(
                                &d.webinar,
                                &details,
                                d.starts_at,
                                d.duration_minutes,
                            ),
                        ),
                        manage,
                    ]),
                ],
                &footer,
            );
            c.attachments.push(invite(ctx, t, &d, false));
            c
        }
        MailKind::RegistrationWaitlisted { .. } => {
            let position = q::waitlist_position(conn, &d.r)?;
            layout::compose(
                t.locale,
                subject("mail-waitlisted-subject"),
                &[
                    Block::Paragraph(t.with(
                        "mail-waitlisted-body",
                        &[("name", name.clone()), ("position", position.into())],
                    )),
                    facts(t, &d),
                    Block::Links(vec![manage]),
                ],
                &footer,
            )
        }
        MailKind::RegistrationCancelled { .. } => {
            let mut c = layout::compose(
                t.locale,
                subject("mail-cancelled-subject"),
                &[
                    Block::Paragraph(body("mail-cancelled-body")),
                    facts(t, &d),
                    Block::Button(
                        t.get("nav-webinars"),
                        link(ctx, t, &format!("/webinars/{}", d.webinar_slug)),
                    ),
                ],
                &footer,
            );
            c.attachments.push(invite(ctx, t, &d, true));
            c
        }
        MailKind::SessionRescheduled { .. } => {
            let mut c = layout::compose(
                t.locale,
                subject("mail-rescheduled-subject"),
                &[
                    Block::Paragraph(body("mail-rescheduled-body")),
                    facts(t, &d),
                    Block::Links(vec![manage]),
                ],
                &footer,
            );
            c.attachments.push(invite(ctx, t, &d, false));
            c
        }
        MailKind::SessionCancelled { .. } => {
            let mut c = layout::compose(
                t.locale,
                subject("mail-session-cancelled-subject"),
                &[
                    Block::Paragraph(body("mail-session-cancelled-body")),
                    facts(t, &d),
                    Block::Button(
                        t.get("nav-webinars"),
                        link(ctx, t, &format!("/webinars/{}", d.webinar_slug)),
                    ),
                ],
                &footer,
            );
            c.attachments.push(invite(ctx, t, &d, true));
            c
        }
        MailKind::SessionReminder { .. } => layout::compose(
            t.locale,
            t.with(
                "mail-reminder-subject",
                &[
                    ("webinar", webinar.clone()),
                    ("when", when(&d, t.locale).into()),
                ],
            ),
            &[
                Block::Paragraph(body("mail-reminder-body")),
                facts(t, &d),
                Block::Button(t.get("mail-join-button"), join_url(ctx, &d.r)),
                Block::Links(vec![manage]),
            ],
            &footer,
        ),
        MailKind::ReplayAvailable { attended, .. } => layout::compose(
            t.locale,
            subject("mail-replay-subject"),
            &[
                Block::Paragraph(body(if *attended {
                    "mail-replay-body-attended"
                } else {
                    "mail-replay-body-missed"
                })),
                Block::Button(
                    t.get("mail-replay-button"),
                    link(ctx, t, &format!("/webinars/{}", d.webinar_slug)),
                ),
            ],
            &footer,
        ),
        MailKind::Announcement {
            subject: s,
            body: b,
            unsubscribe_token,
            ..
        } => {
            let unsubscribe = unsubscribe_token
                .as_ref()
                .map(|tok| format!("{}/unsubscribe/{tok}", ctx.public_url));
            let mut links = vec![manage];
            if let Some(url) = &unsubscribe {
                links.push((t.get("mail-announcement-unsubscribe"), url.clone()));
            }
            let mut blocks = vec![Block::Paragraph(t.with(
                "mail-announcement-intro",
                &[("name", name.clone()), ("when", when(&d, t.locale).into())],
            ))];
            // The organiser's paragraphs stay paragraphs.
            blocks.extend(
                b.split("\n\n")
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(|p| Block::Paragraph(p.to_owned())),
            );
            blocks.push(facts(t, &d));
            blocks.push(Block::Links(links));
            let mut c = layout::compose(t.locale, s.clone(), &blocks, &footer);
            c.auto_submitted = false;
            c.unsubscribe_url = unsubscribe;
            c
        }
        _ => unreachable!("filtered above"),
    };
    Ok(composed)
}
