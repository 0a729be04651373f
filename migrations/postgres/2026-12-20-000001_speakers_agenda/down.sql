DROP TABLE agenda_item_translations;
DROP TABLE agenda_items;
DROP TABLE session_speakers;
DROP TABLE webinar_speakers;
DROP TABLE speaker_translations;
DROP TABLE speakers;
