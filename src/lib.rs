//! Convive: a multilingual webinar programme and training videos platform.
//! See DESIGN.md for the architecture: `domain/` (pure), `services/` (use cases),
//! `db/` (diesel), `web/` (actix-web), `i18n/` (Fluent), `mail/` (outbox and delivery).

pub mod cli;
pub mod db;
pub mod domain;
pub mod i18n;
pub mod mail;
pub mod memory;
pub mod secrets;
pub mod services;
pub mod settings;
pub mod startup;
pub mod telemetry;
pub mod web;
