//! `convive backup PATH`: a consistent copy of a live SQLite database. `VACUUM INTO`
//! reads one snapshot (WAL readers do not block writers, nor writers them), so the
//! server keeps writing while the copy is made, and the copy is a compact, complete
//! database file.

use std::path::Path;

use diesel::RunQueryDsl;
use diesel::sql_types::Text;

use super::{Db, DbConnection};

impl Db {
    pub fn backup_to(&self, path: &Path) -> anyhow::Result<()> {
        if path.exists() {
            anyhow::bail!(
                "{} already exists: choose a new file name (a backup never overwrites)",
                path.display()
            );
        }
        let target = path
            .to_str()
            .ok_or_else(|| anyhow::anyhow!("the backup path must be valid UTF-8"))?
            .to_owned();
        let mut conn = self.conn()?;
        match &mut *conn {
            DbConnection::Sqlite(c) => {
                diesel::sql_query("VACUUM INTO ?")
                    .bind::<Text, _>(&target)
                    .execute(c)
                    .map_err(|e| anyhow::anyhow!("backup to {target} failed: {e}"))?;
                Ok(())
            }
            DbConnection::Pg(_) => anyhow::bail!(
                "`convive backup` copies SQLite databases only; for PostgreSQL use pg_dump \
                 (e.g. `pg_dump --format=custom --file=convive.dump \"$DATABASE_URL\"`)"
            ),
        }
    }
}
