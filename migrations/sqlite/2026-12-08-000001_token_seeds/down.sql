ALTER TABLE registration_groups DROP COLUMN token_seed;
ALTER TABLE registrations DROP COLUMN token_seed;
