//! What a database error means to whoever answers a request, so callers outside `db`
//! can map it without naming diesel.

use diesel::result::{DatabaseErrorKind, Error};

use super::DbError;

/// The meaning of a `DbError` for an answer.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// The row asked for does not exist.
    NotFound,
    /// Busy, full, restarting or unreachable: worth a retry later.
    Unavailable(String),
    /// The database refused the input itself (PostgreSQL: NUL or invalid UTF-8 in text).
    BadInput,
    /// Anything else: a bug or a broken invariant.
    Other,
}

impl DbError {
    pub fn failure(&self) -> Failure {
        match self {
            DbError::Query(Error::NotFound) => Failure::NotFound,
            DbError::Unavailable(m) => Failure::Unavailable(m.clone()),
            DbError::Query(Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection
                | DatabaseErrorKind::UnableToSendCommand
                | DatabaseErrorKind::SerializationFailure,
                info,
            )) => Failure::Unavailable(info.message().to_owned()),
            DbError::Query(Error::DatabaseError(_, info))
                if info.message().contains("invalid byte sequence") =>
            {
                Failure::BadInput
            }
            DbError::Query(Error::DatabaseError(_, info)) if is_transient(info.message()) => {
                Failure::Unavailable(info.message().to_owned())
            }
            DbError::Query(Error::BrokenTransactionManager) => {
                Failure::Unavailable("broken transaction manager".to_owned())
            }
            _ => Failure::Other,
        }
    }
}

/// Errors that say the database is busy, full, restarting or unreachable, not that
/// the request is wrong.
fn is_transient(message: &str) -> bool {
    const SIGNS: [&str; 9] = [
        "database is locked",
        "database table is locked",
        "disk",
        "terminating connection",
        "server closed the connection",
        "connection to server",
        "could not connect",
        "the database system is",
        "no connection",
    ];
    SIGNS.iter().any(|s| message.contains(s))
}
