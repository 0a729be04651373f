//! Mails about a registration to one session, composed from the registration as it is
//! now, in the registrant's language and time zone: one method per kind of mail, over
//! the facts and links of `session_details.rs`.

use super::session_details::{Details, facts, invite, join_url, link, load, manage_url, when};
use super::{ComposeError, MailContext, Texts};
use crate::db::DbConnection;
use crate::db::registrations as q;
use crate::i18n::Arg;
use crate::mail::MailKind;
use crate::mail::calendar;
use crate::mail::layout::{self, Block, Composed};
use crate::secrets::link_tokens::Purpose;

pub fn compose(
    conn: &mut DbConnection,
    t: &Texts,
    ctx: &MailContext,
    kind: &MailKind,
) -> Result<Composed, ComposeError> {
    let d = load(conn, registration_id(kind)?, t.locale)?;
    let mail = Mail {
        t,
        ctx,
        manage: (t.get("mail-manage-link"), manage_url(ctx, t, &d.r)),
        footer: t.footer(),
        d: &d,
    };
    Ok(match kind {
        MailKind::RegistrationConfirm { .. } => mail.confirm(),
        MailKind::RegistrationConfirmed { promoted, .. } => mail.confirmed(*promoted),
        MailKind::RegistrationWaitlisted { .. } => {
            mail.waitlisted(q::waitlist_position(conn, &d.r)?)
        }
        MailKind::RegistrationCancelled { .. } => {
            mail.cancelled("mail-cancelled-subject", "mail-cancelled-body")
        }
        MailKind::SessionRescheduled { .. } => mail.rescheduled(),
        MailKind::SessionCancelled { .. } => mail.cancelled(
            "mail-session-cancelled-subject",
            "mail-session-cancelled-body",
        ),
        MailKind::SessionReminder { .. } => mail.reminder(),
        MailKind::ReplayAvailable { attended, .. } => mail.replay(*attended),
        MailKind::Announcement {
            subject,
            body,
            unsubscribe_token,
            ..
        } => mail.announcement(subject, body, unsubscribe_token.as_deref()),
        _ => unreachable!("registration_id accepts only the kinds above"),
    })
}

/// The registration a mail is about; other kinds of mail are not composed here.
fn registration_id(kind: &MailKind) -> Result<i64, ComposeError> {
    match kind {
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
        } => Ok(*registration_id),
        other => Err(ComposeError::Invalid(format!(
            "{} is not a registration mail",
            other.name()
        ))),
    }
}

/// One registration's mail being written: the reader's texts, the registration with its
/// session, and what most kinds show (the manage link, the footer).
struct Mail<'a> {
    t: &'a Texts,
    ctx: &'a MailContext,
    d: &'a Details,
    manage: (String, String),
    footer: String,
}

