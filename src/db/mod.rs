//! The only place that speaks diesel. One connection type over SQLite and PostgreSQL.

pub mod admin;
pub mod announcements;
pub mod api_tokens;
pub mod backup;
pub mod campaigns;
pub mod content_version;
pub mod deployment_key;
pub mod failure;
pub mod feeds;
pub mod group_commit;
pub mod learning;
pub mod mail_log;
pub mod models;
pub mod outbox;
pub mod personal_data;
pub mod privacy;
pub mod programme;
pub mod rate_limits;
pub mod registration_groups;
pub mod registrations;
pub mod reminders;
pub mod retention;
pub mod schema;
pub mod seed;
pub mod session_changes;
pub mod speakers;
mod sqlite;
mod stored;
pub mod suppressions;
pub mod users;

pub mod audit_view;
pub mod content_admin;
pub mod registrants;
pub mod stats;

use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, Pool, PooledConnection};

use diesel::{PgConnection, SqliteConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use sqlite::{SqlitePragmas, enable_wal, sqlite_pragmas};

pub use content_version::ContentVersion;
pub use group_commit::GroupCommit;

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

pub type DbPool = Pool<ConnectionManager<DbConnection>>;
pub type PooledDb = PooledConnection<ConnectionManager<DbConnection>>;

/// Which backend a pool talks to, for the few places where dialects differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database handle shared by the web layer, the worker and the command line.
#[derive(Clone)]
pub struct Db {
    pool: DbPool,
    pub backend: Backend,
    /// Bumped after changes that public pages show; see `content_version.rs`.
    content: ContentVersion,
    /// SQLite: the single writer that commits hot-path writes in batches
    /// (`group_commit.rs`). None on PostgreSQL.
    writer: Option<GroupCommit>,
    /// Notified after a committed run or write queued mail; the mail worker waits on it.
    mail_queued: std::sync::Arc<tokio::sync::Notify>,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    #[error(transparent)]
    Unreadable(#[from] stored::UnreadableValue),
}

impl DbError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, DbError::Query(diesel::result::Error::NotFound))
    }

    /// A concurrent transaction inserted the same unique row first (PostgreSQL).
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            ))
        )
    }

    /// The error of a lookup that found no row, for code that finds out without diesel.
    pub fn not_found() -> DbError {
        DbError::Query(diesel::result::Error::NotFound)
    }
}

impl Db {
    /// Opens the configured database: PostgreSQL when `database_url` is a postgres URL,
    /// otherwise the SQLite file `convive.db` in the data dir.
    pub fn connect(database_url: Option<&str>, data_dir: &Path) -> anyhow::Result<Db> {
        let (url, backend) = match database_url {
            Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => {
                (u.to_owned(), Backend::Postgres)
            }
            Some(u) => (
                u.trim_start_matches("sqlite://").to_owned(),
                Backend::Sqlite,
            ),
            None => {
                std::fs::create_dir_all(data_dir)
                    .with_context(|| format!("cannot create data dir {}", data_dir.display()))?;
                (
                    data_dir.join("convive.db").to_string_lossy().into_owned(),
                    Backend::Sqlite,
                )
            }
        };
        let writer = match backend {
            Backend::Sqlite => {
                enable_wal(&url)?;
                let open = || -> anyhow::Result<DbConnection> {
                    let mut conn = SqliteConnection::establish(&url)
                        .with_context(|| format!("cannot open SQLite database {url}"))?;
                    sqlite_pragmas(&mut conn).context("cannot set up the SQLite writer")?;
                    Ok(DbConnection::Sqlite(conn))
                };
                Some(GroupCommit::start(open()?, open()?)?)
            }
            Backend::Postgres => None,
        };
        let manager = ConnectionManager::<DbConnection>::new(url);
        let builder = Pool::builder()
            .connection_timeout(Duration::from_secs(5))
            .max_size(if backend == Backend::Sqlite { 8 } else { 16 });
        let builder = match backend {
            Backend::Sqlite => builder.connection_customizer(Box::new(SqlitePragmas)),
            Backend::Postgres => builder,
        };
        let pool = builder
            .build(manager)
            .context("cannot open the database (check DATABASE_URL)")?;
        Ok(Db {
            pool,
            backend,
            content: ContentVersion::default(),
            writer,
            mail_queued: Default::default(),
        })
    }

    pub fn conn(&self) -> Result<PooledDb, DbError> {
        self.pool
            .get()
            .map_err(|e| DbError::Unavailable(e.to_string()))
    }

