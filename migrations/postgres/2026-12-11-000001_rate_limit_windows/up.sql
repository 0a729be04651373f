-- Rate limits shared by every instance: attempts per limited key (a hash of the client
-- address, account or token) per one-minute window. UNLOGGED: a count lost in a crash
-- only forgets a minute of attempts, and no write here waits for a WAL flush.
CREATE UNLOGGED TABLE rate_limit_windows (
    bucket TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
