//! One integration test binary. The backend is SQLite (a temp file per test) unless
//! `CONVIVE_TEST_DATABASE_URL` names a PostgreSQL server, where each test gets a fresh
//! database that is dropped afterwards. `browser/` drives headless Chromium against the same
//! server (skipped, with a notice, when no browser is installed).

mod helpers;
mod learners;
mod smtp;

mod account_pages;
mod accounts_api;
mod admin;
mod assets;
mod browser;
mod cli;
mod group_commit;
mod health;
mod i18n;
mod mail;
mod migrations;
mod page_cache;
mod page_cache_viewers;
mod programme_api;
mod programme_pages;
mod progress;
mod registrations;
mod replays;
mod seed;
