//! Campaign rows for the back office lists and pages, and how a campaign's target reads.

use crate::db::campaigns as q;
use crate::db::{DbConnection, DbError};
use crate::domain::Locale;
use crate::services::sessions;

/// A stored campaign.
pub use crate::db::campaigns::Campaign;

pub fn campaign(conn: &mut DbConnection, id: i64) -> Result<Campaign, DbError> {
    q::campaign(conn, id)
}

/// Every campaign, newest first.
pub fn all(conn: &mut DbConnection) -> Result<Vec<Campaign>, DbError> {
    q::all_campaigns(conn)
}

/// How a campaign's target reads: its session's label, or the whole series.
pub fn target_label(
    conn: &mut DbConnection,
    locale: Locale,
    c: &Campaign,
) -> Result<String, DbError> {
    let series = crate::i18n::catalog().html(locale, "admin-campaign-target-series", &[]);
    Ok(match c.session_id {
        Some(id) => sessions::labels::one(conn, locale, id)?
            .map(|s| s.text(locale))
            .unwrap_or_default(),
        None => series,
    })
}
