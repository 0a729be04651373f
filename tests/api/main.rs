//! One integration test binary. The backend is SQLite (a temp file per test) unless
//! `CONVIVE_TEST_DATABASE_URL` names a PostgreSQL server, where each test gets a fresh
//! database that is dropped afterwards. `browser/` drives headless Chromium against the same
//! server (skipped, with a notice, when no browser is installed).

mod helpers;

mod account_pages;
mod accounts_api;
mod admin;
mod admin_content;
mod admin_media;
mod admin_registrants;
mod announcements;
mod api_tokens;
mod assets;
mod browser;
mod calendars;
mod campaign_pages;
mod cli;
mod contact_lists;
mod faults;
mod fuzz;
mod fuzz_admin;
mod fuzz_public;
mod group_commit;
mod health;
mod i18n;
mod mail;
mod mail_headers;
mod mail_log;
mod media_store;
mod migrations;
mod multi_process;
mod page_cache;
mod page_cache_viewers;
mod privacy;
mod programme_api;
mod programme_pages;
mod progress;
mod rate_limits;
mod registration_load;
mod registration_pages;
mod registrations;
mod reminders;
mod replays;
mod retention;
mod safe_methods;
mod seed;
mod series;
mod session_times;
mod shared_key;
mod sharing;
mod speaker_delete;
mod speakers;
mod walls;
mod web_security;
