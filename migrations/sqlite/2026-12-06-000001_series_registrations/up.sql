-- "Register for the whole series": one request groups one registration per webinar,
-- confirmed by one mail and managed from one page. One group per address; registering
-- for the series again reuses it. Its tokens are derived from the id (HMAC), kept hashed.
CREATE TABLE registration_groups (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    locale TEXT NOT NULL,
    confirm_token_hash TEXT NOT NULL UNIQUE,
    manage_token_hash TEXT NOT NULL UNIQUE,
    request_mailed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
-- A registration belongs to at most one group.
CREATE TABLE registration_group_members (
    registration_id BIGINT PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES registration_groups(id) ON DELETE CASCADE
);
CREATE INDEX registration_group_members_group ON registration_group_members(group_id);
-- When a registration request was last answered by mail: the same submit again within
-- a few seconds (double click, retried request) sends no second mail.
ALTER TABLE registrations ADD COLUMN request_mailed_at TIMESTAMP;
