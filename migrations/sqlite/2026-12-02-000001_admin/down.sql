DROP INDEX audit_log_created;
DROP INDEX outbox_invitation;
DROP INDEX invitations_unsubscribe_token;
ALTER TABLE invitations DROP COLUMN unsubscribe_token_hash;
