-- The picture a shared link to a webinar shows (og:image), by its key in the picture
-- storage; none shares the site's picture.
ALTER TABLE webinars ADD COLUMN share_image_key TEXT;
