DROP TABLE registration_reminders;
