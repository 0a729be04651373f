DROP INDEX outbox_status_id;
DROP TABLE announcement_recipients;
DROP TABLE announcement_texts;
DROP TABLE announcements;
ALTER TABLE campaigns DROP COLUMN report;
