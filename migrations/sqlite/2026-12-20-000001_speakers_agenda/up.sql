-- Who speaks at a webinar or a session, and what happens when: speakers with their
-- function and short bio per language, attached in an order and a role; the agenda of
-- a session as items at an offset from its start, titled per language.
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    full_name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    -- ISO 3166-1 alpha-2, or '' when not given.
    country TEXT NOT NULL DEFAULT '',
    -- Key of the original photo in the media storage; its sizes derive from it.
    photo_key TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE TABLE speaker_translations (
    speaker_id BIGINT NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    function TEXT NOT NULL DEFAULT '',
    bio TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (speaker_id, locale)
);
CREATE TABLE webinar_speakers (
    webinar_id BIGINT NOT NULL REFERENCES webinars(id) ON DELETE CASCADE,
    speaker_id BIGINT NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('speaker', 'moderator', 'interpreter')),
    position INTEGER NOT NULL,
    PRIMARY KEY (webinar_id, speaker_id)
);
CREATE TABLE session_speakers (
    session_id BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    speaker_id BIGINT NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('speaker', 'moderator', 'interpreter')),
    position INTEGER NOT NULL,
    PRIMARY KEY (session_id, speaker_id)
);
CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    -- Minutes after the session's start: the item moves with the session.
    offset_minutes INTEGER NOT NULL CHECK (offset_minutes >= 0),
    speaker_id BIGINT REFERENCES speakers(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX agenda_items_session ON agenda_items(session_id, offset_minutes);
CREATE TABLE agenda_item_translations (
    item_id BIGINT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (item_id, locale)
);
