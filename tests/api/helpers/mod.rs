//! What the tests share, by theme. `app.rs` spawns the real service (its names are
//! re-exported here: every test starts with `spawn_app`); the others are fixtures.
//!
//! - `app`: `spawn_app()`, a fresh database per test (SQLite file or PostgreSQL database)
//! - `smtp`: the SMTP receiver the app delivers to
//! - `visitor`: a browser with its own cookies (sign-up, progress reports)
//! - `pages`: CSRF values, plain text of pages, multipart bodies, redirects
//! - `mailbox`: the outbox rows, tokens and links of mail
//! - `staff`: organiser and admin accounts, log in, API calls, a session to work on
//! - `registrations`: registration bodies, registering and confirming, stored rows
//! - `campaigns`: uploading a contact list from the back office
//! - `speakers`: speakers with a photo, where they appear and a session's agenda, made
//!   through the back office's forms
//! - `s3`: a fresh bucket on the S3-compatible server (moto)

pub mod app;
pub mod campaigns;
pub mod mailbox;
pub mod pages;
pub mod registrations;
pub mod s3;
pub mod smtp;
pub mod speakers;
pub mod staff;
pub mod visitor;

pub use app::{PgTestDatabase, TestApp, postgres_url, spawn_app, spawn_app_with};
