//! The content version: a counter bumped after every committed change that public pages
//! or the public API show (webinars, sessions, replays, modules, lessons, translations,
//! and registrations that change `seats_left`). The page cache (`web/cache.rs`) serves a
//! stored response only while the version it was rendered at is still current.
//!
//! HOOK for writers: after committing such a change, call `Db::content_changed()` (or run
//! the write through `Db::run_content_change`). Bump after the commit, never before: a
//! reader that sees the new version then also sees the new rows. Bumping too often only
//! costs a re-render; forgetting to bump serves stale content until the cache TTL.
//!
//! The counter lives in this process: other instances sharing a PostgreSQL database (and
//! the `convive` command line run beside a server) do not bump it, which is why cached
//! responses also expire after a short TTL.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Clone, Debug, Default)]
pub struct ContentVersion(Arc<AtomicU64>);

impl ContentVersion {
    pub fn current(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    /// Marks every response rendered before now as stale.
    pub fn bump(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_the_counter() {
        let a = ContentVersion::default();
        let b = a.clone();
        let before = b.current();
        a.bump();
        assert_eq!(b.current(), before + 1);
    }
}
