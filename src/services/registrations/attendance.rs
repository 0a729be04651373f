//! Attendance, marked by hand or from a meeting tool's attendee list.

use crate::db::registrants as q;
use crate::db::{DbConnection, DbError, admin, write_transaction};

pub fn set_attended(
    conn: &mut DbConnection,
    actor: i64,
    id: i64,
    attended: bool,
) -> Result<bool, DbError> {
    write_transaction(conn, |conn| {
        if !q::set_attended(conn, id, attended)? {
            return Ok(false);
        }
        admin::audit(
            conn,
            actor,
            "registration.attendance",
            &format!("registration:{id}"),
            if attended { "attended" } else { "absent" },
        )?;
        Ok(true)
    })
}

/// The outcome of an attendee list import.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct AttendanceReport {
    pub rows: usize,
    pub matched: usize,
    /// Rows whose address is no registrant of the session: (line, what it says).
    pub unmatched: Vec<(usize, String)>,
}

/// Reads a meeting tool's attendee list: a header row with a column whose name contains
/// "mail" (Email, E-mail, Courriel, "Attendee Email"…), in any position; `;`, `,` or tab
/// separated; a BOM is fine. Returns (line, address) for each non-empty row.
pub fn parse_attendees(raw: &[u8]) -> Result<Vec<(usize, String)>, &'static str> {
    let text = std::str::from_utf8(raw).map_err(|_| "admin-attendance-error-unreadable")?;
    let text = text.trim_start_matches('\u{feff}');
    let header = text.lines().next().unwrap_or("");
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| "admin-attendance-error-unreadable")?
        .clone();
    let column = headers
        .iter()
        .position(|h| {
            let h = h.trim().to_lowercase();
            h.contains("mail") || h.contains("courriel") || h.contains("بريد")
        })
        .ok_or("admin-attendance-error-no-email-column")?;
    let mut out = vec![];
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let Ok(record) = record else {
            out.push((line, String::new()));
            continue;
        };
        let value = record.get(column).unwrap_or("").trim().to_owned();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        out.push((line, value));
    }
    Ok(out)
}

/// Marks attended every registrant of the session found in the list.
pub fn import_attendance(
    conn: &mut DbConnection,
    actor: i64,
    session_id: i64,
    rows: &[(usize, String)],
) -> Result<AttendanceReport, DbError> {
    write_transaction(conn, |conn| {
        admin::session_by_id(conn, session_id)?;
        let emails: Vec<String> = rows.iter().map(|(_, e)| e.to_lowercase()).collect();
        let matched = q::mark_attended_by_email(conn, session_id, &emails)?;
        let unmatched: Vec<(usize, String)> = rows
            .iter()
            .filter(|(_, e)| !matched.contains(&e.to_lowercase()))
            .cloned()
            .collect();
        let report = AttendanceReport {
            rows: rows.len(),
            matched: rows.len() - unmatched.len(),
            unmatched,
        };
        admin::audit(
            conn,
            actor,
            "session.attendance-import",
            &format!("session:{session_id}"),
            &format!("rows={} matched={}", report.rows, report.matched),
        )?;
        Ok(report)
    })
}

#[cfg(test)]
mod tests;
