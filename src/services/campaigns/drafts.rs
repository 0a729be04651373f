//! Deleting a campaign that was never sent (a wrong list, a wrong target): its
//! invitations go with it. A campaign with any invitation queued stays, for the funnel.

use crate::db::campaigns as q;
use crate::db::{DbConnection, DbError, admin, write_transaction};

/// True when deleted; false when some invitation of it was already queued.
pub fn delete_draft(conn: &mut DbConnection, actor: i64, id: i64) -> Result<bool, DbError> {
    write_transaction(conn, |conn| {
        q::lock_campaign(conn, id)?;
        let campaign = q::campaign(conn, id)?;
        if campaign.sent_at.is_some() || q::any_queued(conn, id)? {
            return Ok(false);
        }
        q::delete_campaign(conn, id)?;
        admin::audit(
            conn,
            actor,
            "campaign.delete",
            &format!("campaign:{id}"),
            &campaign.name,
        )?;
        Ok(true)
    })
}
