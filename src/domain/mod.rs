//! Pure domain types: no I/O, parsed once at the edge.

pub mod email;
pub mod locale;
pub mod slug;
pub mod timezone;

pub use email::EmailAddress;
pub use locale::Locale;
pub use slug::Slug;
pub use timezone::TimeZone;
