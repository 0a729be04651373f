-- API tokens get scopes (comma-separated, e.g. "registrants,campaigns"; tokens made
-- before scopes existed keep everything: "admin"), the time they were last used, and a
-- revocation time of their own (it was kept in used_at).
ALTER TABLE user_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT 'admin';
ALTER TABLE user_tokens ADD COLUMN last_used_at TIMESTAMP;
ALTER TABLE user_tokens ADD COLUMN revoked_at TIMESTAMP;
UPDATE user_tokens SET revoked_at = used_at, used_at = NULL WHERE kind = 'api' AND used_at IS NOT NULL;
