//! "Register for the whole series": one form registers the person for the next upcoming
//! session of each webinar of the series. Each registration is an ordinary one (its own
//! seat or waitlist place, reminders, manage and join links); the group adds one
//! confirmation mail that confirms them all and one manage page that shows them all and
//! cancels one or all. One group per address: registering for the series again reuses it.

use std::collections::HashSet;

use chrono::NaiveDateTime;

use crate::db::registration_groups::{self as g, RegistrationGroup};
use crate::db::registrations as q;
use crate::db::{DbConnection, DbError, programme, write_transaction};
use crate::domain::registration::{NewRegistration, Status};
use crate::domain::{EmailAddress, Locale, TimeZone};
use crate::mail::MailKind;
use crate::mail::kinds::enqueue;

use crate::secrets::link_tokens::{Purpose, RegistrationTokens};
use crate::services::content::programme::SessionView;
use crate::services::registrations::pending::{DOUBLE_SUBMIT_WINDOW, upsert_pending};
use crate::services::registrations::seats::{
    Confirmation, RegistrationError, cancel_one, mail_to, outcome, retrying, seat_or_waitlist,
    status_of,
};
use crate::services::registrations::view::{RegistrationView, registration_view};

/// One webinar of the series and the session a series registration takes.
#[derive(Clone, Debug)]
pub struct SeriesItem {
    pub title: String,
    pub summary: String,
    /// The webinar's share picture, when it has one.
    pub share_image: Option<String>,
    pub session: SessionView,
}

/// A registration to the whole series as its holder sees it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SeriesView {
    /// Always true: tells this answer from a single registration's.
    pub series: bool,
    pub full_name: String,
    pub locale: Locale,
    pub timezone: TimeZone,
    /// One per webinar, soonest first.
    pub registrations: Vec<RegistrationView>,
}

/// The next upcoming session of each published webinar of the series, in programme order.
pub fn offer(
    conn: &mut DbConnection,
    locale: Locale,
    now: NaiveDateTime,
) -> Result<Vec<SeriesItem>, DbError> {
    let in_series: HashSet<String> = programme::published_webinars(conn)?
        .into_iter()
        .filter(|w| w.series_id.is_some())
        .map(|w| w.slug)
        .collect();
    Ok(
        crate::services::content::programme::webinars(conn, locale, now, None)?
            .into_iter()
            .filter(|w| in_series.contains(&w.slug))
            .filter_map(|w| {
                let session = w.sessions.into_iter().next()?;
                Some(SeriesItem {
                    title: w.title,
                    summary: w.summary,
                    share_image: w.share_image,
                    session,
                })
            })
            .collect(),
    )
}

fn group_for(
    conn: &mut DbConnection,
    tokens: &RegistrationTokens,
    new: &NewRegistration,
    now: NaiveDateTime,
) -> Result<RegistrationGroup, DbError> {
    if let Some(group) = g::by_email(conn, new.email.as_str())? {
        g::set_locale(conn, group.id, new.locale.code())?;
        return Ok(group);
    }
    let seed = RegistrationTokens::new_seed();
    g::insert(
        conn,
        &g::NewGroup {
            email: new.email.as_str(),
            locale: new.locale.code(),
            confirm_token_hash: &tokens.hashed(Purpose::SeriesConfirm, 0, &seed),
            manage_token_hash: &tokens.hashed(Purpose::SeriesManage, 0, &seed),
            token_seed: &seed,
            created_at: now,
        },
    )
}

/// Registers for the next session of every webinar of the series and queues one mail
/// that confirms them all. Returns the sessions. Like `registrations::register`, it
/// answers the same for any address and mails once for a double submit.
pub fn register_series(
    conn: &mut DbConnection,
    tokens: &RegistrationTokens,
    new: &NewRegistration,
    now: NaiveDateTime,
) -> Result<Vec<i64>, RegistrationError> {
    retrying(|| {
        write_transaction(conn, |conn| {
            let sessions: Vec<i64> = offer(conn, new.locale, now)?
                .iter()
                .map(|i| i.session.id)
                .collect();
            if sessions.is_empty() {
                return Err(RegistrationError::SessionUnavailable);
            }
            let group = group_for(conn, tokens, new, now)?;
            let mut changed = group
                .request_mailed_at
                .is_none_or(|t| t <= now - DOUBLE_SUBMIT_WINDOW);
            for session_id in &sessions {
                let (r, before) = upsert_pending(conn, tokens, *session_id, new, now, None)?;
                changed |= matches!(before, None | Some(Status::Cancelled));
                g::add_member(conn, group.id, r.id)?;
            }
            if changed {
                mail_group(
                    conn,
                    &group,
                    &MailKind::SeriesConfirm { group_id: group.id },
                )?;
                g::set_request_mailed(conn, group.id, now)?;
            }
            Ok(sessions)
        })
    })
}

