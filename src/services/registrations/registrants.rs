//! Registrants in the back office: search and filters, status changes that keep the
//! capacity/waitlist invariant and mail the person, export to CSV and XLSX with localised
//! headers (attendance: `attendance.rs`).

use chrono::{NaiveDateTime, Utc};

use crate::db::registrants::{self as q, RegistrantRow};
use crate::db::registrations as regs;
use crate::db::{DbConnection, DbError, admin, programme, write_transaction};
use crate::domain::registration::Status;
use crate::domain::{EmailAddress, Locale};
use crate::i18n::catalog;
use crate::mail::MailKind;
use crate::mail::kinds::enqueue;

use crate::domain::translation::pick;
use crate::services::registrations::seats::promote_waitlist;

/// What the organiser asked for; empty strings mean "any".
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct Filter {
    #[serde(default, deserialize_with = "optional_id")]
    pub session: Option<i64>,
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub function: String,
    #[serde(default)]
    pub language: String,
}

/// A session id from a query string; empty (or not a number) means every session.
fn optional_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let raw: Option<String> = serde::Deserialize::deserialize(d)?;
    Ok(raw.and_then(|r| r.trim().parse().ok()))
}

impl Filter {
    fn keeps(&self, row: &RegistrantRow) -> bool {
        let r = &row.registration;
        let q = self.q.trim().to_lowercase();
        (q.is_empty()
            || r.full_name.to_lowercase().contains(&q)
            || r.email.to_lowercase().contains(&q)
            || r.organisation.to_lowercase().contains(&q))
            && (self.status.is_empty() || r.status.as_str() == self.status)
            && (self.country.is_empty() || r.country.eq_ignore_ascii_case(self.country.trim()))
            && (self.function.is_empty() || r.function == self.function)
            && (self.language.is_empty() || r.locale.code() == self.language)
    }

    /// The same filter as a query string (for export links).
    pub fn query(&self) -> String {
        let mut parts = vec![];
        if let Some(s) = self.session {
            parts.push(format!("session={s}"));
        }
        for (k, v) in [
            ("q", &self.q),
            ("status", &self.status),
            ("country", &self.country),
            ("function", &self.function),
            ("language", &self.language),
        ] {
            if !v.is_empty() {
                parts.push(format!("{k}={}", encode(v)));
            }
        }
        parts.join("&")
    }
}

fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct Registrant {
    pub id: i64,
    pub session_id: i64,
    pub email: String,
    pub full_name: String,
    pub organisation: String,
    pub function: String,
    pub territory: String,
    pub country: String,
    pub locale: String,
    pub status: String,
    pub attended: bool,
    pub registered_at: NaiveDateTime,
    pub webinar: String,
    /// Start in the session's zone, e.g. "2030-03-14 10:00 (Africa/Casablanca)".
    pub session_start: String,
}

pub fn list(
    conn: &mut DbConnection,
    filter: &Filter,
    locale: Locale,
) -> Result<Vec<Registrant>, DbError> {
    let rows = q::registrants(conn, filter.session)?;
    let mut webinar_ids: Vec<i64> = rows.iter().map(|r| r.webinar_id).collect();
    webinar_ids.sort_unstable();
    webinar_ids.dedup();
    let texts = programme::webinar_translations(conn, &webinar_ids)?;
    Ok(rows
        .into_iter()
        .filter(|r| filter.keeps(r))
        .map(|r| {
            let title = pick(
                locale,
                texts
                    .iter()
                    .filter(|t| t.owner_id == r.webinar_id)
                    .map(|t| (t.locale.as_str(), t)),
                |t| !t.title.is_empty(),
            )
            .map(|(_, t)| t.title.clone())
            .unwrap_or_default();
            let zone = r.timezone;
            let start = r.starts_at.and_utc().with_timezone(&zone.0);
            let reg = r.registration;
            Registrant {
                id: reg.id,
                session_id: reg.session_id,
                email: reg.email,
                full_name: reg.full_name,
                organisation: reg.organisation,
                function: reg.function,
                territory: reg.territory,
                country: reg.country,
                locale: reg.locale.code().to_owned(),
                status: reg.status.as_str().to_owned(),
                attended: reg.attended,
                registered_at: reg.created_at,
                webinar: title,
                session_start: format!("{} ({})", start.format("%Y-%m-%d %H:%M"), zone.name()),
            }
        })
        .collect())
}

#[derive(Debug, PartialEq, Eq)]
pub enum StatusOutcome {
    Changed,
    Unchanged,
    /// No seat left to confirm this person.
    Full,
}

