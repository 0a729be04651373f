-- Self-service export and erasure: a mailed link whose token is kept only as a hash.
-- Rows expire within a day and are deleted by the retention job.
CREATE TABLE privacy_requests (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL,
    locale TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX privacy_requests_expires ON privacy_requests(expires_at);
-- Export and erasure look mail up by recipient.
CREATE INDEX outbox_recipient ON outbox(recipient);
