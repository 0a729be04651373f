//! Exporting registrants: what a filter selects, with the audit row every export of
//! personal data leaves.

use crate::db::{DbConnection, DbError, admin};
use crate::domain::Locale;
use crate::services::registrations::registrants::{self, Filter, Registrant};

/// The file format of an export, as the audit row names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// The rows `filter` selects, once the export is recorded in the audit log.
pub fn rows(
    conn: &mut DbConnection,
    actor: i64,
    filter: &Filter,
    locale: Locale,
    format: Format,
) -> Result<Vec<Registrant>, DbError> {
    let rows = registrants::list(conn, filter, locale)?;
    admin::audit(
        conn,
        actor,
        "registrants.export",
        &filter
            .session
            .map_or("series".to_owned(), |s| format!("session:{s}")),
        &format!("{} rows={} {}", format.name(), rows.len(), filter.query()),
    )?;
    Ok(rows)
}
