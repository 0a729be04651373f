//! Use cases. HTML and JSON handlers both call these; every rule lives here once.

pub mod accounts;
pub mod campaigns;
pub mod certificate_pdf;
pub mod certificates;
pub mod contacts;
pub mod content_admin;
pub mod dashboard;
pub mod learning;
pub mod lessons_admin;
pub mod organisers;
pub mod passwords;
pub mod programme;
pub mod registrants;
pub mod registration_manage;
pub mod registration_series;
pub mod registration_tokens;
pub mod registrations;
pub mod reminders;
pub mod replays;
pub mod replays_admin;
pub mod sessions_admin;
pub mod sessions_edit;
pub mod tokens;
pub mod translation;
