//! Counting replay views: the player reports that a published replay started.

use crate::db::{DbConnection, DbError, stats};

/// Records that a published replay of the webinar started playing in `locale`; false
/// when there is no such replay.
pub fn record(conn: &mut DbConnection, webinar_slug: &str, locale: &str) -> Result<bool, DbError> {
    stats::record_replay_view(conn, webinar_slug, locale)
}