fn mail(conn: &mut DbConnection, r: &regs::Registration, kind: MailKind) -> Result<(), DbError> {
    if let Ok(to) = EmailAddress::parse(&r.email) {
        enqueue(conn, &to, r.locale, &kind)?;
    }
    Ok(())
}

/// Moves a registration to `to` (confirmed, waitlisted or cancelled) with the same seat
/// accounting and mails as the registrant's own actions.
pub fn set_status(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    to: Status,
) -> Result<StatusOutcome, DbError> {
    write_transaction(conn, |conn| {
        let r = regs::by_id(conn, id)?;
        let from = r.status;
        if from == to || to == Status::Pending {
            return Ok(StatusOutcome::Unchanged);
        }
        let now = Utc::now().naive_utc();
        let registration_id = r.id;
        match to {
            Status::Confirmed => {
                regs::lock_session(conn, r.session_id)?;
                if !regs::take_seat(conn, r.session_id)? {
                    return Ok(StatusOutcome::Full);
                }
                if !regs::transition(conn, id, from.as_str(), to.as_str(), now)? {
                    // Changed meanwhile by the registrant: nothing done.
                    regs::release_seat(conn, r.session_id)?;
                    return Ok(StatusOutcome::Unchanged);
                }
                mail(
                    conn,
                    &r,
                    MailKind::RegistrationConfirmed {
                        registration_id,
                        promoted: false,
                    },
                )?;
            }
            Status::Waitlisted | Status::Cancelled => {
                let at = if to == Status::Waitlisted {
                    regs::next_waitlist_time(conn, r.session_id, now)?
                } else {
                    now
                };
                if !regs::transition(conn, id, from.as_str(), to.as_str(), at)? {
                    return Ok(StatusOutcome::Unchanged);
                }
                let kind = if to == Status::Waitlisted {
                    MailKind::RegistrationWaitlisted { registration_id }
                } else {
                    MailKind::RegistrationCancelled { registration_id }
                };
                mail(conn, &r, kind)?;
                if from == Status::Confirmed {
                    regs::release_seat(conn, r.session_id)?;
                    promote_waitlist(conn, r.session_id, now)?;
                }
            }
            Status::Pending => unreachable!("refused above"),
        }
        admin::audit(
            conn,
            actor,
            "registration.status",
            &format!("registration:{id}"),
            &format!("{} -> {}", from.as_str(), to.as_str()),
        )?;
        Ok(StatusOutcome::Changed)
    })
}

/// Column headers and cells of an export, in the organiser's language.
pub fn table(rows: &[Registrant], locale: Locale) -> (Vec<String>, Vec<Vec<String>>) {
    let t = |id: &str| catalog().plain(locale, id, &[]);
    let headers = [
        "admin-col-name",
        "admin-col-email",
        "admin-col-organisation",
        "admin-col-function",
        "admin-col-territory",
        "admin-col-country",
        "admin-col-language",
        "admin-col-webinar",
        "admin-col-session",
        "admin-col-status",
        "admin-col-attended",
        "admin-col-registered",
    ]
    .iter()
    .map(|id| t(id))
    .collect();
    let cells = rows
        .iter()
        .map(|r| {
            vec![
                r.full_name.clone(),
                r.email.clone(),
                r.organisation.clone(),
                t(&format!("registration-function-{}", r.function)),
                r.territory.clone(),
                r.country.clone(),
                r.locale.clone(),
                r.webinar.clone(),
                r.session_start.clone(),
                t(&format!("admin-status-{}", r.status)),
                t(if r.attended { "admin-yes" } else { "admin-no" }),
                r.registered_at.format("%Y-%m-%d %H:%M").to_string(),
            ]
        })
        .collect();
    (headers, cells)
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe.
pub fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// CSV in UTF-8 with a BOM (spreadsheets then read accents and Arabic right).
pub fn export_csv(rows: &[Registrant], locale: Locale) -> Vec<u8> {
    let (headers, cells) = table(rows, locale);
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let _ = w.write_record(&headers);
        for row in cells {
            let _ = w.write_record(row.iter().map(|c| defuse(c)));
        }
        let _ = w.flush();
    }
    out
}

/// An .xlsx workbook; every cell is written as text, never as a formula, and the sheet
/// reads right to left in Arabic.
pub fn export_xlsx(rows: &[Registrant], locale: Locale) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let (headers, cells) = table(rows, locale);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    sheet.set_right_to_left(locale.is_rtl());
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    for (c, h) in headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, &bold)
            .map_err(e)?;
    }
    for (r, row) in cells.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write_string(r as u32 + 1, c as u16, cell)
                .map_err(e)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(e)?;
    book.save_to_buffer().map_err(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("-1"), "'-1");
        assert_eq!(defuse("Ville de Fès"), "Ville de Fès");
    }
}
