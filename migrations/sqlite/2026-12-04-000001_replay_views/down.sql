DROP INDEX replay_views_webinar;
DROP TABLE replay_views;
