//! Convive: a multilingual webinar programme and training videos platform.
//! Layers, top to bottom: `web/` (actix-web) and `jobs/` (the worker: outbox lanes and
//! scheduled jobs) call `services/` (use cases), which call `db/` (diesel), `mail/`
//! (composing and delivering, lettre) and `domain/` (pure); `i18n/` (Fluent),
//! `secrets/` and `media/` (uploaded files, `object_store`) serve all of them.

pub mod cli;
pub mod db;
pub mod domain;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod media;
pub mod memory;
pub mod secrets;
pub mod services;
pub mod settings;
pub mod startup;
pub mod telemetry;
pub mod web;
