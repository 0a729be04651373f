-- The mail worker claims due rows in id order. This index holds only the rows still to
-- send (queued, or sending under a lease), so a claim no longer reads past every sent
-- row, nor, on PostgreSQL, past the dead versions a busy outbox leaves until vacuum.
CREATE INDEX outbox_claimable ON outbox (id) WHERE status IN ('queued', 'sending');
-- It replaces outbox_due for the claim; filters on status alone use outbox_status_id.
-- One index fewer to write for every mail queued, claimed and sent.
DROP INDEX outbox_due;
