-- SQLite keeps its generated key in the data dir beside the database file (one process
-- owns both); the shared key table exists on PostgreSQL only. Same version name on both
-- backends.
SELECT 1;
