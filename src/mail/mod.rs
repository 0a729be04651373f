//! Mail: what is sent (`MailKind`), rendered in the recipient's language, delivered by
//! the outbox worker through SMTP or into `.eml` files. Only this module uses lettre.

pub mod kinds;

pub use kinds::MailKind;
