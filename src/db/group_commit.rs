//! Group commit: one writer thread owns one SQLite connection and commits the writes it
//! is handed in batches. A caller queues a closure and waits; the writer takes every
//! closure waiting (up to `MAX_BATCH`), runs them one after the other in ONE
//! `BEGIN IMMEDIATE` transaction, each inside its own savepoint (a closure that fails or
//! panics rolls back its own changes only), commits, and only then answers each caller.
//!
//! Durability is not relaxed: the connection runs with `synchronous = FULL` in WAL mode,
//! so each COMMIT fsyncs the WAL before the callers of the batch are answered. The gain
//! is that one fsync (and one lock acquisition) serves a whole batch, and while a batch
//! commits the next requests queue up, so batches grow with the load by themselves.
//!
//! Checkpoints (copying the WAL back into the database file, and its fsync) are taken
//! off the writer: its connection does not checkpoint automatically, a checkpointer
//! thread with its own connection runs a PASSIVE checkpoint shortly after commits, while
//! the writer goes on committing. (With automatic checkpoints, every few batches one of
//! them paid for copying a thousand pages.)
//!
//! A single writer also makes read-then-write sequences (seat counters, progress merges)
//! simple on SQLite: nothing else in this process interleaves with them. Other writers
//! (the pool, the command line) still take the write lock in turn (`busy_timeout`).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use diesel::connection::TransactionManager;
use diesel::{Connection, RunQueryDsl};
use tokio::sync::{mpsc, oneshot};

use super::{DbConnection, DbError};

/// Closures committed together at most.
pub const MAX_BATCH: usize = 256;
/// Closures waiting at most; past it, callers wait for room (back-pressure).
const QUEUE: usize = 8192;

type Manager = <DbConnection as Connection>::TransactionManager;

/// Handle to the writer thread; cheap to clone. The thread ends when the last handle
/// is dropped.
#[derive(Clone)]
pub struct GroupCommit {
    queue: mpsc::Sender<Box<dyn Job>>,
    stats: Arc<Stats>,
}

/// Counters, for tests and the benchmark report.
#[derive(Debug, Default)]
pub struct Stats {
    batches: AtomicU64,
    jobs: AtomicU64,
}

impl Stats {
    /// (batches committed or attempted, closures run).
    pub fn get(&self) -> (u64, u64) {
        (
            self.batches.load(Ordering::Relaxed),
            self.jobs.load(Ordering::Relaxed),
        )
    }
}

/// One queued closure, type-erased: `run` inside the batch, `finish` once the batch's
/// fate is known.
trait Job: Send {
    fn run(&mut self, conn: &mut DbConnection);
    fn finish(self: Box<Self>, committed: Result<(), &DbError>);
}

struct Task<T, E, F> {
    work: Option<F>,
    result: Option<Result<T, E>>,
    reply: oneshot::Sender<Result<T, E>>,
}

impl<T, E, F> Job for Task<T, E, F>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E> + Send,
    T: Send,
    E: From<DbError> + Send,
{
    fn run(&mut self, conn: &mut DbConnection) {
        if let Some(work) = self.work.take() {
            // Nested in the batch's transaction, so diesel uses a savepoint: an Err rolls
            // back this closure's changes only.
            self.result = Some(super::savepoint(conn, work));
        }
    }

    fn finish(self: Box<Self>, committed: Result<(), &DbError>) {
        let result = match (committed, self.result) {
            (Ok(()), Some(result)) => result,
            // The closure's own error says more than the batch's.
            (Err(_), Some(Err(e))) => Err(e),
            (Err(e), _) => Err(DbError::Unavailable(format!("write not committed: {e}")).into()),
            (Ok(()), None) => Err(DbError::Unavailable("write did not run".into()).into()),
        };
        let _ = self.reply.send(result);
    }
}

