-- Registrations look up the invitation of their address: without it, each one scanned every invitation of every campaign.
CREATE INDEX invitations_email ON invitations(email);
