//! Keeps the server's resident memory small (under 100 MB under load, BENCHMARKS.md).
//!
//! glibc's allocator, left alone, holds on to memory the process freed: it raises its
//! mmap threshold after a large block is freed, so the next 19 MiB block of an argon2id
//! hash comes from the heap and stays resident, and each of the dozens of threads
//! (blocking pool, writer, mailer) may get an arena of its own that keeps its freed
//! chunks. A fixed threshold returns every large block to the system when freed, and
//! few arenas bound what freed chunks can pile up.

/// Call first thing in `main`, before any thread starts.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; it is called before other threads
    // exist, and both values are within the documented ranges.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
