DROP INDEX outbox_recipient;
DROP INDEX privacy_requests_expires;
DROP TABLE privacy_requests;
