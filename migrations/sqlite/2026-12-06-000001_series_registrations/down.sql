ALTER TABLE registrations DROP COLUMN request_mailed_at;
DROP TABLE registration_group_members;
DROP TABLE registration_groups;
