//! Rate-limit windows shared by every instance on PostgreSQL (`services::rate_limits`
//! decides what to count): one atomic upsert per attempt.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text};

use super::{DbConnection, DbError};

#[derive(QueryableByName)]
struct Counts {
    #[diesel(sql_type = Integer)]
    current: i32,
    #[diesel(sql_type = Integer)]
    previous: i32,
}

/// Counts one attempt of `bucket` in the window starting at `window_start` (seconds),
/// and returns the attempts of that window and of the one before it. Concurrent
/// attempts from any instance each see their own count: the upsert takes the row lock.
pub fn hit(
    conn: &mut DbConnection,
    bucket: &str,
    window_start: i64,
    window: i64,
) -> Result<(u32, u32), DbError> {
    let DbConnection::Pg(pg) = conn else {
        return Err(DbError::Unavailable(
            "shared rate limits are kept in PostgreSQL only".into(),
        ));
    };
    let counts: Counts = diesel::sql_query(
        "WITH hit AS (
             INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES ($1, $2, 1)
             ON CONFLICT (bucket, window_start)
             DO UPDATE SET hits = rate_limit_windows.hits + 1
             RETURNING hits)
         SELECT hit.hits AS current,
                COALESCE((SELECT hits FROM rate_limit_windows
                          WHERE bucket = $1 AND window_start = $2 - $3), 0) AS previous
         FROM hit",
    )
    .bind::<Text, _>(bucket)
    .bind::<BigInt, _>(window_start)
    .bind::<BigInt, _>(window)
    .get_result(pg)?;
    Ok((counts.current.max(0) as u32, counts.previous.max(0) as u32))
}

/// Drops windows that started before `before`: they no longer count.
pub fn forget_before(conn: &mut DbConnection, before: i64) -> Result<usize, DbError> {
    let DbConnection::Pg(pg) = conn else {
        return Ok(0);
    };
    Ok(
        diesel::sql_query("DELETE FROM rate_limit_windows WHERE window_start < $1")
            .bind::<BigInt, _>(before)
            .execute(pg)?,
    )
}
