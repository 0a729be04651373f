//! Use cases, grouped by the resource they act on. HTML and JSON handlers both call
//! these; every rule lives here once. Services run on a `db::DbConnection` and queue
//! mail as outbox rows; they never name diesel, Fluent, lettre or actix.

pub mod accounts;
pub mod audit_log;
pub mod calendars;
pub mod campaigns;
pub mod content;
pub mod dashboard;
pub mod learning;
pub mod mail_log;
pub mod privacy;
pub mod rate_limits;
pub mod registrations;
pub mod sessions;
pub mod speakers;

/// Fields of a submission that did not parse, each with the Fluent id saying why.
pub type FieldErrors = Vec<(&'static str, &'static str)>;
