DROP INDEX outbox_claimable;
