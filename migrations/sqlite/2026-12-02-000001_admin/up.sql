-- Invitation mails carry a one-click unsubscribe link with its own token (kept hashed).
ALTER TABLE invitations ADD COLUMN unsubscribe_token_hash TEXT;
CREATE UNIQUE INDEX invitations_unsubscribe_token ON invitations(unsubscribe_token_hash);
CREATE INDEX outbox_invitation ON outbox(invitation_id);
CREATE INDEX audit_log_created ON audit_log(created_at);
