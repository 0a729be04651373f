-- Which reminders went out, so each is queued once per registration and offset.
CREATE TABLE registration_reminders (
    registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    minutes_before INTEGER NOT NULL,
    queued_at TIMESTAMP NOT NULL,
    PRIMARY KEY (registration_id, minutes_before)
);
