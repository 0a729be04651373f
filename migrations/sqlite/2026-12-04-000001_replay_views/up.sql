-- Replay views (one row each time a replay starts playing), for the dashboard.
CREATE TABLE replay_views (
    id INTEGER PRIMARY KEY,
    webinar_id BIGINT NOT NULL REFERENCES webinars(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    viewed_at TIMESTAMP NOT NULL
);
CREATE INDEX replay_views_webinar ON replay_views(webinar_id);
