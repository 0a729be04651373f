//! SQLite's settings: the journal mode of the file, and what every connection sets.

use anyhow::Context;
use diesel::SqliteConnection;
use diesel::prelude::*;
use diesel::r2d2::CustomizeConnection;

use super::DbConnection;

/// Per-connection SQLite settings: WAL, a busy timeout rather than SQLITE_BUSY errors,
/// and enforced foreign keys.
#[derive(Debug)]
pub(super) struct SqlitePragmas;

impl CustomizeConnection<DbConnection, diesel::r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), diesel::r2d2::Error> {
        if let DbConnection::Sqlite(c) = conn {
            sqlite_pragmas(c).map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// `synchronous = FULL` in WAL mode: every COMMIT fsyncs the WAL before it returns, so
/// what a request committed is on disk before its answer leaves.
pub(super) fn sqlite_pragmas(c: &mut SqliteConnection) -> diesel::QueryResult<()> {
    use diesel::connection::SimpleConnection;
    // busy_timeout first, so the other statements wait instead of failing.
    c.batch_execute(
        "PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL; \
         PRAGMA foreign_keys = ON;",
    )
}

/// WAL is a property of the database file: set it once, before the pool opens
/// connections concurrently.
pub(super) fn enable_wal(path: &str) -> anyhow::Result<()> {
    use diesel::connection::SimpleConnection;
    let mut conn = SqliteConnection::establish(path)
        .with_context(|| format!("cannot open SQLite database {path}"))?;
    conn.batch_execute("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;")
        .context("cannot switch SQLite to WAL")?;
    Ok(())
}
