-- The whole domain of DESIGN.md. Times are UTC (TIMESTAMP without zone).
CREATE TABLE series (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE series_translations (
    series_id BIGINT NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (series_id, locale)
);
CREATE TABLE webinars (
    id BIGSERIAL PRIMARY KEY,
    series_id BIGINT REFERENCES series(id) ON DELETE SET NULL,
    slug TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    published BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE TABLE webinar_translations (
    webinar_id BIGINT NOT NULL REFERENCES webinars(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (webinar_id, locale)
);
CREATE TABLE sessions (
    id BIGSERIAL PRIMARY KEY,
    webinar_id BIGINT NOT NULL REFERENCES webinars(id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    timezone TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    capacity INTEGER NOT NULL CHECK (capacity >= 0),
    -- Capacity is an invariant of the database: confirmations increment this
    -- counter with a conditional UPDATE, and the CHECK refuses any overbooking.
    confirmed_count INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0 AND confirmed_count <= capacity),
    meeting_url TEXT NOT NULL,
    languages TEXT NOT NULL,
    reminder_offsets TEXT NOT NULL,
    sequence INTEGER NOT NULL DEFAULT 0,
    published BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_webinar_starts ON sessions(webinar_id, starts_at);
CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('learner', 'organiser', 'admin')),
    locale TEXT NOT NULL,
    email_verified_at TIMESTAMP,
    consent_version TEXT,
    consent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE TABLE user_tokens (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    detail TEXT,
    expires_at TIMESTAMP,
    used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE campaigns (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    session_id BIGINT REFERENCES sessions(id) ON DELETE SET NULL,
    whole_series BOOLEAN NOT NULL DEFAULT FALSE,
    status TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE TABLE invitations (
    id BIGSERIAL PRIMARY KEY,
    campaign_id BIGINT NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    full_name TEXT NOT NULL,
    locale TEXT NOT NULL,
    organisation TEXT NOT NULL,
    country TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    queued_at TIMESTAMP,
    sent_at TIMESTAMP,
    failed_at TIMESTAMP,
    clicked_at TIMESTAMP,
    unsubscribed_at TIMESTAMP,
    reminded_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (campaign_id, email)
);
CREATE TABLE registrations (
    id BIGSERIAL PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    full_name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    function TEXT NOT NULL,
    territory TEXT NOT NULL,
    country TEXT NOT NULL,
    locale TEXT NOT NULL,
    timezone TEXT NOT NULL,
    consent_version TEXT NOT NULL,
    consent_at TIMESTAMP NOT NULL,
    announcements BOOLEAN NOT NULL DEFAULT FALSE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled')),
    waitlisted_at TIMESTAMP,
    confirm_token_hash TEXT UNIQUE,
    confirm_expires_at TIMESTAMP,
    manage_token_hash TEXT NOT NULL UNIQUE,
    join_token_hash TEXT NOT NULL UNIQUE,
    invitation_id BIGINT REFERENCES invitations(id) ON DELETE SET NULL,
    attended BOOLEAN NOT NULL DEFAULT FALSE,
    join_clicked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    cancelled_at TIMESTAMP,
    UNIQUE (session_id, email)
);
CREATE INDEX registrations_waitlist ON registrations(session_id, status, waitlisted_at);
CREATE TABLE replays (
    id BIGSERIAL PRIMARY KEY,
    webinar_id BIGINT NOT NULL REFERENCES webinars(id) ON DELETE CASCADE,
    session_id BIGINT REFERENCES sessions(id) ON DELETE SET NULL,
    locale TEXT NOT NULL,
    video_url TEXT NOT NULL,
    duration_s INTEGER,
    published BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (webinar_id, locale)
);
CREATE TABLE replay_captions (
    replay_id BIGINT NOT NULL REFERENCES replays(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (replay_id, locale)
);
CREATE TABLE modules (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    published BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE TABLE module_translations (
    module_id BIGINT NOT NULL REFERENCES modules(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (module_id, locale)
);
CREATE TABLE lessons (
    id BIGSERIAL PRIMARY KEY,
    module_id BIGINT NOT NULL REFERENCES modules(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    duration_s INTEGER NOT NULL CHECK (duration_s > 0),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (module_id, position)
);
CREATE TABLE lesson_translations (
    lesson_id BIGINT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    video_url TEXT NOT NULL,
    captions_url TEXT,
    PRIMARY KEY (lesson_id, locale)
);
CREATE TABLE lesson_progress (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    lesson_id BIGINT NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    watched_intervals TEXT NOT NULL,
    watched_s INTEGER NOT NULL,
    position_s INTEGER NOT NULL,
    completed_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, lesson_id)
);
CREATE TABLE certificates (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    module_id BIGINT NOT NULL REFERENCES modules(id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    full_name TEXT NOT NULL,
    locale TEXT NOT NULL,
    issued_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, module_id)
);
CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    locale TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    last_error TEXT,
    campaign_id BIGINT REFERENCES campaigns(id) ON DELETE SET NULL,
    invitation_id BIGINT REFERENCES invitations(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE TABLE suppressions (
    email_hash TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    actor_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
