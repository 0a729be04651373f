UPDATE user_tokens SET used_at = revoked_at WHERE kind = 'api' AND revoked_at IS NOT NULL;
ALTER TABLE user_tokens DROP COLUMN revoked_at;
ALTER TABLE user_tokens DROP COLUMN last_used_at;
ALTER TABLE user_tokens DROP COLUMN scopes;
