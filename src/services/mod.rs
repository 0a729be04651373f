//! Use cases. HTML and JSON handlers both call these; every rule lives here once.

pub mod accounts;
pub mod campaigns;
pub mod certificate_pdf;
pub mod certificates;
pub mod contacts;
pub mod learning;
pub mod organisers;
pub mod passwords;
pub mod privacy;
pub mod programme;
pub mod registration_tokens;
pub mod registrations;
pub mod replays;
pub mod retention;
pub mod sessions_admin;
pub mod tokens;
pub mod translation;