    /// Runs blocking database work off the async executor.
    pub async fn run<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        let (result, queued) = tokio::task::spawn_blocking(move || {
            let mut conn = db.conn()?;
            Ok::<_, DbError>(outbox::noting_queued(|| f(&mut conn)))
        })
        .await
        .map_err(|e| DbError::Unavailable(e.to_string()))??;
        self.mail_committed(result.is_ok() && queued);
        result
    }

    /// Runs a write in one transaction and answers once it is committed (durably: see
    /// `sqlite_pragmas`). SQLite: through the group-commit writer, batched with the
    /// writes of concurrent requests, each in its own savepoint. PostgreSQL: a
    /// transaction on a pooled connection (the server groups concurrent commits itself).
    /// Use it for writes on the hot path (registrations, confirmations, progress).
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let noting = move |conn: &mut DbConnection| {
            let (result, queued) = outbox::noting_queued(|| f(conn));
            result.map(|value| (value, queued))
        };
        let (value, queued) = match &self.writer {
            Some(writer) => writer.write(noting).await?,
            None => {
                let db = self.clone();
                tokio::task::spawn_blocking(move || {
                    let mut conn = db.conn()?;
                    write_transaction(&mut conn, noting)
                })
                .await
                .map_err(|e| DbError::Unavailable(e.to_string()))??
            }
        };
        self.mail_committed(queued);
        Ok(value)
    }

    /// Wakes the mail worker once a committed change queued mail.
    fn mail_committed(&self, queued: bool) {
        if queued {
            self.mail_queued.notify_one();
        }
    }

    /// What the mail worker waits on between batches (besides its polling interval).
    pub fn mail_queued(&self) -> &tokio::sync::Notify {
        &self.mail_queued
    }

    /// The group-commit writer (SQLite only), e.g. for its counters.
    pub fn group_commit(&self) -> Option<&GroupCommit> {
        self.writer.as_ref()
    }

    /// Runs a write that changes what public pages show, then marks cached pages stale
    /// (whatever the outcome: a failed write may have committed part of its work).
    pub async fn run_content_change<T, F>(&self, f: F) -> Result<T, DbError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, DbError> + Send + 'static,
        T: Send + 'static,
    {
        let result = self.run(f).await;
        self.content_changed();
        result
    }

    /// HOOK: call after committing a change to webinars, sessions, replays, modules,
    /// lessons, their translations, or registrations that change `seats_left`.
    pub fn content_changed(&self) {
        self.content.bump();
    }

    /// The version cached responses are checked against.
    pub fn content_version(&self) -> &ContentVersion {
        &self.content
    }

    /// Applies the embedded migrations of this backend; returns the versions applied.
    pub fn migrate(&self) -> anyhow::Result<Vec<String>> {
        let mut conn = self.conn()?;
        let applied = match &mut *conn {
            DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
            DbConnection::Pg(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
        }
        .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
        Ok(applied.iter().map(|v| v.to_string()).collect())
    }

    pub fn ping(&self) -> Result<(), DbError> {
        let mut conn = self.conn()?;
        diesel::sql_query("SELECT 1").execute(&mut *conn)?;
        Ok(())
    }
}

/// A write transaction. Outermost: on SQLite it takes the write lock when it begins
/// (`BEGIN IMMEDIATE`), so a read-then-write waits for other writers instead of failing
/// with SQLITE_BUSY on upgrading its read snapshot; a plain transaction on PostgreSQL.
/// Inside another transaction (e.g. a group-commit batch): a savepoint.
pub fn write_transaction<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<DbError>,
{
    if in_transaction(conn).map_err(DbError::from)? {
        return savepoint(conn, f);
    }
    outermost_write_transaction(conn, f)
}

/// Runs `f` in the caller's transaction when there is one (its savepoint or transaction
/// undoes `f`'s changes on error: the group-commit writer gives each closure one), else
/// in a write transaction of its own. Saves a savepoint per call on the hot path.
pub fn within_write_transaction<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<DbError>,
{
    if in_transaction(conn).map_err(DbError::from)? {
        return f(conn);
    }
    outermost_write_transaction(conn, f)
}

/// Runs `f` in a nested transaction (a savepoint inside the caller's): an Err rolls back
/// `f`'s changes only. `f`'s own error comes back as it was; diesel's become `DbError`.
pub(crate) fn savepoint<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<DbError>,
{
    enum Nested<E> {
        Inner(E),
        Db(diesel::result::Error),
    }
    impl<E> From<diesel::result::Error> for Nested<E> {
        fn from(e: diesel::result::Error) -> Self {
            Nested::Db(e)
        }
    }
    conn.transaction(|c| f(c).map_err(Nested::Inner))
        .map_err(|e| match e {
            Nested::Inner(e) => e,
            Nested::Db(e) => DbError::from(e).into(),
        })
}

fn in_transaction(conn: &mut DbConnection) -> diesel::QueryResult<bool> {
    use diesel::connection::TransactionManager;
    type Manager = <DbConnection as diesel::Connection>::TransactionManager;
    Ok(Manager::transaction_manager_status_mut(conn)
        .transaction_depth()?
        .is_some())
}

fn outermost_write_transaction<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<DbError>,
{
    use diesel::connection::TransactionManager;
    type Manager = <DbConnection as diesel::Connection>::TransactionManager;
    begin_write_transaction(conn).map_err(DbError::from)?;
    match f(conn) {
        Ok(value) => {
            Manager::commit_transaction(conn).map_err(DbError::from)?;
            Ok(value)
        }
        Err(e) => {
            let _ = Manager::rollback_transaction(conn);
            Err(e)
        }
    }
}

/// Opens an outermost write transaction (`BEGIN IMMEDIATE` on SQLite).
fn begin_write_transaction(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    match conn {
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")
        }
        DbConnection::Pg(c) => AnsiTransactionManager::begin_transaction(c),
    }
}
