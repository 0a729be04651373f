//! Text columns that hold domain values are read as those values here, at the boundary:
//! a row whose language, status or time zone cannot be read is an error naming the column
//! and the value, never silently English, pending or UTC further up.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql, Queryable};
use diesel::sql_types::Text;

use crate::domain::registration::Status;
use crate::domain::{Locale, TimeZone};

/// A stored value that is not one the application writes.
#[derive(Debug, thiserror::Error)]
#[error("unreadable stored {column}: {value:?}")]
pub struct UnreadableValue {
    pub column: &'static str,
    pub value: String,
}

/// Boxed as diesel wants it; whoever handles the failed query logs it, column and value
/// included.
fn unreadable(column: &'static str, value: String) -> Box<dyn std::error::Error + Send + Sync> {
    Box::new(UnreadableValue { column, value })
}

/// The values of a row just written, read back as a loaded row would be.
pub(super) fn stored_values(
    locale: &str,
    timezone: &str,
    status: &str,
) -> Result<(Locale, TimeZone, Status), UnreadableValue> {
    Ok((
        locale.parse().map_err(|_| UnreadableValue {
            column: "locale",
            value: locale.to_owned(),
        })?,
        TimeZone::parse(timezone).map_err(|_| UnreadableValue {
            column: "timezone",
            value: timezone.to_owned(),
        })?,
        Status::parse(status).ok_or_else(|| UnreadableValue {
            column: "status",
            value: status.to_owned(),
        })?,
    ))
}

impl<DB> Queryable<Text, DB> for Locale
where
    DB: Backend,
    String: FromSql<Text, DB>,
{
    type Row = String;

    fn build(raw: String) -> deserialize::Result<Self> {
        raw.parse().map_err(|_| unreadable("locale", raw))
    }
}

impl<DB> Queryable<Text, DB> for Status
where
    DB: Backend,
    String: FromSql<Text, DB>,
{
    type Row = String;

    fn build(raw: String) -> deserialize::Result<Self> {
        Status::parse(&raw).ok_or_else(|| unreadable("status", raw))
    }
}

impl<DB> Queryable<Text, DB> for TimeZone
where
    DB: Backend,
    String: FromSql<Text, DB>,
{
    type Row = String;

    fn build(raw: String) -> deserialize::Result<Self> {
        TimeZone::parse(&raw).map_err(|_| unreadable("timezone", raw))
    }
}

#[cfg(test)]
mod tests {
    use diesel::sqlite::Sqlite;

    use super::*;

    #[test]
    fn a_value_the_application_never_writes_is_an_error_naming_it() {
        let locale = <Locale as Queryable<Text, Sqlite>>::build("xx".to_owned());
        assert_eq!(
            locale.unwrap_err().to_string(),
            r#"unreadable stored locale: "xx""#
        );
        let status = <Status as Queryable<Text, Sqlite>>::build("maybe".to_owned());
        assert!(status.unwrap_err().to_string().contains("status"));
        let zone = <TimeZone as Queryable<Text, Sqlite>>::build("Mars/Olympus".to_owned());
        assert!(zone.unwrap_err().to_string().contains("timezone"));
        let read = <Locale as Queryable<Text, Sqlite>>::build("ar".to_owned());
        assert_eq!(read.unwrap(), Locale::Ar);
    }
}
