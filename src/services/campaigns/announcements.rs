//! Announcements: an organiser's message to the confirmed (and, if asked, waitlisted)
//! registrants of a session. Each registrant gets it in their language, or in the
//! nearest language that was written, through the outbox, with a one-click unsubscribe
//! link. A submission carries an idempotency key: submitting it twice sends nothing more.

use std::collections::BTreeMap;

use chrono::{NaiveDateTime, Utc};

use crate::db::announcements::{self as q, Announcement, AnnouncementText};
use crate::db::{DbConnection, DbError, admin, suppressions};
use crate::domain::translation::{fallback_order, pick};
use crate::domain::{EmailAddress, Locale};
use crate::mail::MailKind;
use crate::mail::kinds::enqueue;
use crate::services::FieldErrors;

use crate::secrets::tokens;

pub const MAX_SUBJECT: usize = 200;
pub const MAX_BODY: usize = 20_000;

/// What the organiser typed, as received.
#[derive(Clone, Debug, Default)]
pub struct DraftInput {
    pub session_id: i64,
    pub include_waitlisted: bool,
    /// (locale, subject, body) for each language offered.
    pub texts: Vec<(Locale, String, String)>,
    /// Makes a double submission harmless; derived from the content when empty.
    pub idempotency_key: String,
}

/// A message that can be sent: at least one language has both a subject and a body.
#[derive(Clone, Debug)]
pub struct Draft {
    pub session_id: i64,
    pub include_waitlisted: bool,
    pub texts: Vec<(Locale, String, String)>,
    pub key: String,
}

fn field(kind: &str, locale: Locale) -> &'static str {
    match (kind, locale) {
        ("subject", Locale::Fr) => "subject_fr",
        ("subject", Locale::En) => "subject_en",
        ("subject", Locale::Ar) => "subject_ar",
        (_, Locale::Fr) => "body_fr",
        (_, Locale::En) => "body_en",
        (_, Locale::Ar) => "body_ar",
    }
}

