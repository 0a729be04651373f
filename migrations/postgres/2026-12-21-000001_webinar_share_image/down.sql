ALTER TABLE webinars DROP COLUMN share_image_key;
