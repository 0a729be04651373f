//! Use cases. HTML and JSON handlers both call these; every rule lives here once.

pub mod accounts;
pub mod announcements;
pub mod campaign_drafts;
pub mod campaigns;
pub mod certificate_pdf;
pub mod certificates;
pub mod contacts;
pub mod learning;
pub mod mail_log;
pub mod organisers;
pub mod passwords;
pub mod privacy;
pub mod programme;
pub mod registration_manage;
pub mod registration_series;
pub mod registration_tokens;
pub mod registrations;
pub mod reminders;
pub mod replays;
pub mod retention;
pub mod session_labels;
pub mod sessions_admin;
pub mod tokens;
pub mod translation;