impl Draft {
    /// Checks the input; errors name the field and the Fluent id of the reason.
    pub fn parse(input: &DraftInput) -> Result<Draft, FieldErrors> {
        let mut errors: FieldErrors = vec![];
        let mut texts = vec![];
        for (locale, subject, body) in &input.texts {
            let body = body.replace("\r\n", "\n");
            let (subject, body) = (subject.trim(), body.trim());
            if subject.chars().count() > MAX_SUBJECT {
                errors.push((
                    field("subject", *locale),
                    "admin-announcement-error-subject-long",
                ));
            }
            if body.chars().count() > MAX_BODY {
                errors.push((field("body", *locale), "admin-announcement-error-body-long"));
            }
            match (subject.is_empty(), body.is_empty()) {
                (true, true) => {}
                (true, false) => errors.push((
                    field("subject", *locale),
                    "admin-announcement-error-subject-missing",
                )),
                (false, true) => errors.push((
                    field("body", *locale),
                    "admin-announcement-error-body-missing",
                )),
                (false, false) => texts.push((*locale, subject.to_owned(), body.to_owned())),
            }
        }
        if texts.is_empty() && errors.is_empty() {
            errors.push(("subject_fr", "admin-announcement-error-empty"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let key = match input.idempotency_key.trim() {
            "" => content_key(input.session_id, input.include_waitlisted, &texts),
            k => k.chars().take(100).collect(),
        };
        Ok(Draft {
            session_id: input.session_id,
            include_waitlisted: input.include_waitlisted,
            texts,
            key,
        })
    }
}

/// Without a key from the client, the same message to the same people counts as a
/// double submission.
fn content_key(session_id: i64, waitlisted: bool, texts: &[(Locale, String, String)]) -> String {
    let mut material = format!("{session_id}|{waitlisted}");
    for (l, s, b) in texts {
        material.push_str(&format!("|{l}|{s}|{b}"));
    }
    format!("content:{}", tokens::hash(&material))
}

/// Which language each reader language falls back to, given the languages written:
/// (reader language, language used), `None` when nothing is written.
pub fn fallbacks(written: &[Locale]) -> Vec<(Locale, Option<Locale>)> {
    Locale::ALL
        .iter()
        .map(|l| {
            let used = fallback_order(*l).into_iter().find(|c| written.contains(c));
            (*l, used)
        })
        .collect()
}

#[derive(Debug, thiserror::Error)]
pub enum AnnouncementError {
    #[error("unknown session")]
    UnknownSession,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// What sending did.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Sent {
    pub id: i64,
    pub queued: usize,
    /// Registrants not mailed because their address is suppressed.
    pub skipped: usize,
    /// How many got it in each language.
    pub by_locale: BTreeMap<String, usize>,
    /// This submission had already been sent: nothing more was queued.
    pub duplicate: bool,
}

/// Queues the announcement for every addressee (idempotent per key).
pub fn send(conn: &mut DbConnection, actor: i64, draft: &Draft) -> Result<Sent, AnnouncementError> {
    let result = crate::db::write_transaction(conn, |conn| send_in_transaction(conn, actor, draft));
    match result {
        // Two submissions raced on PostgreSQL: the other one inserted the key first.
        Err(AnnouncementError::Db(e)) if e.is_unique_violation() => {
            match q::by_key(conn, &draft.key)? {
                Some(a) => Ok(already_sent(conn, &a)?),
                None => Err(AnnouncementError::Db(DbError::Unavailable(
                    "announcement key conflict".into(),
                ))),
            }
        }
        other => other,
    }
}

fn already_sent(conn: &mut DbConnection, a: &Announcement) -> Result<Sent, DbError> {
    let mut by_locale = BTreeMap::new();
    for r in q::recipients(conn, a.id)? {
        *by_locale.entry(r.locale.code().to_owned()).or_insert(0) += 1;
    }
    Ok(Sent {
        id: a.id,
        queued: usize::try_from(a.queued).unwrap_or(0),
        skipped: 0,
        by_locale,
        duplicate: true,
    })
}

fn send_in_transaction(
    conn: &mut DbConnection,
    actor: i64,
    draft: &Draft,
) -> Result<Sent, AnnouncementError> {
    if let Some(a) = q::by_key(conn, &draft.key)? {
        return Ok(already_sent(conn, &a)?);
    }
    admin::session_by_id(conn, draft.session_id).map_err(|e| {
        if e.is_not_found() {
            AnnouncementError::UnknownSession
        } else {
            e.into()
        }
    })?;
    let now = Utc::now().naive_utc();
    let id = q::insert(
        conn,
        draft.session_id,
        draft.include_waitlisted,
        &draft.key,
        actor,
        now,
    )?;
    for (locale, subject, body) in &draft.texts {
        q::insert_text(conn, id, locale.code(), subject, body)?;
    }
    let statuses: &[&str] = if draft.include_waitlisted {
        &["confirmed", "waitlisted"]
    } else {
        &["confirmed"]
    };
    let addressees = q::addressees(conn, draft.session_id, statuses)?;
    let mut sent = Sent {
        id,
        queued: 0,
        skipped: 0,
        by_locale: BTreeMap::new(),
        duplicate: false,
    };
    queue_to(conn, draft, &addressees, &mut sent, now)?;
    q::set_queued(conn, id, i32::try_from(sent.queued).unwrap_or(i32::MAX))?;
    admin::audit(
        conn,
        actor,
        "announcement.send",
        &format!("session:{}", draft.session_id),
        &format!(
            "announcement={id} queued={} skipped={} waitlisted={}",
            sent.queued, sent.skipped, draft.include_waitlisted
        ),
    )?;
    Ok(sent)
}

/// Queues the announcement to each addressee in the language nearest theirs, with an
/// unsubscribe link; invalid or suppressed addresses are skipped.
fn queue_to(
    conn: &mut DbConnection,
    draft: &Draft,
    addressees: &[q::Addressee],
    sent: &mut Sent,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let emails: Vec<&str> = addressees.iter().map(|a| a.email.as_str()).collect();
    let suppressed = suppressions::suppressed_among(conn, &emails)?;
    let texts: Vec<(&str, &(Locale, String, String))> =
        draft.texts.iter().map(|t| (t.0.code(), t)).collect();
    for to in addressees {
        let Ok(address) = EmailAddress::parse(&to.email) else {
            sent.skipped += 1;
            continue;
        };
        if suppressed.contains(&suppressions::email_hash(&to.email)) {
            sent.skipped += 1;
            continue;
        }
        let Some((used, (_, subject, body))) =
            pick(to.locale, texts.iter().map(|(c, t)| (*c, *t)), |_| true)
        else {
            continue;
        };
        let (unsubscribe_token, unsubscribe_hash) = tokens::new_token();
        q::insert_recipient(conn, sent.id, to, used.code(), &unsubscribe_hash, now)?;
        let mail = MailKind::Announcement {
            registration_id: to.registration_id,
            subject: subject.clone(),
            body: body.clone(),
            unsubscribe_token: Some(unsubscribe_token),
        };
        enqueue(conn, &address, used, &mail)?;
        sent.queued += 1;
        *sent.by_locale.entry(used.code().to_owned()).or_insert(0) += 1;
    }
    Ok(())
}

/// An announcement with its texts, for the pages and the API.
pub struct Detail {
    pub announcement: Announcement,
    pub texts: Vec<AnnouncementText>,
    pub recipients: Vec<crate::db::announcements::Recipient>,
}

pub fn detail(conn: &mut DbConnection, id: i64) -> Result<Detail, DbError> {
    let announcement = q::by_id(conn, id)?;
    Ok(Detail {
        texts: q::texts(conn, &[id])?,
        recipients: q::recipients(conn, id)?,
        announcement,
    })
}

/// The newest announcements with their texts.
pub fn recent(
    conn: &mut DbConnection,
    limit: i64,
) -> Result<Vec<(Announcement, Vec<AnnouncementText>)>, DbError> {
    let list = q::recent(conn, limit)?;
    let ids: Vec<i64> = list.iter().map(|a| a.id).collect();
    let texts = q::texts(conn, &ids)?;
    Ok(list
        .into_iter()
        .map(|a| {
            let mine = texts
                .iter()
                .filter(|t| t.announcement_id == a.id)
                .cloned()
                .collect();
            (a, mine)
        })
        .collect())
}

/// One-click unsubscribe from an announcement: the address is suppressed for bulk mail
/// (announcements and invitations). Returns (address, language) of the recipient.
pub fn unsubscribe(
    conn: &mut DbConnection,
    raw_token: &str,
    apply: bool,
) -> Result<Option<(String, Locale, bool)>, DbError> {
    if !tokens::looks_valid(raw_token) {
        return Ok(None);
    }
    crate::db::write_transaction(conn, |conn| {
        let Some(r) = q::recipient_by_unsubscribe_hash(conn, &tokens::hash(raw_token))? else {
            return Ok(None);
        };
        if apply {
            let now = Utc::now().naive_utc();
            q::mark_unsubscribed(conn, r.id, now)?;
            suppressions::add(conn, &r.email, "unsubscribe", now)?;
        }
        Ok(Some((
            r.email,
            r.locale,
            apply || r.unsubscribed_at.is_some(),
        )))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(texts: &[(Locale, &str, &str)]) -> DraftInput {
        DraftInput {
            session_id: 1,
            texts: texts
                .iter()
                .map(|(l, s, b)| (*l, s.to_string(), b.to_string()))
                .collect(),
            ..DraftInput::default()
        }
    }

    #[test]
    fn half_written_languages_and_empty_messages_are_refused() {
        let e =
            Draft::parse(&input(&[(Locale::Fr, "Sujet", ""), (Locale::Ar, "", "نص")])).unwrap_err();
        assert_eq!(
            e,
            vec![
                ("body_fr", "admin-announcement-error-body-missing"),
                ("subject_ar", "admin-announcement-error-subject-missing"),
            ]
        );
        let e = Draft::parse(&input(&[(Locale::En, " ", " ")])).unwrap_err();
        assert_eq!(e, vec![("subject_fr", "admin-announcement-error-empty")]);
    }

    #[test]
    fn same_content_gives_the_same_key_and_fallbacks_follow_the_written_languages() {
        let a = Draft::parse(&input(&[(Locale::En, "New link", "See below")])).unwrap();
        let b = Draft::parse(&input(&[(Locale::En, " New link ", "See below")])).unwrap();
        assert_eq!(a.key, b.key);
        let f = fallbacks(&[Locale::En]);
        assert!(f.iter().all(|(_, used)| *used == Some(Locale::En)));
        let f = fallbacks(&[Locale::Fr, Locale::Ar]);
        assert_eq!(f[1], (Locale::En, Some(Locale::Fr)));
    }
}
