//! The deployment's shared secret key on PostgreSQL (`secrets::key` decides when).

use diesel::prelude::*;
use diesel::sql_types::Binary;

use super::{DbConnection, DbError};

#[derive(QueryableByName)]
struct KeyRow {
    #[diesel(sql_type = Binary)]
    key: Vec<u8>,
}

/// Stores `candidate` unless a key is already stored, then returns the stored key: every
/// instance that starts at the same time gets the same one (the loser of the insert race
/// reads the winner's).
pub fn shared(conn: &mut DbConnection, candidate: &[u8; 64]) -> Result<Vec<u8>, DbError> {
    let DbConnection::Pg(pg) = conn else {
        return Err(DbError::Unavailable(
            "the shared key is kept in PostgreSQL only".into(),
        ));
    };
    diesel::sql_query(
        "INSERT INTO deployment_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
    )
    .bind::<Binary, _>(candidate.as_slice())
    .execute(pg)?;
    let row: KeyRow =
        diesel::sql_query("SELECT key FROM deployment_key WHERE id = 1").get_result(pg)?;
    Ok(row.key)
}
