//! Pure domain types: no I/O, parsed once at the edge.

pub mod certificate;
pub mod consent;
pub mod country;
pub mod email;
pub mod locale;
pub mod progress;
pub mod registration;
pub mod session_languages;
pub mod slug;
pub mod speaker;
pub mod timezone;
pub mod token_scope;
pub mod translation;
pub mod video;

pub use certificate::CertificateCode;
pub use email::EmailAddress;
pub use locale::Locale;
pub use session_languages::SessionLanguages;
pub use slug::Slug;
pub use timezone::TimeZone;
pub use video::VideoSource;
