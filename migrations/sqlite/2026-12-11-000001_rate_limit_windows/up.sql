-- SQLite is served by one process, which counts rate limits in memory; the shared
-- counting table exists on PostgreSQL only. Same version name on both backends.
SELECT 1;
