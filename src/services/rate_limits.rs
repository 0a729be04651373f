//! Rate limits counted in the database, so that N instances on one PostgreSQL database
//! allow what one would: a sliding one-minute window estimated from the count of this
//! minute and of the minute before it (weighted by how much of it still overlaps the
//! last sixty seconds). Refused attempts count too: a client that keeps hammering stays
//! refused.

use crate::db::{DbConnection, DbError, rate_limits};

pub const WINDOW_SECS: i64 = 60;

/// Counts an attempt of `bucket` at `now` (Unix seconds); `true` while it stays within
/// `per_minute` attempts over the last minute.
pub fn attempt(
    conn: &mut DbConnection,
    bucket: &str,
    per_minute: u32,
    now: i64,
) -> Result<bool, DbError> {
    let start = now - now.rem_euclid(WINDOW_SECS);
    let (current, previous) = rate_limits::hit(conn, bucket, start, WINDOW_SECS)?;
    Ok(within(current, previous, now - start, per_minute))
}

/// Forgets the windows that can no longer count at `now`.
pub fn forget_old(conn: &mut DbConnection, now: i64) -> Result<usize, DbError> {
    let start = now - now.rem_euclid(WINDOW_SECS);
    rate_limits::forget_before(conn, start - WINDOW_SECS)
}

/// The sliding-window estimate against the quota.
fn within(current: u32, previous: u32, elapsed: i64, per_minute: u32) -> bool {
    let overlap = (WINDOW_SECS - elapsed.clamp(0, WINDOW_SECS)) as u64;
    let estimate = u64::from(current) * WINDOW_SECS as u64 + u64::from(previous) * overlap;
    estimate <= u64::from(per_minute) * WINDOW_SECS as u64
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn the_minute_before_counts_for_what_still_overlaps() {
        assert!(within(10, 0, 0, 10));
        assert!(!within(11, 0, 59, 10));
        // Ten attempts at the end of the last minute leave no room at the start of this.
        assert!(!within(1, 10, 0, 10));
        // Half way through, half of them still count.
        assert!(within(5, 10, 30, 10));
        assert!(!within(6, 10, 30, 10));
    }
}