impl GroupCommit {
    /// Starts the writer thread on `conn`, and the checkpointer on `checkpoints` (each a
    /// connection of its own to the same SQLite file).
    pub fn start(
        mut conn: DbConnection,
        mut checkpoints: DbConnection,
    ) -> std::io::Result<GroupCommit> {
        let (queue, rx) = mpsc::channel(QUEUE);
        let stats = Arc::new(Stats::default());
        let counters = stats.clone();
        diesel::sql_query("PRAGMA wal_autocheckpoint = 0")
            .execute(&mut conn)
            .map_err(std::io::Error::other)?;
        // Told after each commit; gone (ending the checkpointer) when the writer ends.
        let (committed, commits) = std::sync::mpsc::sync_channel::<()>(1);
        std::thread::Builder::new()
            .name("db-checkpoint".into())
            .spawn(move || checkpointer(&mut checkpoints, &commits))?;
        std::thread::Builder::new()
            .name("db-writer".into())
            .spawn(move || writer(conn, rx, &counters, &committed))?;
        Ok(GroupCommit { queue, stats })
    }

    /// Runs `work` in the next batch; answers once that batch is committed (or failed).
    pub async fn write<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let task = Box::new(Task {
            work: Some(work),
            result: None,
            reply,
        });
        if self.queue.send(task).await.is_err() {
            return Err(DbError::Unavailable("database writer stopped".into()).into());
        }
        answer.await.unwrap_or_else(|_| {
            // The sender went away without answering: the closure panicked.
            Err(DbError::Unavailable("database write failed (panic)".into()).into())
        })
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }
}

fn writer(
    mut conn: DbConnection,
    mut rx: mpsc::Receiver<Box<dyn Job>>,
    stats: &Stats,
    committed: &std::sync::mpsc::SyncSender<()>,
) {
    let mut batch: Vec<Box<dyn Job>> = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = rx.blocking_recv() {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        stats.batches.fetch_add(1, Ordering::Relaxed);
        stats.jobs.fetch_add(batch.len() as u64, Ordering::Relaxed);
        let outcome = run_batch(&mut conn, &mut batch);
        for job in batch.drain(..) {
            job.finish(outcome.as_ref().map(|_| ()));
        }
        // Full means a checkpoint is already due.
        let _ = committed.try_send(());
    }
}

/// Checkpoints shortly after commits, at most a few times a second. PASSIVE: it never
/// waits for (nor blocks) the writer or readers; what it cannot copy yet, a later one
/// does.
fn checkpointer(conn: &mut DbConnection, commits: &std::sync::mpsc::Receiver<()>) {
    while commits.recv().is_ok() {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let _ = commits.try_recv();
        if let Err(e) = diesel::sql_query("PRAGMA wal_checkpoint(PASSIVE)").execute(conn) {
            tracing::warn!(error = %e, "WAL checkpoint failed; retried after the next commit");
        }
    }
}

/// Runs every job of the batch in one write transaction and commits it.
fn run_batch(conn: &mut DbConnection, batch: &mut [Box<dyn Job>]) -> Result<(), DbError> {
    super::begin_write_transaction(conn)?;
    for job in batch.iter_mut() {
        if catch_unwind(AssertUnwindSafe(|| job.run(conn))).is_err() {
            // A panic skipped the savepoint's rollback: undo that closure's changes.
            tracing::error!("a database write panicked; its changes are rolled back");
            if let Err(e) = unwind_to_batch_level(conn) {
                let _ = Manager::rollback_transaction(conn);
                return Err(e);
            }
        }
    }
    if let Err(e) = Manager::commit_transaction(conn) {
        let _ = Manager::rollback_transaction(conn);
        return Err(e.into());
    }
    Ok(())
}

/// Rolls back nested savepoints until only the batch's transaction is open.
fn unwind_to_batch_level(conn: &mut DbConnection) -> Result<(), DbError> {
    loop {
        let depth = Manager::transaction_manager_status_mut(conn)
            .transaction_depth()?
            .map_or(0, |d| d.get());
        if depth <= 1 {
            return if depth == 1 {
                Ok(())
            } else {
                Err(DbError::Unavailable("batch transaction lost".into()))
            };
        }
        Manager::rollback_transaction(conn)?;
    }
}
