//! Use cases. HTML and JSON handlers both call these; every rule lives here once.

pub mod organisers;
pub mod passwords;
pub mod programme;
pub mod tokens;
pub mod translation;
