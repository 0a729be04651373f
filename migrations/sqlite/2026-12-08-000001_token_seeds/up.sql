-- The link tokens of new registrations and series groups derive from a random seed kept
-- with the row instead of from its id: the row is inserted once, with its final token
-- hashes, and an id reused after a deletion can never match an older link.
-- '' (rows made before): their tokens still derive from the id.
ALTER TABLE registrations ADD COLUMN token_seed TEXT NOT NULL DEFAULT '';
ALTER TABLE registration_groups ADD COLUMN token_seed TEXT NOT NULL DEFAULT '';