fn mail_group(
    conn: &mut DbConnection,
    group: &RegistrationGroup,
    mail: &MailKind,
) -> Result<(), RegistrationError> {
    let to = EmailAddress::parse(&group.email).map_err(|_| RegistrationError::UnknownToken)?;
    enqueue(conn, &to, group.locale, mail)?;
    Ok(())
}

fn members(
    conn: &mut DbConnection,
    group_id: i64,
) -> Result<Vec<q::Registration>, RegistrationError> {
    let ids = g::member_ids(conn, group_id)?;
    Ok(q::by_ids(conn, &ids)?)
}

/// Confirms every pending registration of the group (inside the caller's transaction):
/// each takes a seat or a waitlist place; one mail tells the outcome of all.
pub(crate) fn confirm_group(
    conn: &mut DbConnection,
    confirm_hash: &str,
    now: NaiveDateTime,
) -> Result<Confirmation, RegistrationError> {
    let group = g::by_confirm_hash(conn, confirm_hash)?.ok_or(RegistrationError::UnknownToken)?;
    let mut moved_any = false;
    let mut expired = false;
    let mut sessions = vec![];
    for r in members(conn, group.id)? {
        match status_of(&r) {
            Status::Pending if r.confirm_expires_at.is_some_and(|t| t < now) => {
                expired = true;
                continue;
            }
            Status::Pending => moved_any |= seat_or_waitlist(conn, &r, Status::Pending, now)?.1,
            Status::Cancelled => continue,
            Status::Confirmed | Status::Waitlisted => {}
        }
        sessions.push(outcome(conn, r.id)?);
    }
    if sessions.is_empty() {
        return Err(if expired {
            RegistrationError::Expired
        } else {
            RegistrationError::UnknownToken
        });
    }
    if moved_any {
        mail_group(
            conn,
            &group,
            &MailKind::SeriesConfirmed { group_id: group.id },
        )?;
    }
    let confirmed = sessions.iter().filter(|s| s.status == "confirmed").count();
    let status = match confirmed {
        n if n == sessions.len() => "confirmed",
        0 => "waitlisted",
        _ => "partly_waitlisted",
    };
    Ok(Confirmation {
        status,
        waitlist_position: None,
        sessions,
    })
}

pub(crate) fn view_group(
    conn: &mut DbConnection,
    tokens: &RegistrationTokens,
    public_url: &str,
    manage_hash: &str,
    locale: Locale,
    now: NaiveDateTime,
) -> Result<SeriesView, RegistrationError> {
    let group = g::by_manage_hash(conn, manage_hash)?.ok_or(RegistrationError::UnknownToken)?;
    let mut registrations = vec![];
    for r in members(conn, group.id)? {
        let mut view = match registration_view(conn, tokens, public_url, &r, locale, now) {
            Err(RegistrationError::Db(e)) if e.is_not_found() => continue, // unpublished
            other => other?,
        };
        view.manage_url = Some(format!(
            "{public_url}/{}/registrations/{}",
            locale.code(),
            tokens.raw(Purpose::Manage, r.id, &r.token_seed)
        ));
        registrations.push(view);
    }
    let (full_name, timezone) = registrations
        .first()
        .map(|r| (r.full_name.clone(), r.timezone))
        .ok_or(RegistrationError::UnknownToken)?;
    Ok(SeriesView {
        series: true,
        full_name,
        timezone,
        locale: group.locale,
        registrations,
    })
}

/// Cancels the whole series registration, or only its registration to `session_id`.
pub(crate) fn cancel_group(
    conn: &mut DbConnection,
    manage_hash: &str,
    session_id: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), RegistrationError> {
    let group = g::by_manage_hash(conn, manage_hash)?.ok_or(RegistrationError::UnknownToken)?;
    let targets: Vec<_> = members(conn, group.id)?
        .into_iter()
        .filter(|r| session_id.is_none_or(|s| r.session_id == s))
        .collect();
    if targets.is_empty() {
        return Err(RegistrationError::UnknownToken);
    }
    let mut cancelled = vec![];
    for r in &targets {
        if cancel_one(conn, r, now)? {
            cancelled.push(r.clone());
        }
    }
    match cancelled.as_slice() {
        [] => {}
        [one] => mail_to(
            conn,
            one,
            &MailKind::RegistrationCancelled {
                registration_id: one.id,
            },
        )?,
        many => mail_group(
            conn,
            &group,
            &MailKind::SeriesCancelled {
                group_id: group.id,
                registration_ids: many.iter().map(|r| r.id).collect(),
            },
        )?,
    }
    Ok(())
}

pub(crate) fn change_group_locale(
    conn: &mut DbConnection,
    manage_hash: &str,
    locale: Locale,
) -> Result<(), RegistrationError> {
    let group = g::by_manage_hash(conn, manage_hash)?.ok_or(RegistrationError::UnknownToken)?;
    g::set_locale(conn, group.id, locale.code())?;
    for id in g::member_ids(conn, group.id)? {
        q::set_locale(conn, id, locale.code())?;
    }
    Ok(())
}
