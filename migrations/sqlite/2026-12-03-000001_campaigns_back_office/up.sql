-- The validation report of a campaign's contact list, kept so the campaign page can show
-- it at any time (JSON: reason ids, rendered in the reader's language).
ALTER TABLE campaigns ADD COLUMN report TEXT NOT NULL DEFAULT '';

-- Announcements from organisers to the registrants of a session, one text per language.
CREATE TABLE announcements (
    id INTEGER PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    include_waitlisted BOOLEAN NOT NULL DEFAULT 0,
    idempotency_key TEXT NOT NULL UNIQUE,
    queued INTEGER NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE announcement_texts (
    announcement_id BIGINT NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (announcement_id, locale)
);
-- Who received an announcement, in which language, with a one-click unsubscribe token.
CREATE TABLE announcement_recipients (
    id INTEGER PRIMARY KEY,
    announcement_id BIGINT NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
    registration_id BIGINT REFERENCES registrations(id) ON DELETE SET NULL,
    email TEXT NOT NULL,
    locale TEXT NOT NULL,
    unsubscribe_token_hash TEXT NOT NULL UNIQUE,
    unsubscribed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX announcement_recipients_announcement ON announcement_recipients(announcement_id);
-- The mail log lists the outbox newest first, optionally by status.
CREATE INDEX outbox_status_id ON outbox(status, id);