impl Mail<'_> {
    fn name(&self) -> Arg<'_> {
        self.d.r.full_name.as_str().into()
    }

    fn subject(&self, key: &str) -> String {
        self.t
            .with(key, &[("webinar", self.d.webinar.as_str().into())])
    }

    fn body(&self, key: &str) -> String {
        self.t.with(key, &[("name", self.name())])
    }

    fn layout(&self, subject: String, blocks: &[Block]) -> Composed {
        layout::compose(self.t.locale, subject, blocks, &self.footer)
    }

    /// This session's `.ics` file on the site.
    fn session_ics(&self) -> String {
        let path = format!("/sessions/{}/calendar.ics", self.d.r.session_id);
        link(self.ctx, self.t, &path)
    }

    /// The registrant's own calendar feed, from the same token as the manage link.
    fn my_feed(&self) -> String {
        format!("{}/calendar.ics", self.manage.1)
    }

    /// The button back to the webinar's page.
    fn webinar_button(&self, label: &str) -> Block {
        let path = format!("/webinars/{}", self.d.webinar_slug);
        Block::Button(self.t.get(label), link(self.ctx, self.t, &path))
    }

    fn confirm(&self) -> Composed {
        let (t, ctx, r) = (self.t, self.ctx, &self.d.r);
        let token = ctx.tokens.raw(Purpose::Confirm, r.id, &r.token_seed);
        let confirm_url = link(ctx, t, &format!("/registrations/confirm/{token}"));
        self.layout(
            self.subject("mail-confirm-subject"),
            &[
                Block::Paragraph(self.body("mail-confirm-body")),
                facts(t, self.d),
                Block::Button(t.get("mail-confirm-button"), confirm_url),
                Block::Note(format!(
                    "{} {}",
                    t.get("mail-confirm-expiry"),
                    t.get("mail-ignore-if-not-you")
                )),
            ],
        )
    }

    /// Confirmed at once, or promoted from the waiting list.
    fn confirmed(&self, promoted: bool) -> Composed {
        let (t, d) = (self.t, self.d);
        let (s, b) = if promoted {
            ("mail-promoted-subject", "mail-promoted-body")
        } else {
            ("mail-confirmed-subject", "mail-confirmed-body")
        };
        let details = &self.manage.1;
        let (starts_at, minutes) = (d.starts_at, d.duration_minutes);
        let google = calendar::google_link(&d.webinar, details, starts_at, minutes);
        let outlook = calendar::outlook_link(&d.webinar, details, starts_at, minutes);
        let mut c = self.layout(
            self.subject(s),
            &[
                Block::Paragraph(self.body(b)),
                facts(t, d),
                Block::Button(t.get("mail-join-button"), join_url(self.ctx, &d.r)),
                Block::Links(vec![
                    (t.get("mail-add-google"), google),
                    (t.get("mail-add-outlook"), outlook),
                    (t.get("mail-add-ics"), self.session_ics()),
                    self.manage.clone(),
                    (t.get("mail-subscribe-mine"), self.my_feed()),
                ]),
            ],
        );
        c.attachments.push(invite(self.ctx, t, d, false));
        c
    }

    fn waitlisted(&self, position: i64) -> Composed {
        let body = self.t.with(
            "mail-waitlisted-body",
            &[("name", self.name()), ("position", position.into())],
        );
        self.layout(
            self.subject("mail-waitlisted-subject"),
            &[
                Block::Paragraph(body),
                facts(self.t, self.d),
                Block::Links(vec![self.manage.clone()]),
            ],
        )
    }

    /// The registration or its session is cancelled: the calendar event is withdrawn.
    fn cancelled(&self, subject: &str, body: &str) -> Composed {
        let mut c = self.layout(
            self.subject(subject),
            &[
                Block::Paragraph(self.body(body)),
                facts(self.t, self.d),
                self.webinar_button("nav-webinars"),
            ],
        );
        c.attachments.push(invite(self.ctx, self.t, self.d, true));
        c
    }

    fn rescheduled(&self) -> Composed {
        let mut c = self.layout(
            self.subject("mail-rescheduled-subject"),
            &[
                Block::Paragraph(self.body("mail-rescheduled-body")),
                facts(self.t, self.d),
                Block::Links(vec![self.manage.clone()]),
            ],
        );
        c.attachments.push(invite(self.ctx, self.t, self.d, false));
        c
    }

    fn reminder(&self) -> Composed {
        let (t, d) = (self.t, self.d);
        let subject = t.with(
            "mail-reminder-subject",
            &[
                ("webinar", d.webinar.as_str().into()),
                ("when", when(d, t.locale).into()),
            ],
        );
        self.layout(
            subject,
            &[
                Block::Paragraph(self.body("mail-reminder-body")),
                facts(t, d),
                Block::Button(t.get("mail-join-button"), join_url(self.ctx, &d.r)),
                Block::Links(vec![self.manage.clone()]),
            ],
        )
    }

    fn replay(&self, attended: bool) -> Composed {
        let body = if attended {
            "mail-replay-body-attended"
        } else {
            "mail-replay-body-missed"
        };
        self.layout(
            self.subject("mail-replay-subject"),
            &[
                Block::Paragraph(self.body(body)),
                self.webinar_button("mail-replay-button"),
            ],
        )
    }

    /// The organiser's own subject and text, with the session's facts and, for bulk
    /// sends, one-click unsubscribe.
    fn announcement(&self, subject: &str, body: &str, unsubscribe: Option<&str>) -> Composed {
        let t = self.t;
        let unsubscribe =
            unsubscribe.map(|tok| format!("{}/unsubscribe/{tok}", self.ctx.public_url));
        let mut links = vec![self.manage.clone()];
        if let Some(url) = &unsubscribe {
            links.push((t.get("mail-announcement-unsubscribe"), url.clone()));
        }
        let mut blocks = vec![Block::Paragraph(t.with(
            "mail-announcement-intro",
            &[
                ("name", self.name()),
                ("when", when(self.d, t.locale).into()),
            ],
        ))];
        // The organiser's paragraphs stay paragraphs.
        blocks.extend(
            body.split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| Block::Paragraph(p.to_owned())),
        );
        blocks.push(facts(t, self.d));
        blocks.push(Block::Links(links));
        let mut c = layout::compose(t.locale, subject.to_owned(), &blocks, &self.footer);
        c.auto_submitted = false;
        c.unsubscribe_url = unsubscribe;
        c
    }
}
